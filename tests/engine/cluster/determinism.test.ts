import { describe, expect, it } from 'vitest';
import { buildCluster, parseManifests } from '../../../src/engine/index.ts';
import { largeClusterYaml } from '../../bench/large-cluster.ts';
import { build, fixture } from './build-helpers.ts';

describe('determinism and speed', () => {
  it('same text and seed → the same model', () => {
    const text = [fixture('workloads.yaml'), fixture('services.yaml'), fixture('ingress.yaml')].join('---\n');
    expect(JSON.stringify(build(text))).toBe(JSON.stringify(build(text)));
  });

  it('builds 2,000 pods / 300 Services / 50 Ingresses well under 100 ms', () => {
    const { objects } = parseManifests(largeClusterYaml());
    // Warm the JIT first, as the worker is after its first build; then take the best run.
    for (let i = 0; i < 5; i++) buildCluster(objects);
    const times: number[] = [];
    for (let i = 0; i < 10; i++) {
      const start = performance.now();
      buildCluster(objects);
      times.push(performance.now() - start);
    }
    const model = buildCluster(objects);
    expect(model.pods.filter((p) => p.system === undefined).length).toBe(2000);
    expect(model.services.length).toBeGreaterThanOrEqual(300);
    expect(Math.min(...times)).toBeLessThan(100);
  });
});
