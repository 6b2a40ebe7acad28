import { describe, expect, it } from 'vitest';
import { Recent } from '../../../src/engine/sim/recent.ts';

describe('Recent', () => {
  it('keeps the latest `size` items, oldest first, as the ring wraps', () => {
    const r = new Recent<number>(3);
    expect(r.items()).toEqual([]);
    r.push(1);
    r.push(2);
    expect(r.items()).toEqual([1, 2]);
    r.push(3);
    expect(r.items()).toEqual([1, 2, 3]);
    for (let i = 4; i <= 8; i++) {
      r.push(i);
      expect(r.items()).toEqual([i - 2, i - 1, i]);
    }
  });

  it('keeps nothing with size 0, and everything with size Infinity', () => {
    const none = new Recent<number>(0);
    none.push(1);
    expect(none.items()).toEqual([]);
    const all = new Recent<number>(Infinity);
    for (let i = 0; i < 50; i++) all.push(i);
    expect(all.items()).toHaveLength(50);
    expect(all.items()[49]).toBe(49);
  });

  it('keeps the whole part of a fractional size, and nothing for a negative or NaN one', () => {
    const r = new Recent<number>(2.5);
    for (let i = 1; i <= 5; i++) r.push(i);
    expect(r.items()).toEqual([4, 5]);
    for (const size of [-1, NaN]) {
      const none = new Recent<number>(size);
      none.push(1);
      expect(none.items()).toEqual([]);
    }
  });

  it('gives a copy: what the caller holds does not change as items come', () => {
    const r = new Recent<string>(2);
    r.push('a');
    const held = r.items();
    r.push('b');
    r.push('c');
    expect(held).toEqual(['a']);
    expect(r.items()).toEqual(['b', 'c']);
  });
});
