// The simulation's public shapes (the worker and the UI are built against them): hops with their
// place in the run, finished requests, counters per flow. Field names: add, never rename.

import type { ProxyMode } from '../cluster/types.ts';
import type { TraceHop, TraceResult } from './trace-types.ts';

/** Which backend pod a balancing decision (kube-proxy, ingress-nginx) picked, and the odds. */
export interface HopPick {
  /** `NS/NAME` of the pod picked. */
  readonly pod: string;
  /**
   * `random`: iptables `-m statistic` / nftables numgen; `round-robin`: IPVS rr, userspace,
   * ingress-nginx; `sticky`: session affinity sent it to the same pod as before; `scheduler`:
   * another IPVS scheduler (lc, sh, sed, …), whose choice depends on load or a hash.
   */
  readonly how: 'random' | 'round-robin' | 'sticky' | 'scheduler';
  /** The odds of this pod being the one (iptables: of reaching its KUBE-SEP overall); absent when unknown. */
  readonly probability?: number;
  /** How many endpoints there were to pick from, when known. */
  readonly of?: number;
}

/** One hop of one request in a run. `at` is the run's clock (virtual ms since the run began). */
export interface SimHop extends TraceHop {
  /** Global event order in the run, from 0. */
  readonly seq: number;
  /** Request id, from 0. */
  readonly request: number;
  /** Index into the traffic list; -1 for one-off requests (`send`, `traceRequest`). */
  readonly flow: number;
  /** Graph id the packet leaves: `external/client`, `external/load-balancer`, `node/N`, `kube-proxy/N`, `pod/NS/NAME`. */
  readonly from: string;
  /** Graph id it arrives at (the same as `from` for a decision made in place). */
  readonly to: string;
  /** `failed`: this hop ends the request badly (or loses its packet). */
  readonly status: 'ok' | 'failed';
  /** True on the response's way back. */
  readonly reply: boolean;
  /** Graph id of the Service (`svc/NS/NAME`) or Ingress (`ing/NS/NAME`) whose rule decided this hop. */
  readonly via?: string | undefined;
  /** kube-proxy and ingress-nginx hops that chose a backend pod: which one and the odds. */
  readonly pick?: HopPick | undefined;
}

export interface SimRequestResult extends TraceResult {
  readonly request: number;
  readonly flow: number;
  readonly from: string;
  readonly to: string;
  /** Virtual ms of the request's first and last hop. */
  readonly startedAt: number;
  readonly endedAt: number;
  readonly hops: readonly SimHop[];
}

/** The `podwire simulate` contract's shape for one flow. */
export interface FlowCounters {
  readonly from: string;
  readonly to: string;
  /** Finished requests. */
  readonly requests: number;
  /** Finished requests whose outcome is not `delivered`. */
  readonly failed: number;
  readonly outcomes: Readonly<Record<string, number>>;
  /** `NS/POD` of the backend that answered → requests. */
  readonly backends: Readonly<Record<string, number>>;
}

export interface SimCounters {
  readonly flows: readonly FlowCounters[];
  /** One-off requests (`send`) together, from and to `*`. */
  readonly oneOff: FlowCounters;
}

/** Something that happened to the cluster during the run (a scripted event or a UI toggle). */
export interface SimClusterEvent {
  /** Virtual ms. */
  readonly at: number;
  /** How many hops were recorded before it (it sits between hop seq-1 and seq). */
  readonly seq: number;
  /** `notReady`, `ready`, `deletePod`, `nodeDown`, `nodeUp`, `apply`, `delete`. */
  readonly kind: string;
  readonly description: string;
  /** Index in the Simulation document's `spec.events`; -1 for `setPodReady`. */
  readonly index: number;
}

/** A stream of requests: the Simulation document's `spec.traffic[]`. */
export interface TrafficFlow {
  /** `external`, `pod/NS/NAME` or `node/NAME`. */
  readonly from: string;
  /** A URL or `HOST:PORT`. */
  readonly to: string;
  /** Requests per second of virtual time (default 1). */
  readonly rate?: number;
  /** Virtual ms of the first request (default 0). */
  readonly start?: number;
}

export interface SimulationOptions {
  /** Default: the Simulation document's seed (the model's settings). */
  readonly seed?: number;
  /** Default: the model's proxy mode. */
  readonly proxyMode?: ProxyMode;
  /** Default: the Simulation document's `spec.traffic`. */
  readonly traffic?: readonly TrafficFlow[];
  /** Each flow stops after this many requests (default: no end). */
  readonly requestsPerFlow?: number;
  /** How many finished requests `results()` keeps, the latest (default 10,000). Counters count all. */
  readonly retain?: number;
  /** Run the Simulation document's `spec.events` (default true). */
  readonly events?: boolean;
  /**
   * Let a flow's connections follow the path worked out for the same decision before (default
   * true; open-connection.ts). False walks every connection: the same run, made the long way.
   */
  readonly plannedPaths?: boolean;
}

export interface Simulation {
  /** Virtual ms. */
  readonly now: number;
  /** Runs every event with `at <= untilMs`; returns the hops produced, in seq order. */
  advance(untilMs: number): readonly SimHop[];
  /** A one-off request starting now (flow -1); returns its request id. Throws on a malformed from/to. */
  send(from: string, to: string): number;
  /** Takes effect now: the pod leaves (or rejoins) its Services' endpoints; rules are recomputed. */
  setPodReady(namespace: string, name: string, ready: boolean): void;
  /** Finished requests so far (the latest `retain`), in the order they finished. */
  results(): readonly SimRequestResult[];
  counters(): SimCounters;
  /** What happened to the cluster so far, in order. */
  clusterEvents(): readonly SimClusterEvent[];
  /** Requests started and not finished yet. */
  readonly inFlight: number;
}
