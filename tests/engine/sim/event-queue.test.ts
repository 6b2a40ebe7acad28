import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Agenda, EventQueue } from '../../../src/engine/sim/event-queue.ts';

// The agenda's order is the simulator's determinism: (time to the µs, rank, insertion order).
describe('EventQueue', () => {
  it('pops by time, then rank, then insertion order, whatever the pushes', () => {
    const entry = fc.record({
      time: fc.oneof(fc.integer({ min: 0, max: 50 }), fc.double({ min: 0, max: 50, noNaN: true })),
      rank: fc.integer({ min: 0, max: 1 }),
    });
    fc.assert(
      fc.property(fc.array(fc.tuple(entry, fc.boolean())), (ops) => {
        const queue = new EventQueue<number>();
        const pending: { time: number; rank: number; id: number }[] = [];
        const popped: number[] = [];
        const expected: number[] = [];
        const key = (e: { time: number; rank: number }) => Math.round(e.time * 1000) * 2 + e.rank;
        ops.forEach(([e, pop], id) => {
          queue.push(e.time, e.rank, id);
          pending.push({ ...e, id });
          if (pop) {
            pending.sort((a, b) => key(a) - key(b) || a.id - b.id);
            const first = pending.shift();
            expect(queue.peekTime()).toBe(first?.time);
            popped.push(queue.pop() ?? -1);
            expected.push(first?.id ?? -1);
          }
        });
        pending.sort((a, b) => key(a) - key(b) || a.id - b.id);
        for (const p of pending) {
          expect(queue.peekTime()).toBe(p.time);
          popped.push(queue.pop() ?? -1);
          expected.push(p.id);
        }
        expect(popped).toEqual(expected);
        expect(queue.size).toBe(0);
        expect(queue.peekTime()).toBe(Infinity);
        expect(queue.pop()).toBeUndefined();
      }),
    );
  });

  it('an Agenda of two lanes pops exactly as one queue would, whatever lane each entry is in', () => {
    const entry = fc.record({
      time: fc.oneof(fc.integer({ min: 0, max: 20 }), fc.double({ min: 0, max: 20, noNaN: true })),
      rank: fc.integer({ min: 0, max: 1 }),
      lane: fc.constantFrom(0 as const, 1 as const),
      pop: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 200 }), (ops) => {
        const one = new EventQueue<number>();
        const two = new Agenda<number>();
        const fromOne: (number | undefined)[] = [];
        const fromTwo: (number | undefined)[] = [];
        ops.forEach((e, id) => {
          one.push(e.time, e.rank, id);
          two.push(e.time, e.rank, id, e.lane);
          if (e.pop) {
            expect(two.peekTime()).toBe(one.peekTime());
            fromOne.push(one.pop());
            fromTwo.push(two.pop());
          }
        });
        while (one.size > 0) {
          expect(two.peekTime()).toBe(one.peekTime());
          fromOne.push(one.pop());
          fromTwo.push(two.pop());
        }
        expect(fromTwo).toEqual(fromOne);
        expect(two.size).toBe(0);
        expect(two.peekTime()).toBe(Infinity);
      }),
    );
  });
});
