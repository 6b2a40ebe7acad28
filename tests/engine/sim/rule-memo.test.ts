import { describe, expect, it } from 'vitest';
import { memoisedDecision, proxyAtNode, type Packet, type ProxyMode } from '../../../src/engine/index.ts';
import { scenario } from './support.ts';

// The memo replays a class's decision from the rules' own branches (trace-all statistic
// probabilities, numgen's 1/n) and makes each outcome's decision by a real walk the first time.
// Proof: for the same random draws, memoised and fresh walks pick the same backend and consume
// the same number of draws.
const s = scenario('balancing.yaml');

function mulberry(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A random source replaying `draws`, counting the calls. */
function replay(draws: readonly number[]) {
  let i = 0;
  return { random: () => draws[i++] ?? 0.5, calls: () => i };
}

describe('memoised rule walks', () => {
  const client = s.model.pods.find((p) => p.name === 'client');
  const echo = s.model.services.find((x) => x.name === 'echo');
  const node = client?.node ?? '';
  const base: Packet = {
    sourceIP: client?.ip ?? '',
    destIP: echo?.clusterIP ?? '',
    destPort: 80,
    protocol: 'TCP',
    origin: 'forwarded',
  };

  for (const mode of ['iptables', 'nftables'] as ProxyMode[]) {
    it(`${mode}: the memo and a fresh walk pick the same backend for the same draws`, () => {
      const rng = mulberry(42);
      const seen = new Set<string>();
      for (let i = 0; i < 300; i++) {
        const draws = [rng(), rng(), rng()];
        const fresh = replay(draws);
        const walked = proxyAtNode(s.model, node, mode, { ...base, random: fresh.random });
        const memo = replay(draws);
        const replayed = memoisedDecision(s.model, node, mode, { ...base, random: memo.random }, (r) =>
          proxyAtNode(s.model, node, mode, { ...base, random: r }),
        );
        expect(replayed.dnat).toEqual(walked.dnat);
        expect(replayed.pod).toBe(walked.pod);
        expect(replayed.probability).toBeCloseTo(walked.probability ?? 0, 12);
        expect(memo.calls()).toBe(fresh.calls());
        seen.add(walked.pod ?? '');
      }
      expect(seen.size).toBe(3);
    });
  }

  it('walks for real where the rules keep state (ClientIP affinity)', () => {
    const sticky = s.model.services.find((x) => x.name === 'sticky');
    const packet = { ...base, destIP: sticky?.clusterIP ?? '', random: () => 0.9 };
    let walks = 0;
    for (let i = 0; i < 3; i++)
      memoisedDecision(s.model, node, 'iptables', packet, (r) => {
        walks++;
        return proxyAtNode(s.model, node, 'iptables', { ...packet, random: r });
      });
    expect(walks).toBe(3);
    let ipvsWalks = 0;
    for (let i = 0; i < 3; i++)
      memoisedDecision(s.model, node, 'ipvs', { ...base, random: () => 0.5 }, (r) => {
        ipvsWalks++;
        return proxyAtNode(s.model, node, 'ipvs', { ...base, random: r });
      });
    expect(ipvsWalks).toBe(3);
  });
});
