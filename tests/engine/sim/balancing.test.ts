import { describe, expect, it } from 'vitest';
import { runBalancing, scenario } from './support.ts';

// Each kube-proxy mode balances its own way (fixtures/balancing.yaml): iptables draws at random
// with no retry, IPVS schedules round robin, nftables draws with numgen, userspace goes round
// robin and retries a backend that refuses; ClientIP affinity sticks in every mode.
const s = scenario('balancing.yaml');

const run = runBalancing;

const echoPods = s.model.pods.filter((p) => p.labels.app === 'echo').map((p) => `default/${p.name}`);

describe('balancing per proxy mode', () => {
  it('iptables and nftables spread at random over every endpoint', () => {
    for (const mode of ['iptables', 'nftables'] as const) {
      const { flow } = run('http://echo/', mode, 300);
      expect(Object.keys(flow?.backends ?? {}).sort(), mode).toEqual([...echoPods].sort());
      for (const n of Object.values(flow?.backends ?? {})) {
        expect(n, mode).toBeGreaterThan(60);
        expect(n, mode).toBeLessThan(140);
      }
    }
  });

  it('IPVS (rr) and userspace take the endpoints in turn', () => {
    for (const mode of ['ipvs', 'userspace'] as const) {
      const { results } = run('http://echo/', mode, 9);
      const order = results.map((r) => r.backend?.pod);
      expect(new Set(order.slice(0, 3)).size, mode).toBe(3);
      expect(order.slice(3, 6), mode).toEqual(order.slice(0, 3));
      expect(order.slice(6, 9), mode).toEqual(order.slice(0, 3));
    }
  });

  it('userspace retries a backend that refuses; iptables, nftables and IPVS do not', () => {
    const user = run('http://mixed/', 'userspace', 20);
    expect(user.flow).toMatchObject({ requests: 20, failed: 0, backends: { 'default/good': 20 } });
    const retried = user.results
      .flatMap((r) => r.hops)
      .find((h) => h.kind === 'kube-proxy' && h.description.includes('which refused, and retried'));
    expect(retried?.description).toContain('10.244.0.5:8080');
    for (const mode of ['iptables', 'nftables', 'ipvs'] as const) {
      const { flow } = run('http://mixed/', mode, 20);
      expect(flow?.outcomes.rejected, mode).toBeGreaterThan(3);
      expect(flow?.outcomes.delivered, mode).toBeGreaterThan(3);
    }
    // IPVS rr alternates exactly.
    expect(run('http://mixed/', 'ipvs', 20).flow?.outcomes).toEqual({ rejected: 10, delivered: 10 });
  });

  it('keeps one client on one endpoint under sessionAffinity ClientIP, in every mode', () => {
    for (const mode of ['iptables', 'ipvs', 'nftables', 'userspace'] as const) {
      const { flow, results } = run('http://sticky/', mode, 12);
      expect(Object.values(flow?.backends ?? {}), mode).toEqual([12]);
      if (mode === 'iptables') {
        const rules = results.flatMap((r) => r.hops).filter((h) => h.via === 'svc/default/sticky');
        expect(
          rules.slice(1).every((h) => h.description.includes('sessionAffinity ClientIP')),
          mode,
        ).toBe(true);
      }
    }
  });
});
