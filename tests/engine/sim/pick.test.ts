import { describe, expect, it } from 'vitest';
import type { ProxyMode, SimHop } from '../../../src/engine/index.ts';
import { runBalancing, scenario, simulate } from './support.ts';

// A balancing hop names the pod it picked and the odds of that pick (the captions read them):
// iptables 1/n overall through the statistic chain, IPVS rr and userspace in turn, ClientIP
// affinity the same pod as before, ingress-nginx round robin over the Service's endpoints.
const s = scenario('balancing.yaml');
const echoPods = s.model.pods.filter((p) => p.labels.app === 'echo').map((p) => `default/${p.name}`);

const run = (to: string, proxyMode: ProxyMode, requests: number) =>
  runBalancing(to, proxyMode, requests).results;

/** The kube-proxy hop that sent each request to its backend (the last one before delivery). */
const proxyHops = (results: ReturnType<typeof run>) =>
  results.map((r) =>
    r.hops
      .filter((h: SimHop) => h.kind === 'kube-proxy' && h.via === `svc/default/${r.to.split('/')[2] ?? ''}`)
      .at(-1),
  );

describe('the pick a kube-proxy hop records', () => {
  it('iptables: the pod it DNATs to, picked with probability 1/n over n endpoints', () => {
    const results = run('http://echo/', 'iptables', 12);
    expect(echoPods.length).toBe(3);
    for (const [i, h] of proxyHops(results).entries()) {
      expect(h?.pick?.how).toBe('random');
      expect(h?.pick?.of).toBe(3);
      expect(h?.pick?.probability).toBeCloseTo(1 / 3, 6);
      const backend = results[i]?.backend;
      expect(h?.pick?.pod).toBe(`${backend?.namespace ?? ''}/${backend?.pod ?? ''}`);
    }
  });

  it('IPVS rr and userspace: in turn, one of n', () => {
    for (const mode of ['ipvs', 'userspace'] as const) {
      const picks = proxyHops(run('http://echo/', mode, 6)).map((h) => h?.pick);
      expect(
        picks.every((p) => p?.how === 'round-robin' && p.of === 3),
        mode,
      ).toBe(true);
      expect(new Set(picks.slice(0, 3).map((p) => p?.pod)).size, mode).toBe(3);
    }
  });

  it('sessionAffinity ClientIP: the first pick is a draw, the next ones stick', () => {
    for (const mode of ['iptables', 'ipvs', 'nftables', 'userspace'] as const) {
      const picks = proxyHops(run('http://sticky/', mode, 4)).map((h) => h?.pick);
      expect(picks[0]?.how, mode).not.toBe('sticky');
      expect(
        picks.slice(1).map((p) => p?.how),
        mode,
      ).toEqual(['sticky', 'sticky', 'sticky']);
      expect(new Set(picks.map((p) => p?.pod)).size, mode).toBe(1);
    }
  });

  it('only the hops that chose a backend carry a pick', () => {
    const hops = run('http://mixed/', 'iptables', 20).flatMap((r) => r.hops);
    const picked = hops.filter((h) => h.pick !== undefined);
    expect(picked.length).toBeGreaterThan(0);
    expect(picked.every((h) => h.kind === 'kube-proxy' && h.status === 'ok')).toBe(true);
  });
});

describe('the pick an ingress-nginx hop records', () => {
  it('names the backend pod, round robin over the endpoints', () => {
    const w = scenario('src/scenarios/whale-hosting.yaml');
    const sim = simulate(w, { requestsPerFlow: 2 });
    sim.advance(Number.POSITIVE_INFINITY);
    const results = sim.results();
    expect(results.length).toBe(4);
    for (const r of results) {
      const proxy = r.hops.find((h) => h.kind === 'proxy');
      expect(proxy?.pick).toEqual({
        pod: `${r.backend?.namespace ?? ''}/${r.backend?.pod ?? ''}`,
        how: 'round-robin',
        probability: 1,
        of: 1,
      });
    }
  });
});
