// Simulator figures for `npm run bench`: simulated hops per second in Node for 1,000 concurrent
// flows (issue #6: target 1,000,000), on the large cluster and on the whale scenario. The first
// seconds of virtual time build each node's rules and walk each packet class once per outcome
// (rule-memo.ts); they are reported apart from the steady state that follows, measured in
// several windows whose median is the figure.
import type * as Engine from '../../src/engine/index.ts';
import { report, round } from './measure.ts';

const FLOWS = 1000;
const WARM_MS = 40_000;
const STEADY_MS = 10_000;
/** Steady windows measured one after the other; the figure is their median (one window swung ±25% with GC). */
const WINDOWS = 7;

type Flow = { readonly from: string; readonly to: string; readonly rate: number; readonly start: number };

/** 1,000 flows (or `count`) from distinct pods to Services by name (DNS, then the ClusterIP), staggered over a second. */
export function largeFlows(model: Engine.ClusterModel, count = FLOWS, rate = 1): Flow[] {
  const pods = model.pods.filter((p) => !p.system && p.ip !== '');
  const services = model.services.filter((s) => s.namespace.startsWith('team-'));
  const flows: Flow[] = [];
  for (let i = 0; i < count; i++) {
    const pod = pods[(i * 2) % pods.length];
    const svc = services[(i * 7) % services.length];
    if (!pod || !svc) break;
    flows.push({
      from: `pod/${pod.namespace}/${pod.name}`,
      to: `http://${svc.name}.${svc.namespace}/`,
      rate,
      start: i,
    });
  }
  return flows;
}

function whaleFlows(): Flow[] {
  return Array.from({ length: FLOWS }, (_, i) => ({
    from: 'external',
    to: i % 2 === 0 ? 'http://a.whale.hey/' : 'http://b.whale.hey/',
    rate: 1,
    start: i,
  }));
}

function measure(
  engine: typeof Engine,
  name: string,
  text: string,
  flows: (m: Engine.ClusterModel) => Flow[],
) {
  const { objects } = engine.parseManifests(text);
  const model = engine.buildCluster(objects);
  const sim = engine.createSimulation(model, objects, { traffic: flows(model), retain: 100 });
  let start = performance.now();
  let hops = 0;
  for (let ms = 1000; ms <= WARM_MS; ms += 1000) hops += sim.advance(ms).length;
  const warm = (performance.now() - start) / 1000;
  report({
    name: `sim.warm-up.${name}`,
    unit: 'hops/s',
    median: round(hops / warm),
    note: `first ${String(WARM_MS / 1000)} s of virtual time (${String(hops)} hops in ${String(round(warm))} s): rules built per node, each packet class walked once per outcome`,
  });
  const total = () => sim.counters().flows.reduce((n, f) => n + f.requests, 0);
  const before = total();
  const rates: number[] = [];
  let allHops = 0;
  let from = WARM_MS;
  for (let w = 0; w < WINDOWS; w++) {
    start = performance.now();
    hops = 0;
    for (let ms = from + 1000; ms <= from + STEADY_MS; ms += 1000) hops += sim.advance(ms).length;
    rates.push(hops / ((performance.now() - start) / 1000));
    allHops += hops;
    from += STEADY_MS;
  }
  rates.sort((a, b) => a - b);
  const flowsRun = sim.counters().flows;
  const requests = total() - before;
  report({
    name: `sim.hops-per-second.${name}`,
    unit: 'hops/s',
    median: round(rates[Math.floor(WINDOWS / 2)] ?? 0),
    runs: WINDOWS,
    target: 1_000_000,
    better: 'higher',
    note: `${String(flowsRun.length)} concurrent flows, ${String(WINDOWS)} windows of ${String(STEADY_MS / 1000)} s of virtual time after warm-up (slowest ${String(round(rates[0] ?? 0))}, fastest ${String(round(rates[WINDOWS - 1] ?? 0))}): ${String(requests)} requests, ${String(round(allHops / Math.max(1, requests)))} hops each (${failures(model, flowsRun)})`,
  });
}

/**
 * The whole run's failed requests by outcome, and how many of them went to Services without a
 * ready endpoint (kube-proxy REJECTs those: a failure the cluster asks for, not a simulator fault).
 * The large cluster has some: its 2,000 pods are spread 7 per Deployment, so the last Deployments
 * (app-286 to app-299) get 0 replicas.
 */
function failures(model: Engine.ClusterModel, flows: readonly Engine.SimCounters['flows'][number][]): string {
  const ready = new Set<string>();
  for (const slice of model.endpointSlices)
    if (slice.endpoints.some((e) => e.conditions.ready)) ready.add(`${slice.serviceName}.${slice.namespace}`);
  const outcomes = new Map<string, number>();
  let failed = 0;
  let empty = 0;
  const emptyFlows = new Set<string>();
  for (const f of flows) {
    if (f.failed === 0) continue;
    failed += f.failed;
    for (const [outcome, n] of Object.entries(f.outcomes))
      if (outcome !== 'delivered') outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + n);
    const host = /^https?:\/\/([^/:]+)/.exec(f.to)?.[1] ?? '';
    const service = model.services.find((s) => `${s.name}.${s.namespace}` === host);
    if (service && !ready.has(host)) {
      empty += f.failed;
      emptyFlows.add(host);
    }
  }
  if (failed === 0) return '0 failed in the whole run';
  const by = [...outcomes].map(([o, n]) => `${o} ${String(n)}`).join(', ');
  return `${String(failed)} failed in the whole run: ${by}; ${String(empty)} of them to ${String(emptyFlows.size)} Services with no ready endpoint (0 replicas), which kube-proxy rejects`;
}

export function runSimBench(engine: typeof Engine, scenarios: { whale: string; large: string }): void {
  measure(engine, 'large', scenarios.large, largeFlows);
  measure(engine, 'whale', scenarios.whale, whaleFlows);
}
