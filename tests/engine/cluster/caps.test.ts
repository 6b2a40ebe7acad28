import { describe, expect, it } from 'vitest';
import { build, fixture, userPods } from './build-helpers.ts';

describe('semantic caps (hostile-inputs.md item 21)', () => {
  const model = build(fixture('replicas-bomb.yaml'));

  it('makes at most 1,000 pods per controller', () => {
    const pods = userPods(model);
    expect(pods.filter((p) => p.labels['app'] === 'web')).toHaveLength(1000);
    expect(pods.filter((p) => p.labels['app'] === 'db')).toHaveLength(1000);
    // StatefulSet ordinals stop at the cap too.
    expect(pods.some((p) => p.name === 'db-999')).toBe(true);
    expect(pods.some((p) => p.name === 'db-1000')).toBe(false);
  });

  it('says which cap and why, at each spec.replicas', () => {
    const caps = model.diagnostics.filter((d) => d.code === 'cap/replicas');
    expect(caps.map((d) => [d.range.start.line, d.message])).toEqual([
      [
        7,
        'spec.replicas: 1000000 is more than Podwire simulates: it makes at most 1000 pods per controller, so the picture stays readable and quick',
      ],
      [
        23,
        'spec.replicas: 5000 is more than Podwire simulates: it makes at most 1000 pods per controller, so the picture stays readable and quick',
      ],
    ]);
    expect(caps.every((d) => d.severity === 'warning' && d.path === 'spec.replicas')).toBe(true);
  });
});
