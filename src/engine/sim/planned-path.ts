// A flow's planned paths: per destination, the rule memo's class, and per decision what follows
// it (the DNAT target, the route, the server, the sentences), worked out once from the model as
// connection.ts and routing.ts would walk it. open-connection.ts follows them; the flow's memo
// (run-context.ts FlowMemo) keeps them while the model stays the same.

import type { ClusterModel, Protocol } from '../cluster/types.ts';
import type { Packet } from '../proxy/types.ts';
import type { Tuple } from './conntrack.ts';
import type { NodeProxyDecision } from './node-proxy.ts';
import { podPeer, type Peer } from './peers.ts';
import { listens, placesOf } from './places.ts';
import { explainDecision, freshWalkOf, type Explained } from './proxy-step.ts';
import { moveKind } from './reply.ts';
import { deliveredText, podRouteText } from './routing.ts';
import { memoClass, memoisable, type FreshWalk, type MemoClass } from './rule-memo.ts';
import {
  flowMemo,
  LATENCY,
  nodeId,
  proxyId,
  splitAddr,
  type AddrParts,
  type RequestState,
  type RunContext,
} from './run-context.ts';
import type { TraceResult } from './trace-types.ts';
import type { PlannedPath } from './walk.ts';

/** How long (ms) a planned path reads the model: until delivery (veth, netfilter, node network, veth). */
const SPAN = (LATENCY.veth + LATENCY.netfilter + LATENCY.nodeNetwork + LATENCY.veth) / 1000;

/** Destinations kept per flow (a flow mostly has two: kube-dns, and where it goes). */
const MAX_PLANS = 8;

/** Decisions kept per destination (a memo leaf each; a walk that keeps state makes a new one each time). */
export const MAX_LEGS = 16;

/** What follows one decision (`decision`: the one it was made for). */
export type Leg =
  | { readonly kind: 'walk'; readonly decision?: NodeProxyDecision }
  | {
      readonly kind: 'reject' | 'drop';
      readonly decision: NodeProxyDecision;
      readonly e: Explained;
      readonly service: TraceResult['service'];
    }
  | {
      readonly kind: 'dnat';
      readonly decision: NodeProxyDecision;
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

/**
 * One client's connections to one destination and protocol (kept in its flow's memo). It is its
 * class's place in the rule memo itself (a MemoClass), and the legs are found from the leaf: a
 * large run's paths are out of cache when their flow comes round again, and each object between
 * the path and the leg was a miss.
 */
export interface FlowPath extends MemoClass {
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
  /** The node's real walk, for the memo's misses. */
  readonly fresh: () => FreshWalk;
  /** What follows each decision: by the memo leaf it came from (if its `decision` is the one), else by the decision. */
  readonly leafLegs: (Leg | undefined)[];
  readonly legs: Map<NodeProxyDecision, Leg>;
}

/** Whether a connection of `client` sending `sent` may follow a planned path now. */
export function plannable(ctx: RunContext, client: Peer, sent: Tuple): boolean {
  if (client.kind !== 'pod' || client.node === undefined || !plannableNow(ctx)) return false;
  // The decision's source is the client's address (every caller sends from it).
  const src = sent.src;
  return src.startsWith(client.ip) && src.charCodeAt(client.ip.length) === 58;
}

/** `plannable`'s checks of the run itself: planned paths on, a memoisable mode, no policy, no change before delivery. */
export function plannableNow(ctx: RunContext): boolean {
  if (!ctx.plannedPaths || !memoisable(ctx.mode)) return false;
  // The model (and its policies) must stay as it is until the packet is delivered.
  return ctx.view.policies === undefined && ctx.now + SPAN < ctx.steadyUntil;
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
  const found = memoClass(model, node, ctx.mode, packet);
  // Field by field (a spread made an object of another, slower shape).
  const plan: FlowPath = {
    slots: found.slots,
    key: found.key,
    branches: found.branches,
    leaf: found.leaf,
    model,
    client,
    to,
    protocol,
    node,
    nodeId: nodeId(node),
    proxyId: proxyId(node),
    dst,
    packet,
    fresh: freshWalkOf(ctx, node),
    leafLegs: [],
    legs: new Map(),
  };
  mine.push(plan);
  return plan;
}

/** What follows decision `d` of `plan`'s class, as connection.ts and routing.ts would do it. */
export function legOf(ctx: RunContext, plan: FlowPath, d: NodeProxyDecision, protocol: Protocol): Leg {
  if (d.verdict === 'no-match' || d.verdict === 'accept' || d.ipvsKey !== undefined)
    return { kind: 'walk', decision: d };
  const model = ctx.view.model;
  const e = explainDecision(model, plan.node, d, plan.dst.ip, plan.dst.port, protocol);
  const ref = e.service;
  const service = ref
    ? { namespace: ref.service.namespace, name: ref.service.name, port: ref.port }
    : undefined;
  if (d.verdict === 'reject' || d.verdict === 'drop') return { kind: d.verdict, decision: d, e, service };
  if (d.verdict !== 'dnat' || e.dnat === undefined) return { kind: 'walk', decision: d };
  const { ip, port } = splitAddr(e.dnat);
  const pod = placesOf(model).podByIP.get(ip);
  if (!pod) return { kind: 'walk', decision: d };
  const server = podPeer(model, pod);
  const ok = listens(pod, port, protocol);
  const cross = pod.node === plan.node ? undefined : pod.node;
  return {
    kind: 'dnat',
    decision: d,
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
      backend: { namespace: pod.namespace, pod: pod.name, ip: server.ip, port },
    },
    routeText: cross === undefined ? '' : podRouteText(model, ip, pod, ''),
    ok,
    deliverText: deliveredText(server, port, protocol, ok, ''),
  };
}
