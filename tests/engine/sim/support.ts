// Shared setup for the simulator's tests: fixtures are real YAML, read and built once each.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildCluster,
  buildIngressRouteTable,
  createSimulation,
  parseManifests,
  traceRequest,
  type ClusterModel,
  type IngressRouteTable,
  type ManifestObject,
  type ProxyMode,
  type SimulationOptions,
  type TraceResult,
  type TrafficFlow,
  type TracedHop,
} from '../../../src/engine/index.ts';

const root = join(import.meta.dirname, '../../..');

export interface Scenario {
  readonly objects: readonly ManifestObject[];
  readonly model: ClusterModel;
  readonly table: IngressRouteTable | undefined;
}

const cache = new Map<string, Scenario>();

/** A fixture of tests/engine/sim/fixtures, or a repo path such as src/scenarios/whale-hosting.yaml. */
export function scenario(file: string): Scenario {
  const found = cache.get(file);
  if (found) return found;
  const path = file.includes('/') ? join(root, file) : join(import.meta.dirname, 'fixtures', file);
  return fromText(readFileSync(path, 'utf8'), file);
}

export function fromText(text: string, key = text): Scenario {
  const { objects } = parseManifests(text);
  const model = buildCluster(objects);
  const table = model.ingresses.length > 0 ? buildIngressRouteTable(model, objects) : undefined;
  const s = { objects, model, table };
  cache.set(key, s);
  return s;
}

export type Trace = Omit<TraceResult, 'hops'> & { readonly hops: readonly TracedHop[] };

export function trace(
  s: Scenario,
  from: string,
  to: string,
  options: { seed?: number; proxyMode?: ProxyMode } = {},
): Trace {
  const answer = traceRequest(s.model, s.table, { from, to, ...options }, s.objects);
  if (!answer.ok) throw new Error(answer.error);
  return answer.result as Trace;
}

export function simulate(s: Scenario, options: SimulationOptions = {}) {
  return createSimulation(s.model, s.objects, options);
}

/** The pod of `namespace` whose name starts with `prefix`. */
export function podNamed(s: Scenario, namespace: string, prefix: string) {
  const pod = s.model.pods.find((p) => p.namespace === namespace && p.name.startsWith(prefix));
  if (!pod) throw new Error(`no pod ${namespace}/${prefix}*`);
  return pod;
}

/** Hops of the way there (not the reply). */
export const there = (t: { readonly hops: readonly TracedHop[] }) => t.hops.filter((h) => !h.reply);

/** A fixture with its Simulation document replaced by `simulation` (YAML of spec's fields). */
export function withSimulation(file: string, spec: string): Scenario {
  const path = join(import.meta.dirname, 'fixtures', file);
  const docs = readFileSync(path, 'utf8')
    .split(/\n---\n/)
    .filter((d) => !/^kind: Simulation$/m.test(d));
  const sim = `apiVersion: podwire.dev/v1alpha1\nkind: Simulation\nmetadata: {name: test}\nspec:\n${spec.replace(/^/gm, '  ')}`;
  return fromText([...docs, sim].join('\n---\n'), `${file}\u0000${spec}`);
}

/**
 * fixtures/balancing.yaml's client sending `requests` requests to `to` (10 a second, seed 5) in
 * `proxyMode`, run to the end: the balancing and pick tests read its results and counters.
 */
export function runBalancing(to: string, proxyMode: ProxyMode, requests: number) {
  const sim = simulate(scenario('balancing.yaml'), {
    proxyMode,
    seed: 5,
    traffic: [{ from: 'pod/default/client', to, rate: 10 }],
    requestsPerFlow: requests,
  });
  sim.advance(Number.POSITIVE_INFINITY);
  return { results: sim.results(), flow: sim.counters().flows[0] };
}

/** Every pod asks every Service on each of its ports, by name (open-connection.test.ts, tests/bench/fingerprint.ts). */
export function everyPodAsksEveryService(model: ClusterModel): TrafficFlow[] {
  const flows: TrafficFlow[] = [];
  for (const p of model.pods.filter((q) => !q.system && q.ip !== ''))
    for (const svc of model.services)
      for (const port of svc.ports)
        flows.push({
          from: `pod/${p.namespace}/${p.name}`,
          to: `${port.protocol === 'UDP' ? '' : 'http://'}${svc.name}.${svc.namespace}:${String(port.port)}${port.protocol === 'UDP' ? '' : '/'}`,
          rate: 3,
          start: flows.length % 997,
        });
  return flows;
}
