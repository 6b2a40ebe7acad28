// A connection being opened: the places its first packet passed (kept for the reply), the
// packet as it is now, and the clean-up when the attempt fails.

import type { Protocol } from '../cluster/types.ts';
import type { ConntrackEntry, Tuple } from './conntrack.ts';
import type { Peer } from './peers.ts';
import type { TraceResult } from './trace-types.ts';
import {
  FAILED,
  hop,
  LATENCY,
  type Fate,
  type Proc,
  type RequestState,
  type RunContext,
} from './run-context.ts';

/** A place the first packet passed, kept for the reply (which retraces it through conntrack). */
export interface Station {
  readonly id: string;
  readonly node: string | undefined;
  /** Set where this node translated the packet: the reply is un-NATed here. */
  nat: ConntrackEntry | undefined;
  /** Latency of the link that reached this place. */
  readonly latency: number;
  /** The node's own place just before its kube-proxy: the reply does not stop there twice. */
  skip: boolean;
}

export interface Connection {
  readonly protocol: Protocol;
  readonly client: Peer;
  readonly server: Peer;
  /** As the client sent it. */
  readonly sent: Tuple;
  /** As the server sees it (after DNAT, masquerade). */
  readonly seen: Tuple;
  readonly stations: readonly Station[];
  /** IPVS real servers counted active until the connection closes. */
  readonly ipvs: readonly { readonly node: string; readonly key: string }[];
  /** DNS exchanges: only the decisive hops are shown. */
  readonly compact: boolean;
  /** False once closed (conntrack entries gone, IPVS counts released). */
  open: boolean;
  /**
   * Opened along a planned path (planned-path.ts) instead of a walk: `stations` is empty and the
   * reply retraces this path; `nat` is the client node's entry until the reply un-NATs it.
   */
  readonly planned?: PlannedPath | undefined;
  nat?: ConntrackEntry | undefined;
}

/** A pod client's path to a pod on its own node or on `cross`, DNATed at `node`. */
export interface PlannedPath {
  readonly node: string;
  readonly nodeId: string;
  readonly proxyId: string;
  readonly cross: string | undefined;
  readonly crossId: string | undefined;
  /** The reply's move from the server to `cross` (reply.ts moveKind). */
  readonly crossKind: string;
  /** The pod the connection reaches and its port, as the result names it (one object per path). */
  readonly backend: NonNullable<TraceResult['backend']>;
}

export type Connected =
  { readonly ok: true; readonly conn: Connection } | { readonly ok: false; readonly fate: Fate };

export interface Walk {
  readonly ctx: RunContext;
  readonly req: RequestState;
  readonly client: Peer;
  readonly protocol: Protocol;
  readonly compact: boolean;
  readonly sent: Tuple;
  readonly stations: Station[];
  readonly ipvs: { node: string; key: string }[];
  /** The last place shown in a hop. */
  shown: string;
  pkt: Tuple;
  natted: boolean;
  /** "no rule matched" said on the next routing hop. */
  note: string;
}

export function station(w: Walk, id: string, node: string | undefined, latency: number): void {
  w.stations.push({ id, node, nat: undefined, latency, skip: false });
}

/** Undoes what a failed attempt left behind (conntrack entries, IPVS active counts, the local port). */
export function fail(w: Walk, fate: Fate): Connected {
  for (const s of w.stations) if (s.nat && s.node !== undefined) w.ctx.node(s.node).conntrack.remove(s.nat);
  releaseIpvs(w.ctx, w.ipvs);
  // The client's socket is closed (refused, unreachable, or it gave up): its port is free again.
  w.ctx.portsInUse.release(w.sent.src);
  return { ok: false, fate };
}

export function releaseIpvs(ctx: RunContext, keys: readonly { node: string; key: string }[]): void {
  for (const { node, key } of keys) {
    const state = ctx.node(node).proxy;
    const active = new Map(state.ipvs.active);
    active.set(key, Math.max(0, (active.get(key) ?? 1) - 1));
    state.ipvs = { ...state.ipvs, active };
  }
}

/** The client waits for an answer that never comes. */
export function* timeout(ctx: RunContext, req: RequestState, client: Peer): Proc<Fate> {
  if (ctx.wait(LATENCY.connectTimeout)) yield LATENCY.connectTimeout;
  hop(
    req,
    client.id,
    client.id,
    'timeout',
    `No answer: ${client.kind === 'external' ? 'the client' : client.id} gives up after ${String(LATENCY.connectTimeout / 1_000_000)} s (connection timed out).`,
    FAILED,
  );
  return { outcome: 'timeout' };
}
