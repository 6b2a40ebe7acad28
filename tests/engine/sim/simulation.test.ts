import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../../src/engine/index.ts';
import { scenario, simulate, withSimulation } from './support.ts';

// The simulator's API as the worker and the UI use it: advance in virtual time, hops in seq order
// with graph ids, one-off sends, counters; the same seed gives the same run.
const seed = scenario('seed-services.yaml');
const whale = scenario('src/scenarios/whale-hosting.yaml');

describe('createSimulation', () => {
  it("runs the Simulation document's traffic: hops in seq order, in time, with graph ids", () => {
    const sim = simulate(seed);
    const hops = [...sim.advance(1000), ...sim.advance(2000)];
    expect(sim.now).toBe(2000);
    expect(hops.map((h) => h.seq)).toEqual(hops.map((_, i) => i));
    const times = hops.map((h) => h.at);
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    const ids = new Set(buildGraph(seed.model).nodes.map((n) => n.id));
    for (const h of hops) {
      expect(ids.has(h.from), h.from).toBe(true);
      expect(ids.has(h.to), h.to).toBe(true);
    }
    expect(new Set(hops.map((h) => h.flow))).toEqual(new Set([0, 1]));
    // Flow 0 sends 2 a second, flow 1 one a second: 0, 500, 1000, 1500 ms and 0, 1000 ms (2000 not done).
    const counters = sim.counters();
    expect(counters.flows.map((f) => [f.from, f.to, f.requests, f.failed])).toEqual([
      ['pod/test/utility', 'http://node-js-internal.default/', 4, 0],
      ['external', 'http://172.18.255.200:90/', 2, 0],
    ]);
    // Results come in the order requests finish.
    expect(
      sim
        .results()
        .map((r) => r.request)
        .sort(),
    ).toEqual([0, 1, 2, 3, 4, 5]);
    const first = sim.results()[0];
    expect(first?.hops.every((h) => h.request === first.request)).toBe(true);
    expect(first?.endedAt).toBe(first?.hops.at(-1)?.at);
  });

  it('gives identical hops for the same seed, and other picks for another seed', () => {
    const run = (s: number) => {
      const sim = simulate(seed, { seed: s });
      return sim.advance(20_000);
    };
    expect(run(7)).toEqual(run(7));
    const picks = (s: number) =>
      run(s)
        .filter((h) => h.kind === 'kube-proxy')
        .map((h) => h.after?.dst)
        .join();
    expect(picks(7)).not.toBe(picks(8));
  });

  it('sends one-off requests now, and refuses malformed ones', () => {
    const sim = simulate(whale, { traffic: [] });
    sim.advance(100);
    const id = sim.send('external', 'http://b.whale.hey/');
    expect(sim.inFlight).toBe(1);
    const hops = sim.advance(200);
    expect(hops[0]).toMatchObject({ request: id, flow: -1, at: 100.01, kind: 'send' });
    expect(sim.inFlight).toBe(0);
    expect(sim.results()[0]).toMatchObject({ outcome: 'delivered', httpStatus: 200, startedAt: 100 });
    expect(sim.counters().oneOff).toMatchObject({ requests: 1, failed: 0 });
    expect(() => sim.send('external', 'not a url')).toThrow(/--to must be a URL/);
    expect(() => sim.send('pods/x', 'http://a/')).toThrow(/--from must be/);
    // A pod that does not exist is no usage error: the request fails with a hop that says why.
    sim.send('pod/default/ghost', 'http://a.whale.hey/');
    expect(sim.advance(300)[0]).toMatchObject({ status: 'failed', kind: 'send' });
    expect(sim.results().at(-1)?.outcome).toBe('no-route');
  });

  it('keeps at most `retain` results but counts every request', () => {
    const sim = simulate(seed, { retain: 3, requestsPerFlow: 5 });
    sim.advance(Number.POSITIVE_INFINITY);
    expect(sim.results()).toHaveLength(3);
    expect(sim.counters().flows.map((f) => f.requests)).toEqual([5, 5]);
  });

  it('applies an object at its time: before it the name does not resolve, after it the Service answers', () => {
    const s = withSimulation(
      'seed-services.yaml',
      `traffic:
- {from: pod/test/utility, to: "http://late.default/"}
events:
- at: 2s
  apply:
    apiVersion: v1
    kind: Service
    metadata: {name: late, namespace: default}
    spec: {selector: {name: node-js}, ports: [{port: 80}]}`,
    );
    const sim = simulate(s);
    sim.advance(4500);
    expect(sim.results().map((r) => [r.startedAt, r.outcome])).toEqual([
      [0, 'dns-failure'],
      [1000, 'dns-failure'],
      [2000, 'delivered'],
      [3000, 'delivered'],
      [4000, 'delivered'],
    ]);
    expect(sim.clusterEvents()[0]).toMatchObject({
      at: 2000,
      kind: 'apply',
      description: 'Service late is applied.',
    });
  });
});
