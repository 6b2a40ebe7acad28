import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { setProxyModeInText } from '../../src/state/proxy-mode-edit.ts';

const service = 'apiVersion: v1\nkind: Service   # spacing  kept\nmetadata: {name: a}\n';

describe('setProxyModeInText (the scenario proxy-mode selector writes the text)', () => {
  it('sets spec.cluster.proxyMode in the Simulation document and keeps every other byte', () => {
    const before = `${service}---\n# cluster settings\napiVersion: podwire.dev/v1alpha1\nkind: Simulation\nspec:\n  cluster:\n    proxyMode: iptables # the mode\n  seed: 7\n\n---\n${service}`;
    const after = setProxyModeInText(before, 'nftables');
    expect(after).toBe(
      `${service}---\n# cluster settings\napiVersion: podwire.dev/v1alpha1\nkind: Simulation\nspec:\n  cluster:\n    proxyMode: nftables # the mode\n  seed: 7\n\n---\n${service}`,
    );
  });

  it('adds the missing spec.cluster to an existing Simulation document', () => {
    const after = setProxyModeInText(
      `apiVersion: podwire.dev/v1alpha1\nkind: Simulation\nmetadata:\n  name: s\nspec:\n---\n${service}`,
      'ipvs',
    );
    expect(after).toBe(
      `apiVersion: podwire.dev/v1alpha1\nkind: Simulation\nmetadata:\n  name: s\nspec:\n  cluster:\n    proxyMode: ipvs\n---\n${service}`,
    );
  });

  it('appends a minimal Simulation document after a --- when there is none', () => {
    const after = setProxyModeInText(service, 'ipvs');
    expect(after).toBe(
      `${service}---\napiVersion: podwire.dev/v1alpha1\nkind: Simulation\nmetadata:\n  name: scenario\nspec:\n  cluster:\n    proxyMode: ipvs\n`,
    );
    const docs = parseAllDocuments(after ?? '');
    expect(docs.map((d) => d.toJS() as unknown)).toContainEqual({
      apiVersion: 'podwire.dev/v1alpha1',
      kind: 'Simulation',
      metadata: { name: 'scenario' },
      spec: { cluster: { proxyMode: 'ipvs' } },
    });
  });

  it('appends after a text without a final newline, and keeps CRLF line ends', () => {
    expect(setProxyModeInText('kind: Pod', 'userspace')).toMatch(/^kind: Pod\n---\napiVersion: podwire/);
    const crlf = setProxyModeInText('apiVersion: v1\r\nkind: Pod\r\n', 'ipvs') ?? '';
    expect(crlf.startsWith('apiVersion: v1\r\nkind: Pod\r\n---\r\napiVersion:')).toBe(true);
    expect(crlf.replaceAll('\r\n', '')).not.toContain('\n');
  });

  it('changes only the first Simulation document (the one the engine reads)', () => {
    const sim = (mode: string) =>
      `apiVersion: podwire.dev/v1alpha1\nkind: Simulation\nspec: {cluster: {proxyMode: ${mode}}}\n`;
    const after = setProxyModeInText(`${sim('ipvs')}---\n${sim('userspace')}`, 'nftables') ?? '';
    expect(after.endsWith(`---\n${sim('userspace')}`)).toBe(true);
    expect(after).toContain('proxyMode: nftables');
  });

  it('refuses to rewrite a Simulation document that does not read cleanly', () => {
    expect(
      setProxyModeInText('apiVersion: podwire.dev/v1alpha1\nkind: Simulation\nspec: {cluster: [\n', 'ipvs'),
    ).toBeUndefined();
  });
});
