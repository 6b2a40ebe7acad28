// Opening a connection. A pod's connection to a destination its flow has reached before under the
// same model follows a planned path (planned-path.ts): the rules still decide (the class's memo,
// the same draws), and the decision's way on (DNAT, routing, delivery, and the reply's way back,
// reply.ts) was worked out once per decision, so the same waits, hops, conntrack entries and
// checks come without walking. A decision whose way on is not a pod (no rule, a node address…)
// walks on from there (connection.ts walkFrom). The plan reads the model when it is made, so it
// is used only while no cluster event can come before the connection is delivered.

import type { Protocol } from '../cluster/types.ts';
import type { ConntrackEntry, Tuple } from './conntrack.ts';
import { intoNode, newWalk, settle, vethOut, walkConnect, walkFrom } from './connection.ts';
import type { NodeProxyDecision } from './node-proxy.ts';
import type { Peer } from './peers.ts';
import { legOf, MAX_LEGS, planFor, type FlowPath, type Leg } from './planned-path.ts';
import { decideInMemoClass } from './rule-memo.ts';
import {
  FAILED,
  addr,
  hop,
  LATENCY,
  splitSource,
  type Fate,
  type Proc,
  type RequestState,
  type RunContext,
} from './run-context.ts';
import { timeout, type Connected, type Connection } from './walk.ts';

/** Connections opened along a planned path so far (for tests: the planned path was taken). */
export const opened = { planned: 0 };

const REJECTED: Fate = { outcome: 'rejected' };
const DROPPED: Fate = { outcome: 'dropped' };
const NO_STATIONS: Connection['stations'] = [];
const NO_IPVS: Connection['ipvs'] = [];

/** Opens a connection from `client` for `sent` (the packet as the client sends it). */
export function connect(
  ctx: RunContext,
  req: RequestState,
  client: Peer,
  sent: Tuple,
  protocol: Protocol,
  options: { readonly compact?: boolean } = {},
): Proc<Connected> {
  const plan = planFor(ctx, req, client, sent, protocol);
  return plan
    ? plannedConnect(ctx, req, exchange(client, sent, protocol, options.compact === true, plan))
    : walkConnect(ctx, req, client, sent, protocol, options);
}

/**
 * A connection being opened along a planned path, then answered (reply.ts): what its stages
 * (below, and the reply's in reply.ts) pass on between the waits. A request's exchanges come one
 * after another, so the one-process request (run-request.ts) remakes one for each (`exchange`
 * with `reuse`), with its connection and its answer: three objects an exchange were a sixth of
 * what a request allocated.
 */
export interface Exchange {
  client: Peer;
  sent: Tuple;
  protocol: Protocol;
  compact: boolean;
  plan: FlowPath;
  /** The rules' decision and what follows it (set by `planDecide`). */
  decision: NodeProxyDecision | undefined;
  leg: Leg;
  entry: ConntrackEntry | undefined;
  /** The packet as the server sees it (after the DNAT). */
  seen: Tuple;
  /** The last place shown in a hop. */
  shown: string;
  /** The connection once delivered (`planDeliver`), kept to be remade by the next exchange. */
  opened: { readonly ok: true; readonly conn: PlannedConnection } | undefined;
}

/** A Connection opened along a planned path (its fields remade when its exchange is). */
export type PlannedConnection = { -readonly [K in keyof Connection]: Connection[K] };

const NOT_YET: Leg = { kind: 'walk' };

/** A connection about to leave `client` along `plan`, before its decision; `reuse` is remade into it. */
export function exchange(
  client: Peer,
  sent: Tuple,
  protocol: Protocol,
  compact: boolean,
  plan: FlowPath,
  reuse?: Exchange,
): Exchange {
  if (!reuse)
    return {
      client,
      sent,
      protocol,
      compact,
      plan,
      decision: undefined,
      leg: NOT_YET,
      entry: undefined,
      seen: sent,
      shown: '',
      opened: undefined,
    };
  reuse.client = client;
  reuse.sent = sent;
  reuse.protocol = protocol;
  reuse.compact = compact;
  reuse.plan = plan;
  reuse.decision = undefined;
  reuse.leg = NOT_YET;
  reuse.entry = undefined;
  reuse.seen = sent;
  reuse.shown = '';
  return reuse;
}

/** After the veth wait: the veth hop and the rules' decision; a `walk` leg walks on (`walkOn`). */
export function planDecide(ctx: RunContext, req: RequestState, x: Exchange): Leg {
  opened.planned++;
  const { plan, client } = x;
  if (!x.compact) hop(req, client.id, plan.nodeId, 'veth', vethOut, 0, x.sent);
  // The plan is its class's place in the memo (proxy-step.ts decideAtNode, the class found once).
  const d = decideInMemoClass(plan, ctx.view.model, plan.node, ctx.mode, plan.packet, req.random, plan.fresh);
  const k = plan.leaf;
  const byLeaf = k >= 0 ? plan.leafLegs[k] : undefined;
  let leg = byLeaf !== undefined && byLeaf.decision === d ? byLeaf : plan.legs.get(d);
  if (leg === undefined) {
    leg = legOf(ctx, plan, d, x.protocol);
    if (k >= 0) plan.leafLegs[k] = leg;
    else if (plan.legs.size < MAX_LEGS) plan.legs.set(d, leg);
  }
  x.decision = d;
  x.leg = leg;
  if (leg.kind !== 'walk' && leg.service) req.service = leg.service;
  return leg;
}

/** A decision the plan does not follow: the walk goes on from it (connection.ts). */
export function walkOn(ctx: RunContext, req: RequestState, x: Exchange): Proc<Connected> {
  const w = newWalk(ctx, req, x.client, x.sent, x.protocol, x.compact);
  intoNode(w, x.plan.node);
  const d = x.decision;
  const decided = d ? settle(w, x.plan.node, d, splitSource(x.sent.src).port) : undefined;
  return walkFrom(w, x.plan.node, 'forwarded', { decided });
}

/** After the netfilter wait: kube-proxy's hop and its conntrack entry; a Fate when it rejects or drops. */
export function planApply(ctx: RunContext, req: RequestState, x: Exchange): Fate | undefined {
  const { plan, sent, leg } = x;
  const from = x.compact ? x.client.id : plan.nodeId;
  if (leg.kind !== 'dnat') {
    if (leg.kind === 'walk') return DROPPED;
    hop(req, from, plan.proxyId, 'kube-proxy', leg.e.description, FAILED, sent, sent, undefined, leg.e);
    ctx.portsInUse.release(sent.src);
    return leg.kind === 'reject' ? REJECTED : DROPPED;
  }
  const e = leg.e;
  const entry = ctx.node(plan.node).conntrack.add(x.protocol, sent, {
    src: leg.masquerade ? addr(e.nodeIP, splitSource(sent.src).port) : sent.src,
    dst: leg.dnat,
  });
  x.entry = entry;
  x.seen = { src: entry.reply.dst, dst: entry.reply.src };
  hop(req, from, plan.proxyId, 'kube-proxy', e.description, 0, sent, x.seen, undefined, e);
  x.shown = plan.proxyId;
  return undefined;
}

/** The wait after kube-proxy: over the node network to the server's node, or its veth on this one. */
export const routeWait = (x: Exchange): number =>
  x.leg.kind === 'dnat' && x.leg.path.cross !== undefined ? LATENCY.nodeNetwork : LATENCY.veth;

/** After the node-network wait: the route hop; false when the server's node is down (the caller times out, then `planDrop`). */
export function planRoute(ctx: RunContext, req: RequestState, x: Exchange): boolean {
  const leg = x.leg;
  if (leg.kind !== 'dnat' || leg.path.cross === undefined || leg.path.crossId === undefined) return true;
  const { cross, crossId } = leg.path;
  const down = ctx.view.isDown(cross);
  if (down || !x.compact)
    hop(
      req,
      x.shown,
      crossId,
      'route',
      down ? `${leg.routeText} Node ${cross} is down: the packet is lost.` : leg.routeText,
      down ? FAILED : 0,
      x.seen,
    );
  if (!down && !x.compact) x.shown = crossId;
  return !down;
}

/** The connection failed after its entry was made: the entry and the local port go. */
export function planDrop(ctx: RunContext, x: Exchange): void {
  if (x.entry) ctx.node(x.plan.node).conntrack.remove(x.entry);
  ctx.portsInUse.release(x.sent.src);
}

/** After the veth wait into the server: the delivery; the open connection, or a Fate when refused. */
export function planDeliver(ctx: RunContext, req: RequestState, x: Exchange): Connected {
  const leg = x.leg;
  if (leg.kind !== 'dnat') return { ok: false, fate: DROPPED };
  hop(req, x.shown, leg.server.id, 'deliver', leg.deliverText, leg.ok ? 0 : FAILED, undefined, x.seen);
  if (!leg.ok) {
    planDrop(ctx, x);
    return { ok: false, fate: REJECTED };
  }
  const made = x.opened;
  if (!made) {
    const conn: PlannedConnection = {
      protocol: x.protocol,
      client: x.client,
      server: leg.server,
      sent: x.sent,
      seen: x.seen,
      stations: NO_STATIONS,
      ipvs: NO_IPVS,
      compact: x.compact,
      open: true,
      planned: leg.path,
      nat: x.entry,
    };
    x.opened = { ok: true, conn };
    return x.opened;
  }
  const conn = made.conn;
  conn.protocol = x.protocol;
  conn.client = x.client;
  conn.server = leg.server;
  conn.sent = x.sent;
  conn.seen = x.seen;
  conn.compact = x.compact;
  conn.open = true;
  conn.planned = leg.path;
  conn.nat = x.entry;
  return made;
}

/** connection.ts walkConnect for a pod client, along the plan. */
function* plannedConnect(ctx: RunContext, req: RequestState, x: Exchange): Proc<Connected> {
  if (ctx.wait(LATENCY.veth)) yield LATENCY.veth;
  if (planDecide(ctx, req, x).kind === 'walk') return yield* walkOn(ctx, req, x);
  if (ctx.wait(LATENCY.netfilter)) yield LATENCY.netfilter;
  const ended = planApply(ctx, req, x);
  if (ended) return { ok: false, fate: ended };
  const wait = routeWait(x);
  if (wait === LATENCY.nodeNetwork) {
    if (ctx.wait(wait)) yield wait;
    if (!planRoute(ctx, req, x)) {
      const fate = yield* timeout(ctx, req, x.client);
      planDrop(ctx, x);
      return { ok: false, fate };
    }
  }
  if (ctx.wait(LATENCY.veth)) yield LATENCY.veth;
  return planDeliver(ctx, req, x);
}
