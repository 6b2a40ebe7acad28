import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { withOverrides } from '../../src/state/share-overrides.ts';

const whale = readFileSync(new URL('../../src/scenarios/whale-hosting.yaml', import.meta.url), 'utf8');

describe('a link’s seed and proxy mode written into the text', () => {
  it('changes only the Simulation document’s seed and proxy mode', () => {
    const out = withOverrides(whale, { seed: 9, proxyMode: 'ipvs' });
    expect(out).toContain('seed: 9');
    expect(out).toContain('proxyMode: ipvs');
    expect(out).not.toContain('seed: 1\n');
    expect(out.slice(0, whale.indexOf('kind: Simulation'))).toBe(
      whale.slice(0, whale.indexOf('kind: Simulation')),
    );
  });

  it('appends a Simulation document to a text without one', () => {
    const out = withOverrides('apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n', { seed: 3 });
    expect(out).toBe(
      'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: a\n---\napiVersion: podwire.dev/v1alpha1\nkind: Simulation\nmetadata:\n  name: scenario\nspec:\n  seed: 3\n',
    );
  });

  it('leaves the text alone without overrides or when the Simulation document is broken', () => {
    expect(withOverrides(whale, {})).toBe(whale);
    const broken = 'apiVersion: podwire.dev/v1alpha1\nkind: Simulation\nspec: [\n';
    expect(withOverrides(broken, { seed: 2 })).toBe(broken);
  });
});
