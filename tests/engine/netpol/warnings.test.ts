// Located editor warnings for the classic NetworkPolicy mistakes.
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../../src/engine/index.ts';
import { build, fixture, type Built } from './load.ts';

const netpol = (b: Built): Diagnostic[] => b.model.diagnostics.filter((d) => d.code.startsWith('netpol/'));
const lineOf = (b: Built, needle: string, from = 0): number => {
  const at = b.text.indexOf(needle, from);
  return b.text.slice(0, at).split('\n').length;
};

describe('NetworkPolicy warnings', () => {
  it('flags the documentation AND/OR pitfall on the second peer, and not the single-peer AND', () => {
    const b = build(fixture('docs-and-or.yaml'));
    const [peersOr, ...rest] = netpol(b).filter((d) => d.code === 'netpol/peers-or');
    expect(rest).toEqual([]);
    expect(peersOr?.path).toBe('spec.ingress[0].from[1]');
    const policyAt = b.text.indexOf('name: alice-or-clients');
    expect(peersOr?.range.start.line).toBe(lineOf(b, '- podSelector:', policyAt));
    expect(peersOr?.message).toContain(
      'so either one is enough: pods with role=client in namespace or, or every pod in namespaces with user=alice',
    );
    expect(peersOr?.message).toContain('remove the "-" before podSelector');
  });

  it('says - {} allows all (info alone, warning next to other rules)', () => {
    const docs = netpol(build(fixture('docs-default-policies.yaml'))).filter(
      (d) => d.code === 'netpol/allow-all-rule',
    );
    expect(docs.map((d) => [d.severity, d.path])).toEqual([
      ['info', 'spec.ingress[0]'],
      ['info', 'spec.egress[0]'],
      ['info', 'spec.egress[0]'],
    ]);
    expect(docs[0]?.message).toContain('allows all ingress to the pods it selects');
    const shop = netpol(build(fixture('warnings.yaml'))).filter((d) => d.code === 'netpol/allow-all-rule');
    expect(shop.map((d) => [d.severity, d.path])).toEqual([['warning', 'spec.ingress[1]']]);
    expect(shop[0]?.message).toContain('The other 1 ingress rule of this policy add nothing');
  });

  it('warns when an egress policy leaves no way to kube-dns, located at policyTypes', () => {
    const b = build(fixture('docs-endport.yaml'));
    const dns = netpol(b).filter((d) => d.code === 'netpol/no-dns-egress');
    expect(dns.map((d) => [d.severity, d.path])).toEqual([['warning', 'spec.policyTypes']]);
    expect(dns[0]?.range.start.line).toBe(lineOf(b, '- Egress')); // the policyTypes value
    expect(dns[0]?.message).toContain('isolates 1 pod for egress (default/db)');
    expect(dns[0]?.message).toContain('on UDP 53');
  });

  it('is quiet about DNS when a rule allows kube-dns, and flags ignored rules and selectors matching nothing', () => {
    const b = build(fixture('warnings.yaml'));
    const found = netpol(b).map((d) => [d.code, d.path]);
    expect(found).toContainEqual(['netpol/rules-ignored', 'spec.egress']);
    expect(found).toContainEqual(['netpol/selects-no-pods', 'spec.podSelector']);
    expect(found.filter(([code]) => code === 'netpol/no-dns-egress')).toEqual([]);
    const ignored = netpol(b).find((d) => d.code === 'netpol/rules-ignored');
    expect(ignored?.message).toBe(
      'spec.egress has 1 rule, but spec.policyTypes lists only Ingress: the policy does not apply to egress, so these rules are ignored. Add Egress to policyTypes.',
    );
  });

  it('reports nothing for the e2e model without policies', () => {
    expect(netpol(build(fixture('e2e/model.yaml')))).toEqual([]);
  });
});
