import { describe, expect, it } from 'vitest';
import { Counters } from '../../../src/engine/sim/counters.ts';
import type { SimRequestResult } from '../../../src/engine/sim/sim-types.ts';

const result = (
  flow: number,
  outcome: SimRequestResult['outcome'],
  pod?: string,
  shared?: SimRequestResult['backend'],
): SimRequestResult => ({
  outcome,
  hops: [],
  request: 0,
  flow,
  from: 'pod/default/client',
  to: 'http://web/',
  startedAt: 0,
  endedAt: 0,
  ...(shared
    ? { backend: shared }
    : pod
      ? { backend: { namespace: 'default', pod, ip: '10.0.0.1', port: 80 } }
      : {}),
});

describe('Counters', () => {
  it('counts outcomes as they change and backends whether their objects are shared or new each time', () => {
    const counters = new Counters([{ from: 'pod/default/client', to: 'http://web/' }]);
    const shared = { namespace: 'default', pod: 'web-a', ip: '10.0.0.1', port: 80 };
    // More new objects than the per-flow memory of backend objects holds, mixed with a shared one.
    for (let i = 0; i < 200; i++) {
      counters.count(result(0, 'delivered', `web-${String(i % 3)}`));
      counters.count(result(0, 'delivered', undefined, shared));
      if (i % 10 === 0) counters.count(result(0, 'rejected'));
      if (i % 25 === 0) counters.count(result(0, 'timeout'));
    }
    const flow = counters.snapshot().flows[0];
    expect(flow?.requests).toBe(200 + 200 + 20 + 8);
    expect(flow?.failed).toBe(28);
    expect(flow?.outcomes).toEqual({ delivered: 400, rejected: 20, timeout: 8 });
    expect(flow?.backends).toEqual({
      'default/web-0': 67,
      'default/web-1': 67,
      'default/web-2': 66,
      'default/web-a': 200,
    });
  });

  it('counts a backend only for delivered requests, and one-off sends apart', () => {
    const counters = new Counters([]);
    counters.count(result(-1, 'delivered', 'web-0'));
    counters.count({ ...result(-1, 'dropped', 'web-0') });
    const { oneOff } = counters.snapshot();
    expect(oneOff.requests).toBe(2);
    expect(oneOff.outcomes).toEqual({ delivered: 1, dropped: 1 });
    expect(oneOff.backends).toEqual({ 'default/web-0': 1 });
  });
});
