// Opening a connection. A pod's connection to a destination its flow has reached before under the
// same model follows a planned path: the rules still decide (the class's memo, the same draws),
// and the decision's way on (DNAT, routing, delivery, and the reply's way back, reply.ts) was
// worked out once per decision, so the same waits, hops, conntrack entries and checks come
// without walking. A decision whose way on is not a pod (no rule, a node address, IPVS…) walks
// on from there (connection.ts walkFrom). The plan reads the model when it is made, so it is used
// only while no cluster event can come before the connection is delivered.

import type { ClusterModel, Protocol } from '../cluster/types.ts';
import type { ConntrackEntry, Tuple } from './conntrack.ts';
import { intoNode, newWalk, settle, vethOut, walkConnect, walkFrom } from './connection.ts';
import type { NodeProxyDecision } from './node-proxy.ts';
import type { Packet } from '../proxy/types.ts';
import { podPeer, type Peer } from './peers.ts';
import { listens, placesOf } from './places.ts';
import { decideInKnownClass, explainDecision, type Explained } from './proxy-step.ts';
import { memoClass, memoisable, type MemoClass } from './rule-memo.ts';
import { moveKind } from './reply.ts';
import { deliveredText, podRouteText } from './routing.ts';
import {
  FAILED,
  addr,
  flowMemo,
  hop,
  LATENCY,
  nodeId,
  proxyId,
  splitAddr,
  splitSource,
  type AddrParts,
  type Fate,
  type Proc,
  type RequestState,
  type RunContext,
} from './run-context.ts';
import type { TraceResult } from './trace-types.ts';
import { timeout, type Connected, type Connection, type PlannedPath } from './walk.ts';

/** How long a planned path reads the model: until delivery (veth, netfilter, node network, veth). */
const SPAN = LATENCY.veth + LATENCY.netfilter + LATENCY.nodeNetwork + LATENCY.veth;

/** Destinations kept per flow (a flow mostly has two: kube-dns, and where it goes). */
const MAX_PLANS = 8;

/** Decisions kept per destination (a memo leaf each; a walk that keeps state makes a new one each time). */
const MAX_LEGS = 16;

/** What follows one decision. */
export type Leg =
  | { readonly kind: 'walk' }
  | { readonly kind: 'reject' | 'drop'; readonly e: Explained; readonly service: TraceResult['service'] }
  | {
      readonly kind: 'dnat';
      readonly e: Explained;
      readonly service: TraceResult['service'];
      readonly dnat: string;
      readonly masquerade: boolean;
      readonly server: Peer;
      readonly path: PlannedPath;
      readonly routeText: string;
      readonly ok: boolean;
      readonly deliverText: string;
    };

/** One client's connections to one destination and protocol (kept in its flow's memo). */
export interface FlowPath {
  /** The model it was made for. */
  readonly model: ClusterModel;
  readonly client: Peer;
  readonly to: string;
  readonly protocol: Protocol;
  readonly node: string;
  readonly nodeId: string;
  readonly proxyId: string;
  readonly dst: AddrParts;
  /** The class's packet, its draws apart (the request's). */
  readonly packet: Packet;
  readonly memo: MemoClass;
  /** What follows each decision: by the memo leaf it came from, else by the decision. */
  readonly leafDecisions: (NodeProxyDecision | undefined)[];
  readonly leafLegs: (Leg | undefined)[];
  readonly legs: Map<NodeProxyDecision, Leg>;
}

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

/** Whether a connection of `client` sending `sent` may follow a planned path now. */
export function plannable(ctx: RunContext, client: Peer, sent: Tuple): boolean {
  if (!ctx.plannedPaths || client.kind !== 'pod' || client.node === undefined || !memoisable(ctx.mode))
    return false;
  // The model (and its policies) must stay as it is until the packet is delivered.
  if (ctx.view.policies !== undefined || ctx.now + SPAN >= ctx.steadyUntil) return false;
  // The decision's source is the client's address (every caller sends from it).
  const src = sent.src;
  return src.startsWith(client.ip) && src.charCodeAt(client.ip.length) === 58;
}

/** The planned path for `client`'s connections to `sent.dst` when they may follow one now. */
export function planFor(
  ctx: RunContext,
  req: RequestState,
  client: Peer,
  sent: Tuple,
  protocol: Protocol,
): FlowPath | undefined {
  return plannable(ctx, client, sent) ? pathFor(ctx, req, client, sent.dst, protocol) : undefined;
}

/** The flow's path to `to` (made on first use, for the model the flow's memo is for). */
export function pathFor(
  ctx: RunContext,
  req: RequestState,
  client: Peer,
  to: string,
  protocol: Protocol,
): FlowPath {
  const node = client.node ?? '';
  const mine = flowMemo(ctx, req).paths;
  const model = ctx.view.model;
  for (const p of mine) if (p.to === to && p.client === client && p.protocol === protocol) return p;
  if (mine.length >= MAX_PLANS) mine.length = 0;
  const dst = splitAddr(to);
  const packet: Packet = {
    sourceIP: client.ip,
    destIP: dst.ip,
    destPort: dst.port,
    protocol,
    origin: 'forwarded',
  };
  const plan: FlowPath = {
    model,
    client,
    to,
    protocol,
    node,
    nodeId: nodeId(node),
    proxyId: proxyId(node),
    dst,
    packet,
    memo: memoClass(model, node, ctx.mode, packet),
    leafDecisions: [],
    leafLegs: [],
    legs: new Map(),
  };
  mine.push(plan);
  return plan;
}

/** What follows decision `d` of `plan`'s class, as connection.ts and routing.ts would do it. */
function legOf(ctx: RunContext, plan: FlowPath, d: NodeProxyDecision, protocol: Protocol): Leg {
  if (d.verdict === 'no-match' || d.verdict === 'accept' || d.ipvsKey !== undefined) return { kind: 'walk' };
  const model = ctx.view.model;
  const e = explainDecision(model, plan.node, d, plan.dst.ip, plan.dst.port, protocol);
  const ref = e.service;
  const service = ref
    ? { namespace: ref.service.namespace, name: ref.service.name, port: ref.port }
    : undefined;
  if (d.verdict === 'reject' || d.verdict === 'drop') return { kind: d.verdict, e, service };
  if (d.verdict !== 'dnat' || e.dnat === undefined) return { kind: 'walk' };
  const { ip, port } = splitAddr(e.dnat);
  const pod = placesOf(model).podByIP.get(ip);
  if (!pod) return { kind: 'walk' };
  const server = podPeer(model, pod);
  const ok = listens(pod, port, protocol);
  const cross = pod.node === plan.node ? undefined : pod.node;
  return {
    kind: 'dnat',
    e,
    service,
    dnat: e.dnat,
    masquerade: d.masquerade,
    server,
    path: {
      node: plan.node,
      nodeId: plan.nodeId,
      proxyId: plan.proxyId,
      cross,
      crossId: cross === undefined ? undefined : nodeId(cross),
      crossKind: cross === undefined ? '' : moveKind(server.id, nodeId(cross)),
    },
    routeText: cross === undefined ? '' : podRouteText(model, ip, pod, ''),
    ok,
    deliverText: deliveredText(server, port, protocol, ok, ''),
  };
}

/**
 * A connection being opened along a planned path, then answered (reply.ts): what its stages
 * (below, and the reply's in reply.ts) pass on between the waits.
 */
export interface Exchange {
  readonly client: Peer;
  readonly sent: Tuple;
  readonly protocol: Protocol;
  readonly compact: boolean;
  readonly plan: FlowPath;
  /** The rules' decision and what follows it (set by `planDecide`). */
  decision: NodeProxyDecision | undefined;
  leg: Leg;
  entry: ConntrackEntry | undefined;
  /** The packet as the server sees it (after the DNAT). */
  seen: Tuple;
  /** The last place shown in a hop. */
  shown: string;
}

const NOT_YET: Leg = { kind: 'walk' };

export function exchange(
  client: Peer,
  sent: Tuple,
  protocol: Protocol,
  compact: boolean,
  plan: FlowPath,
): Exchange {
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
  };
}

/** After the veth wait: the veth hop and the rules' decision; a `walk` leg walks on (`walkOn`). */
export function planDecide(ctx: RunContext, req: RequestState, x: Exchange): Leg {
  opened.planned++;
  const { plan, client } = x;
  if (!x.compact) hop(req, client.id, plan.nodeId, 'veth', vethOut, 0, x.sent);
  const d = decideInKnownClass(ctx, plan.node, plan.memo, plan.packet, req.random);
  const k = plan.memo.leaf;
  let leg = k >= 0 && plan.leafDecisions[k] === d ? plan.leafLegs[k] : plan.legs.get(d);
  if (leg === undefined) {
    leg = legOf(ctx, plan, d, x.protocol);
    if (k >= 0) {
      plan.leafDecisions[k] = d;
      plan.leafLegs[k] = leg;
    } else if (plan.legs.size < MAX_LEGS) plan.legs.set(d, leg);
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
    ctx.portsInUse.delete(sent.src);
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
export function planRoute(req: RequestState, ctx: RunContext, x: Exchange): boolean {
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
  ctx.portsInUse.delete(x.sent.src);
}

/** After the veth wait into the server: the delivery; the open connection, or a Fate when refused. */
export function planDeliver(req: RequestState, ctx: RunContext, x: Exchange): Connected {
  const leg = x.leg;
  if (leg.kind !== 'dnat') return { ok: false, fate: DROPPED };
  hop(req, x.shown, leg.server.id, 'deliver', leg.deliverText, leg.ok ? 0 : FAILED, undefined, x.seen);
  if (!leg.ok) {
    planDrop(ctx, x);
    return { ok: false, fate: REJECTED };
  }
  const conn: Connection = {
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
  return { ok: true, conn };
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
    if (!planRoute(req, ctx, x)) {
      const fate = yield* timeout(ctx, req, x.client);
      planDrop(ctx, x);
      return { ok: false, fate };
    }
  }
  if (ctx.wait(LATENCY.veth)) yield LATENCY.veth;
  return planDeliver(req, ctx, x);
}
