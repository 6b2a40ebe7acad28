import { describe, expect, it } from 'vitest';
import { podNamed, scenario, simulate, trace, withSimulation } from './support.ts';

// The failures that teach (fixtures/failures.yaml): no endpoints, a port nothing listens on,
// readiness changing while traffic runs, a pod deleted, a node down, names that do not resolve.
const failures = scenario('failures.yaml');

describe('failures that teach', () => {
  it('rejects a Service without endpoints (kube-proxy REJECT)', () => {
    const t = trace(failures, 'pod/default/client', 'http://empty/');
    expect(t.outcome).toBe('rejected');
    const last = t.hops.at(-1);
    expect(last).toMatchObject({ kind: 'kube-proxy', status: 'failed', via: 'svc/default/empty' });
    expect(last?.rule).toMatch(/has no endpoints.*-j REJECT$/);
  });

  it('refuses a targetPort no container listens on (RST)', () => {
    const t = trace(failures, 'pod/default/client', 'http://wrong-port/');
    expect(t.outcome).toBe('rejected');
    expect(t.hops.at(-1)).toMatchObject({ kind: 'deliver', status: 'failed' });
    expect(t.hops.at(-1)?.description).toContain('no container listens on tcp port 9090');
  });

  it('times out on a Service port no rule serves (the ClusterIP is virtual)', () => {
    const t = trace(failures, 'pod/default/client', '10.96.0.2:81');
    expect(t.outcome).toBe('timeout');
    expect(t.hops.at(-1)).toMatchObject({ kind: 'timeout', at: 5000.025 });
  });

  it('fails DNS for a name nothing serves, after the whole search list (ndots:5)', () => {
    const t = trace(failures, 'pod/default/client', 'http://nope/');
    expect(t.outcome).toBe('dns-failure');
    expect(t.hops.filter((h) => h.kind === 'dns-query')).toHaveLength(4);
    expect(t.hops.at(-1)?.description).toContain('NXDOMAIN after trying nope.default.svc.cluster.local');
  });

  it('moves traffic away from a pod that turns not ready mid-run, and back when it is ready', () => {
    // The document: 10 requests a second to web; at 2s one web pod turns not ready, at 4s ready again.
    const sim = simulate(failures);
    sim.advance(6000);
    const byWindow = (from: number, to: number) =>
      new Set(
        sim
          .results()
          .filter((r) => r.startedAt >= from && r.startedAt < to && r.outcome === 'delivered')
          .map((r) => r.backend?.pod),
      );
    const [first, second] = failures.model.pods.filter((p) => p.labels.app === 'web').map((p) => p.name);
    expect(byWindow(0, 2000)).toEqual(new Set([first, second]));
    // choosePods takes pods sorted by name: the first one leaves.
    const out = [first, second].sort()[0];
    expect(byWindow(2000, 4000).has(out)).toBe(false);
    expect(byWindow(2000, 4000).size).toBe(1);
    expect(byWindow(4000, 6000).size).toBe(2);
    expect(sim.clusterEvents().map((e) => [e.at, e.kind])).toEqual([
      [2000, 'notReady'],
      [4000, 'ready'],
    ]);
    expect(sim.counters().flows[0]).toMatchObject({ requests: 60, failed: 0 });
  });

  it('setPodReady takes a pod out at once: a Service with one pod then rejects', () => {
    const sim = simulate(failures, {
      traffic: [{ from: 'pod/default/client', to: 'http://single-cluster/' }],
    });
    sim.advance(1500);
    const single = podNamed(failures, 'default', 'single-');
    sim.setPodReady('default', single.name, false);
    sim.advance(3500);
    expect(sim.results().map((r) => r.outcome)).toEqual(['delivered', 'delivered', 'rejected', 'rejected']);
  });

  it('replaces a deleted pod with a new one from its controller; the endpoints follow', () => {
    const web = failures.model.pods.filter((p) => p.labels.app === 'web');
    const gone = web[0];
    if (!gone) throw new Error('web pods');
    const s = withSimulation(
      'failures.yaml',
      `seed: 3
traffic:
- {from: pod/default/client, to: http://web/, rate: 10}
events:
- {at: 1s, deletePod: {namespace: default, name: ${gone.name}}}`,
    );
    const sim = simulate(s);
    sim.advance(3000);
    const event = sim.clusterEvents()[0];
    expect(event?.description).toMatch(/Its controller creates web-[a-z0-9]+-[a-z0-9]{5} in its place/);
    const later = new Set(
      sim
        .results()
        .filter((r) => r.startedAt >= 1000)
        .map((r) => r.backend?.pod),
    );
    expect(later.has(gone.name)).toBe(false);
    expect(later.size).toBe(2);
  });

  it('loses requests to a node that goes down; the load balancer and endpoints move on', () => {
    const single = podNamed(failures, 'default', 'single-');
    const node = failures.model.nodes.find((n) => n.name === single.node);
    const s = withSimulation(
      'failures.yaml',
      `traffic:
- {from: external, to: "${node?.internalIP ?? ''}:30081"}
events:
- {at: 1s, nodeDown: ${single.node}}
- {at: 9s, nodeUp: ${single.node}}`,
    );
    const down = simulate(s);
    down.advance(20_000);
    const outcomes = down.results().map((r) => [r.startedAt, r.outcome]);
    expect(outcomes[0]).toEqual([0, 'delivered']);
    expect(outcomes[1]).toEqual([1000, 'timeout']);
    expect(outcomes.find(([at]) => at === 9000)?.[1]).toBe('delivered');
    expect(down.results().find((r) => r.startedAt === 1000)?.hops[1]?.description).toContain('node is down');
  });

  it('frees the local port of a refused connection (it does not stay held for ever)', () => {
    // 1,000 requests to a Service without endpoints, one after the other: each connection is
    // REJECTed. Were its port kept, no two would share one (and a client would run out of its
    // 28,232 ports, then loop for ever looking for a free one); 1,000 draws from 28,232 ports
    // repeat one with near certainty (and this seed does).
    const sim = simulate(failures, {
      traffic: [{ from: 'pod/default/client', to: 'http://empty/', rate: 100 }],
      requestsPerFlow: 1000,
      events: false,
    });
    const ports: string[] = [];
    for (const h of sim.advance(20_000)) if (h.kind === 'send' && h.before) ports.push(h.before.src);
    expect(ports).toHaveLength(1000);
    expect(sim.counters().flows[0]?.outcomes).toEqual({ rejected: 1000 });
    expect(new Set(ports).size).toBeLessThan(ports.length);
  });
});
