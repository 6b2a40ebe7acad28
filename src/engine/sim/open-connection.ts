// Opening a connection. A pod's connection to a destination its flow has reached before under the
// same model follows a planned path: the rules still decide (the class's memo, the same draws),
// and the decision's way on (DNAT, routing, delivery, and the reply's way back, reply.ts) was
// worked out once per decision, so the same waits, hops, conntrack entries and checks come
// without walking. A decision whose way on is not a pod (no rule, a node address, IPVS…) walks
// on from there (connection.ts walkFrom). The plan reads the model when it is made, so it is used
// only while no cluster event can come before the connection is delivered.

import type { Protocol } from '../cluster/types.ts';
import type { Tuple } from './conntrack.ts';
import { intoNode, newWalk, settle, vethOut, walkConnect, walkFrom } from './connection.ts';
import type { NodeProxyDecision } from './node-proxy.ts';
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
type Leg =
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
  readonly client: Peer;
  readonly to: string;
  readonly protocol: Protocol;
  readonly node: string;
  readonly nodeId: string;
  readonly proxyId: string;
  readonly dst: AddrParts;
  readonly memo: MemoClass;
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
    ? plannedConnect(ctx, req, client, sent, protocol, options.compact === true, plan)
    : walkConnect(ctx, req, client, sent, protocol, options);
}

function planFor(
  ctx: RunContext,
  req: RequestState,
  client: Peer,
  sent: Tuple,
  protocol: Protocol,
): FlowPath | undefined {
  const node = client.node;
  if (!ctx.plannedPaths || client.kind !== 'pod' || node === undefined || !memoisable(ctx.mode))
    return undefined;
  // The model (and its policies) must stay as it is until the packet is delivered.
  if (ctx.view.policies !== undefined || ctx.now + SPAN >= ctx.steadyUntil) return undefined;
  // The decision's source is the client's address (every caller sends from it).
  const src = sent.src;
  if (!src.startsWith(client.ip) || src.charCodeAt(client.ip.length) !== 58) return undefined;
  const mine = flowMemo(ctx, req).paths;
  const model = ctx.view.model;
  for (const p of mine) if (p.to === sent.dst && p.client === client && p.protocol === protocol) return p;
  if (mine.length >= MAX_PLANS) mine.length = 0;
  const dst = splitAddr(sent.dst);
  const plan: FlowPath = {
    client,
    to: sent.dst,
    protocol,
    node,
    nodeId: nodeId(node),
    proxyId: proxyId(node),
    dst,
    memo: memoClass(model, node, ctx.mode, {
      sourceIP: client.ip,
      destIP: dst.ip,
      destPort: dst.port,
      protocol,
      origin: 'forwarded',
    }),
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

/** connection.ts walkConnect for a pod client, along the plan. */
function* plannedConnect(
  ctx: RunContext,
  req: RequestState,
  client: Peer,
  sent: Tuple,
  protocol: Protocol,
  compact: boolean,
  plan: FlowPath,
): Proc<Connected> {
  opened.planned++;
  if (ctx.wait(LATENCY.veth)) yield LATENCY.veth;
  if (!compact) hop(req, client.id, plan.nodeId, 'veth', vethOut, 0, sent);
  const packet = {
    sourceIP: client.ip,
    destIP: plan.dst.ip,
    destPort: plan.dst.port,
    protocol,
    origin: 'forwarded' as const,
    random: req.random,
  };
  const d = decideInKnownClass(ctx, plan.node, plan.memo, packet);
  let leg = plan.legs.get(d);
  if (leg === undefined) {
    leg = legOf(ctx, plan, d, protocol);
    if (plan.legs.size < MAX_LEGS) plan.legs.set(d, leg);
  }
  if (leg.kind === 'walk') {
    const w = newWalk(ctx, req, client, sent, protocol, compact);
    intoNode(w, plan.node);
    return yield* walkFrom(w, plan.node, 'forwarded', {
      decided: settle(w, plan.node, d, splitSource(sent.src).port),
    });
  }
  if (leg.service) req.service = leg.service;
  if (ctx.wait(LATENCY.netfilter)) yield LATENCY.netfilter;
  const from = compact ? client.id : plan.nodeId;
  if (leg.kind !== 'dnat') {
    hop(req, from, plan.proxyId, 'kube-proxy', leg.e.description, FAILED, sent, sent, undefined, leg.e);
    ctx.portsInUse.delete(sent.src);
    return { ok: false, fate: leg.kind === 'reject' ? REJECTED : DROPPED };
  }
  const e = leg.e;
  const entry = ctx.node(plan.node).conntrack.add(protocol, sent, {
    src: leg.masquerade ? addr(e.nodeIP, splitSource(sent.src).port) : sent.src,
    dst: leg.dnat,
  });
  const seen: Tuple = { src: entry.reply.dst, dst: entry.reply.src };
  hop(req, from, plan.proxyId, 'kube-proxy', e.description, 0, sent, seen, undefined, e);
  let shown = plan.proxyId;
  const path = leg.path;
  if (path.cross !== undefined && path.crossId !== undefined) {
    if (ctx.wait(LATENCY.nodeNetwork)) yield LATENCY.nodeNetwork;
    const down = ctx.view.isDown(path.cross);
    if (down || !compact)
      hop(
        req,
        shown,
        path.crossId,
        'route',
        down ? `${leg.routeText} Node ${path.cross} is down: the packet is lost.` : leg.routeText,
        down ? FAILED : 0,
        seen,
      );
    if (down) {
      const fate = yield* timeout(ctx, req, client);
      ctx.node(plan.node).conntrack.remove(entry);
      ctx.portsInUse.delete(sent.src);
      return { ok: false, fate };
    }
    if (!compact) shown = path.crossId;
  }
  if (ctx.wait(LATENCY.veth)) yield LATENCY.veth;
  hop(req, shown, leg.server.id, 'deliver', leg.deliverText, leg.ok ? 0 : FAILED, undefined, seen);
  if (!leg.ok) {
    ctx.node(plan.node).conntrack.remove(entry);
    ctx.portsInUse.delete(sent.src);
    return { ok: false, fate: REJECTED };
  }
  const conn: Connection = {
    protocol,
    client,
    server: leg.server,
    sent,
    seen,
    stations: NO_STATIONS,
    ipvs: NO_IPVS,
    compact,
    open: true,
    planned: path,
    nat: entry,
  };
  return { ok: true, conn };
}
