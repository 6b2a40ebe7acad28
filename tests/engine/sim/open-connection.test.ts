// Planned paths (open-connection.ts) are a shortcut that must not show: every run makes the same
// hops, results and counters with them as when every connection walks the rules and routes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { plainHop, type SimulationOptions, type TrafficFlow } from '../../../src/engine/index.ts';
import { opened } from '../../../src/engine/sim/open-connection.ts';
import {
  everyPodAsksEveryService as everyPod,
  fromText,
  scenario,
  simulate,
  type Scenario,
} from './support.ts';

/** Everything a run shows, advanced in `step`-ms slices (frame-like ones fall between agenda times). */
function run(s: Scenario, until: number, step: number, options: SimulationOptions = {}) {
  const sim = simulate(s, { retain: 200, ...options });
  const hops: unknown[] = [];
  for (let ms = step; ms <= until; ms += step) for (const h of sim.advance(ms)) hops.push(plainHop(h));
  return {
    hops,
    results: sim.results().map((r) => ({ ...r, hops: r.hops.map(plainHop) })),
    counters: sim.counters(),
    events: sim.clusterEvents(),
  };
}

/** The run with planned paths, checked against the same run walked; how many connections were planned. */
function same(file: string | Scenario, until: number, step: number, options: SimulationOptions = {}): number {
  const s = typeof file === 'string' ? scenario(file) : file;
  const before = opened.planned;
  const planned = run(s, until, step, options);
  const taken = opened.planned - before;
  const walked = run(s, until, step, { ...options, plannedPaths: false });
  expect(opened.planned - before).toBe(taken);
  expect(planned.hops.length).toBeGreaterThan(0);
  expect(planned).toEqual(walked);
  return taken;
}

describe('planned paths', () => {
  it('give the walk’s run while a node goes down and back, pods turn not ready and one is deleted', () => {
    const taken = same('planned-paths.yaml', 4000, 1000);
    // Most of the run's connections (three a request: two DNS queries, then HTTP) were planned.
    expect(taken).toBeGreaterThan(500);
  });

  it('give the same run when the page advances frame by frame, between agenda times', () => {
    expect(same('planned-paths.yaml', 3200, 16.667)).toBeGreaterThan(300);
  });

  it('give the same run in nftables mode (numgen), and are not used where rules keep state', () => {
    expect(same('planned-paths.yaml', 2000, 250, { proxyMode: 'nftables' })).toBeGreaterThan(200);
    expect(same('planned-paths.yaml', 1000, 250, { proxyMode: 'ipvs' })).toBe(0);
  });

  it('give the same run for the seed’s scenarios and the failures that teach, every pod asking every Service', () => {
    for (const file of [
      'seed-services.yaml',
      'failures.yaml',
      'balancing.yaml',
      'src/scenarios/whale-hosting.yaml',
    ]) {
      const traffic = everyPod(scenario(file).model);
      expect(same(file, 3000, 500, { traffic })).toBeGreaterThan(100);
    }
  });

  it('are not used under NetworkPolicy (the plugin decides per connection)', () => {
    const fixtures = join(import.meta.dirname, 'fixtures');
    const text = ['netpol-base.yaml', 'netpol-allow-web.yaml']
      .map((f) => readFileSync(join(fixtures, f), 'utf8'))
      .join('\n---\n');
    const s = fromText(text);
    expect(s.objects.some((o) => o.kind === 'NetworkPolicy')).toBe(true);
    expect(same(s, 2000, 500, { traffic: everyPod(s.model) })).toBe(0);
  });

  it('lose the same packets as the walk when a node goes down at any moment of a request', () => {
    const fixture = readFileSync(join(import.meta.dirname, 'fixtures', 'planned-paths.yaml'), 'utf8');
    const base = fixture.slice(0, fixture.indexOf('---\napiVersion: podwire.dev'));
    const traffic: TrafficFlow[] = [
      { from: 'pod/default/client-c', to: 'http://web/', rate: 200 },
      { from: 'pod/default/client-a', to: 'http://web.default.svc.cluster.local/', rate: 300, start: 1 },
    ];
    const options = { traffic, requestsPerFlow: 2 };
    const withEvents = (events: string) =>
      fromText(
        `${base}---\napiVersion: podwire.dev/v1alpha1\nkind: Simulation\nmetadata:\n  name: sweep\nspec:\n  seed: 11\n  cluster:\n    nodes: 3\n${events}`,
      );
    const quiet = run(withEvents(''), 40, 40, { ...options, plannedPaths: false });
    // Each moment a hop happens, and just after it, on each node: the clients', the servers'.
    const moments = [...new Set(quiet.hops.map((h) => (h as { at: number }).at))];
    expect(moments.length).toBeGreaterThan(20);
    let taken = 0;
    for (const node of ['node-1', 'node-2', 'node-3'])
      for (const at of moments.flatMap((t) => [t, t + 0.002]))
        taken += same(
          withEvents(`  events:\n  - at: ${String(at)}ms\n    nodeDown: ${node}\n`),
          6000,
          6000,
          options,
        );
    expect(taken).toBeGreaterThan(300);
  });
});
