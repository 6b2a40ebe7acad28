import { describe, expect, it } from 'vitest';
import { mulberry32, uniform } from '../../../src/engine/cluster/rng.ts';

/** mulberry32 as published (Tommy Ettinger's, in its common JavaScript form): the reference. */
function reference(seed: number): () => number {
  let a = seed;
  return () => {
    let t = (a += 0x6d2b79f5);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

const SEEDS = [0, 1, 0x7fffffff, 0x80000000, 0xdeadbeef, 0xffffffff, 123456789];

describe('mulberry32', () => {
  it('draws the reference sequence for seeds on both sides of 2^31', () => {
    for (const seed of SEEDS) {
      const ours = mulberry32(seed);
      const theirs = reference(seed);
      for (let i = 0; i < 1000; i++) expect(ours()).toBe(theirs());
    }
  });

  it('known first draws (seed 0 and 1)', () => {
    const zero = mulberry32(0);
    expect([zero(), zero()]).toEqual([1144304738, 1416247]);
    const one = mulberry32(1);
    expect([one(), one()]).toEqual([2693262067, 11749833]);
  });
});

describe('uniform', () => {
  it('is mulberry32 over 2^32, in [0, 1)', () => {
    for (const seed of SEEDS) {
      const u = uniform(seed);
      const m = mulberry32(seed);
      for (let i = 0; i < 1000; i++) {
        const r = u();
        expect(r).toBe(m() / 4294967296);
        expect(r).toBeGreaterThanOrEqual(0);
        expect(r).toBeLessThan(1);
      }
    }
  });
});
