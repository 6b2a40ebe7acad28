// What a request's process sees while it runs: the cluster (as of now), the clock, each node's
// dataplane state, and its own record. Processes are generators that yield only to wait: a wait
// that nothing else is due before passes in place (`if (ctx.wait(us)) yield us;`), so the nested
// generators are resumed only when another request or event really comes first. Hops are recorded
// the moment they are made (the run stamps `at` and `seq`), not yielded.

import type { ClusterModel, Protocol, ProxyMode } from '../cluster/types.ts';
import type { FlowPath } from './planned-path.ts';
import type { TargetMemo } from './request.ts';
import type { Conntrack, Tuple } from './conntrack.ts';
import type { ProxyState } from './node-proxy.ts';
import type { LocalPorts } from './local-ports.ts';
import type { FreshWalk } from './rule-memo.ts';
import { HopRecord, type DecidedBy, type Text } from './hop-record.ts';
import type { SimHop } from './sim-types.ts';
import type { TraceOutcome, TraceResult } from './trace-types.ts';
import type { ClusterView } from './world.ts';

/** A process yields the virtual µs it waits (only when `ctx.wait` says it must). */
export type Proc<T> = Generator<number, T, undefined>;

/** How a request (or one of its exchanges) ended. */
export interface Fate {
  readonly outcome: TraceOutcome;
  readonly httpStatus?: number;
}

export interface NodeDataplane {
  readonly conntrack: Conntrack;
  readonly proxy: ProxyState;
  /** The node's real rule walk for the memo's misses (proxy-step.ts), made on first use. */
  walk?: FreshWalk;
}

export interface RunContext {
  readonly view: ClusterView;
  readonly mode: ProxyMode;
  /** Virtual ms. */
  readonly now: number;
  /**
   * Waits `us` µs of virtual time where that costs nothing: when no other agenda entry is due
   * first, the clock moves on in place and this returns false; true means the process must `yield us`.
   */
  wait(us: number): boolean;
  /** Until this virtual time no cluster change can come (the current advance's end, the next scripted event). */
  readonly steadyUntil: number;
  /** Whether connections may follow planned paths (open-connection.ts). */
  readonly plannedPaths: boolean;
  node(name: string): NodeDataplane;
  /** ingress-nginx's round-robin position per upstream (lua/balancer/round_robin.lua). */
  readonly upstreamCounters: Map<string, number>;
  /** Local `ip:port` pairs held by open connections (no two connections share one). */
  readonly portsInUse: LocalPorts;
}

/** Where a request's hops go: the run stamps `at` and `seq` and keeps them in order. */
export interface HopSink {
  record(req: RequestState, h: HopRecord): void;
}

/** One request's own record: identity, randomness, and what the trace contract reports. */
export interface RequestState {
  readonly id: number;
  readonly flow: number;
  readonly from: string;
  readonly to: string;
  /** Uniform in [0, 1), seeded. */
  readonly random: () => number;
  service: TraceResult['service'];
  ingress: TraceResult['ingress'];
  backend: TraceResult['backend'];
  /** Its hops so far, in order. */
  readonly hops: SimHop[];
  readonly sink: HopSink;
  /** What its flow's requests keep between them (one-off sends share one). */
  readonly memo: FlowMemo;
}

/** A flow's own store, emptied when the model changes: its planned paths (planned-path.ts), its target (request.ts). */
export interface FlowMemo {
  model: ClusterModel | undefined;
  paths: FlowPath[];
  target: TargetMemo | undefined;
}

/** The flow's memo, emptied first if it was made for another model. */
export function flowMemo(ctx: RunContext, req: RequestState): FlowMemo {
  const memo = req.memo;
  const model = ctx.view.model;
  if (memo.model !== model) {
    memo.model = model;
    memo.paths = [];
    memo.target = undefined;
  }
  return memo;
}

const nodeIds = new Map<string, string>();
const proxyIds = new Map<string, string>();

/** `node/NAME`, one string per node (hop ids are compared and hashed often). */
export function nodeId(name: string): string {
  let id = nodeIds.get(name);
  if (id === undefined) {
    id = `node/${name}`;
    if (nodeIds.size < 10_000) nodeIds.set(name, id);
  }
  return id;
}

/** `kube-proxy/NAME`: the node's netfilter, where kube-proxy's rules and conntrack sit. */
export function proxyId(name: string): string {
  let id = proxyIds.get(name);
  if (id === undefined) {
    id = `kube-proxy/${name}`;
    if (proxyIds.size < 10_000) proxyIds.set(name, id);
  }
  return id;
}

export { FAILED, REPLY } from './hop-record.ts';

/**
 * Records a hop of `req` now: from `from` to `to` (graph ids), `description` written on first read
 * from the hop and `arg` (hop-record.ts), the packet's addresses `before` and `after`, and `by`
 * what decided it (a rule, the Service or Ingress, the endpoint pick). Positional: an object of
 * fields per hop had a shape per call site, and reading it was a third of what a hop cost.
 */
export function hop<A = undefined>(
  req: RequestState,
  from: string,
  to: string,
  kind: string,
  description: Text<A>,
  flags: number,
  before?: Tuple,
  after?: Tuple,
  arg?: A,
  by?: DecidedBy,
): void {
  req.sink.record(
    req,
    new HopRecord(req, from, to, kind, description as Text<unknown>, arg, flags, before, after, by),
  );
}

export const addr = (ip: string, port: number): string => `${ip}:${String(port)}`;

const serverAddrs = new Map<string, Map<number, string>>();

/**
 * `ip:port` of a server side (a Service, an endpoint, a resolved name), one string per address: a
 * packet's destination is split and looked up at every hop, which a known string makes cheap.
 */
export function serverAddr(ip: string, port: number): string {
  let byPort = serverAddrs.get(ip);
  if (!byPort) {
    if (serverAddrs.size >= 100_000) serverAddrs.clear();
    byPort = new Map();
    serverAddrs.set(ip, byPort);
  }
  let found = byPort.get(port);
  if (found === undefined) {
    found = addr(ip, port);
    byPort.set(port, found);
  }
  return found;
}

/** A protocol as a small number, for numeric keys (TCP 0, UDP 1, SCTP 2). */
export const protocolIndex = (p: Protocol): number => (p === 'TCP' ? 0 : p === 'UDP' ? 1 : 2);

export interface AddrParts {
  readonly ip: string;
  readonly port: number;
}

const parts = new Map<string, AddrParts>();

/** `ip:port` → its parts (a source: a new port per connection, not worth keeping). */
export function splitSource(text: string): AddrParts {
  const at = text.lastIndexOf(':');
  return { ip: text.slice(0, at), port: Number(text.slice(at + 1)) };
}

/** `ip:port` → its parts; destinations are few and split again and again, so each is split once. */
export function splitAddr(text: string): AddrParts {
  let found = parts.get(text);
  if (found === undefined) {
    found = splitSource(text);
    if (parts.size >= 100_000) parts.clear();
    parts.set(text, found);
  }
  return found;
}

/**
 * A free local port of `ip` for a new connection (Linux's ip_local_port_range default,
 * 32768-60999, from a random start as inet_hash_connect does); held until the connection releases it.
 */
export function localAddress(ctx: RunContext, req: RequestState, ip: string): string {
  let port = 32768 + Math.floor(req.random() * 28232);
  const ports = ctx.portsInUse;
  while (ports.has(ip, port)) port = port === 60999 ? 32768 : port + 1;
  return ports.take(ip, port);
}

/**
 * Virtual latencies in whole µs: small inside a host, more across the node network and the
 * internet. Whole numbers, because a wait is passed and yielded at every hop, and a fractional ms
 * was a new heap number each time.
 */
export const LATENCY = {
  loopback: 10,
  veth: 10,
  netfilter: 5,
  nodeNetwork: 200,
  internet: 5000,
  loadBalancer: 500,
  app: 1000,
  dns: 100,
  ingress: 500,
  proxy: 50,
  /** The client gives up on a connection after 5 s (curl --connect-timeout 5; nginx proxy-connect-timeout 5s). */
  connectTimeout: 5_000_000,
} as const;
