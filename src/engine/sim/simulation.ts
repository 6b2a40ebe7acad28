// The discrete-event simulator: virtual time, one agenda (event-queue.ts) of traffic arrivals,
// scripted cluster events and request processes (generators that yield waits; hops are recorded
// as they are made), seeded per request so a scenario and seed replay the same run anywhere.
// Pure: no clock, no timers.

import { fnv1a32, uniform } from '../cluster/rng.ts';
import type { ClusterModel } from '../cluster/types.ts';
import type { ManifestObject } from '../manifest/types.ts';
import { applyAction } from './cluster-events.ts';
import { Conntrack } from './conntrack.ts';
import { Counters } from './counters.ts';
import { Agenda } from './event-queue.ts';
import { emptyProxyState } from './node-proxy.ts';
import { LocalPorts } from './local-ports.ts';
import { fromProblem } from './peers.ts';
import { runRequest } from './run-request.ts';
import type {
  Fate,
  FlowMemo,
  HopSink,
  NodeDataplane,
  Proc,
  RequestState,
  RunContext,
} from './run-context.ts';
import { FAILED, hop } from './run-context.ts';
import { Recent } from './recent.ts';
import { RequestRecord, RequestResult } from './request-record.ts';
import { readEvents, readTraffic, type SimEvent } from './scenario.ts';
import type {
  SimClusterEvent,
  SimHop,
  SimRequestResult,
  Simulation,
  SimulationOptions,
  TrafficFlow,
} from './sim-types.ts';
import { parseTraceTarget, type TraceTarget } from './target.ts';
import { World, type ClusterView } from './world.ts';

type Entry =
  | { readonly kind: 'arrival'; readonly flow: number }
  | { readonly kind: 'event'; readonly event: SimEvent }
  | { readonly kind: 'step'; readonly run: Running };

interface Running {
  readonly req: RequestState;
  readonly proc: Proc<Fate>;
  readonly startedAt: number;
}

/** Why `from`/`to` cannot be simulated at all (syntax), or undefined. */
export function requestProblem(from: string, to: string): string | undefined {
  if (!parseTraceTarget(to)) return `--to must be a URL (http://HOST/PATH) or HOST:PORT, not "${to}"`;
  return fromProblem(from);
}

const round = (ms: number): number => Math.round(ms * 1000) / 1000;

/** The agenda's lane for traffic arrivals (event-queue.ts Agenda). */
const ARRIVALS = 1;

/** A request that cannot start: one failed hop. */
// eslint-disable-next-line require-yield -- a process like any other, that ends before it waits
function* refused(req: RequestState, why: string): Proc<Fate> {
  const at = req.from === 'external' ? 'external/client' : req.from;
  hop(req, at, at, 'send', why, FAILED);
  return { outcome: 'no-route' };
}

export function createRun(
  view: ClusterView,
  world: World | undefined,
  options: Omit<SimulationOptions, 'events'> & {
    readonly seed: number;
    /** The scripted events (sorted by time). */
    readonly script: readonly SimEvent[];
  },
): Simulation {
  const traffic: readonly TrafficFlow[] = options.traffic ?? [];
  const queue = new Agenda<Entry>();
  const due = queue.due;
  const nodes = new Map<string, NodeDataplane>();
  const counters = new Counters(traffic);
  const retain = options.retain ?? 10_000;
  const limit = options.requestsPerFlow ?? Infinity;
  const sentPerFlow = traffic.map(() => 0);
  const finished = new Recent<SimRequestResult>(retain);
  const clusterEvents: SimClusterEvent[] = [];
  // The clock in virtual ms, in a typed array: a fractional ms kept in a closure's variable was a
  // new heap number each time it moved (several times a request).
  const clock = new Float64Array(1);
  let seq = 0;
  let nextId = 0;
  let inFlight = 0;
  let out: SimHop[] = [];
  const parsedRequests = new Map<
    number | string,
    { readonly problem: string | undefined; readonly target: TraceTarget | undefined }
  >();
  /** The end of the current `advance`. */
  let until = 0;
  /** Scripted events applied so far (the script is sorted, and the agenda applies it in order). */
  let eventsDone = 0;

  const ctx: RunContext = {
    view,
    mode: options.proxyMode ?? view.model.settings.proxyMode,
    get now() {
      return clock[0] ?? 0;
    },
    wait(us) {
      if (us <= 0) return false;
      const at = round((clock[0] ?? 0) + us / 1000);
      // The same test as step's: nothing else is due before, so no round trip through the agenda.
      if (at <= until && at < (due[0] ?? Infinity)) {
        clock[0] = at;
        return false;
      }
      return true;
    },
    plannedPaths: options.plannedPaths !== false,
    get steadyUntil() {
      return Math.min(until, options.script[eventsDone]?.at ?? Infinity);
    },
    node(name) {
      let found = nodes.get(name);
      if (!found) {
        found = { conntrack: new Conntrack(), proxy: emptyProxyState() };
        nodes.set(name, found);
      }
      return found;
    },
    upstreamCounters: new Map(),
    portsInUse: new LocalPorts(),
  };

  const sink: HopSink = {
    record(req, h) {
      h.at = clock[0] ?? 0;
      h.seq = seq++;
      req.hops.push(h);
      out.push(h);
    },
  };

  const flowMemos: FlowMemo[] = traffic.map(() => ({ model: undefined, paths: [], target: undefined }));
  const oneOffMemo: FlowMemo = { model: undefined, paths: [], target: undefined };

  /** Flow i's n-th request draws from its own stream: the flow's seed mixed with n. */
  const flowSeeds = traffic.map((f, i) =>
    fnv1a32(`${String(options.seed)}\u0000flow\u0000${String(i)}\u0000${f.from}\u0000${f.to}`),
  );

  function start(flow: number, from: string, to: string, n: number): number {
    const id = nextId++;
    const base = flowSeeds[flow] ?? fnv1a32(`${String(options.seed)}\u0000send\u0000${from}\u0000${to}`);
    const random = uniform((base + Math.imul(n + 1, 0x9e3779b9)) >>> 0);
    const req = new RequestRecord(id, flow, from, to, random, sink, flowMemos[flow] ?? oneOffMemo);
    // A flow's from/to are read once; one-off sends by their text.
    const key = flow >= 0 ? flow : `${from}\u0000${to}`;
    let parsed = parsedRequests.get(key);
    if (!parsed) {
      parsed = { problem: requestProblem(from, to), target: parseTraceTarget(to) };
      parsedRequests.set(key, parsed);
    }
    const { problem, target } = parsed;
    const proc =
      problem !== undefined || !target ? refused(req, problem ?? 'bad target') : runRequest(ctx, req, target);
    inFlight++;
    const now = clock[0] ?? 0;
    queue.push(now, 1, { kind: 'step', run: { req, proc, startedAt: now } });
    return id;
  }

  function finish(run: Running, fate: Fate): void {
    inFlight--;
    const { req } = run;
    const delivered = fate.outcome === 'delivered';
    // Built field by field: a spread per optional field cost a temporary object each, per request.
    const result = new RequestResult(
      fate.outcome,
      req.hops,
      req.id,
      req.flow,
      req.from,
      req.to,
      run.startedAt,
      req.hops[req.hops.length - 1]?.at ?? run.startedAt,
    );
    if (fate.httpStatus !== undefined) result.httpStatus = fate.httpStatus;
    if (req.ingress) result.ingress = req.ingress;
    if (req.service) result.service = req.service;
    if (delivered && req.backend) result.backend = req.backend;
    counters.count(result);
    finished.push(result);
  }

  /** Runs a request until it waits (its agenda entry is reused) or ends. */
  function step(entry: Entry & { readonly kind: 'step' }): void {
    const run = entry.run;
    for (;;) {
      const r = run.proc.next();
      if (r.done === true) {
        finish(run, r.value);
        return;
      }
      const v = r.value;
      if (v <= 0) continue;
      const at = round((clock[0] ?? 0) + v / 1000);
      // Nothing else is due before: go on without a round trip through the agenda.
      if (at <= until && at < (due[0] ?? Infinity)) {
        clock[0] = at;
        continue;
      }
      queue.push(at, 1, entry);
      return;
    }
  }

  function arrival(flow: number): void {
    const f = traffic[flow];
    if (!f) return;
    const n = sentPerFlow[flow] ?? 0;
    if (n >= limit) return;
    sentPerFlow[flow] = n + 1;
    start(flow, f.from, f.to, n);
    if (n + 1 < limit)
      queue.push(round((clock[0] ?? 0) + 1000 / (f.rate ?? 1)), 1, { kind: 'arrival', flow }, ARRIVALS);
  }

  function clusterEvent(event: SimEvent): void {
    eventsDone++;
    if (!world) return;
    const effect = applyAction(world, event.action, event.at);
    for (const name of effect.resetNodes) nodes.delete(name);
    clusterEvents.push({
      at: clock[0] ?? 0,
      seq,
      kind: event.action.kind,
      description: effect.description,
      index: event.index,
    });
  }

  traffic.forEach((f, i) => {
    if ((f.rate ?? 1) > 0 && limit > 0) queue.push(f.start ?? 0, 1, { kind: 'arrival', flow: i }, ARRIVALS);
  });
  for (const event of options.script) queue.push(event.at, 0, { kind: 'event', event });

  return {
    get now() {
      return clock[0] ?? 0;
    },
    get inFlight() {
      return inFlight;
    },
    advance(untilMs) {
      out = [];
      until = untilMs;
      while ((due[0] ?? Infinity) <= untilMs) {
        const item = queue.pop(clock);
        if (item === undefined) break;
        if (item.kind === 'step') step(item);
        else if (item.kind === 'arrival') arrival(item.flow);
        else clusterEvent(item.event);
      }
      if (Number.isFinite(untilMs) && untilMs > (clock[0] ?? 0)) clock[0] = untilMs;
      return out;
    },
    send(from, to) {
      const problem = requestProblem(from, to);
      if (problem !== undefined) throw new RangeError(problem);
      return start(-1, from, to, nextId);
    },
    setPodReady(namespace, name, ready) {
      if (!world) return;
      world.setReady([{ namespace, name }], ready);
      clusterEvents.push({
        at: clock[0] ?? 0,
        seq,
        kind: ready ? 'ready' : 'notReady',
        description: `${namespace}/${name} turns ${ready ? 'ready' : 'not ready'} (set by hand).`,
        index: -1,
      });
    },
    results: () => finished.items(),
    counters: () => counters.snapshot(),
    clusterEvents: () => clusterEvents,
  };
}

/**
 * A simulation of the cluster `model` built from `objects`: the Simulation document's traffic
 * (unless `options.traffic`) and events, seeded. Advance it in virtual time.
 */
export function createSimulation(
  model: ClusterModel,
  objects: readonly ManifestObject[],
  options: SimulationOptions = {},
): Simulation {
  const events = options.events === false ? [] : readEvents(objects);
  const world = new World(model, objects, events);
  return createRun(world, world, {
    ...(options.proxyMode ? { proxyMode: options.proxyMode } : {}),
    ...(options.requestsPerFlow !== undefined ? { requestsPerFlow: options.requestsPerFlow } : {}),
    ...(options.retain !== undefined ? { retain: options.retain } : {}),
    ...(options.plannedPaths !== undefined ? { plannedPaths: options.plannedPaths } : {}),
    seed: options.seed ?? model.settings.seed,
    traffic: options.traffic ?? readTraffic(objects),
    script: events,
  });
}
