// A connection's first packet, hop by hop: out of the client (a pod's eth0 and veth, a node's
// OUTPUT, or the outside world through the load balancer), the node's kube-proxy rules (DNAT,
// masquerade, REJECT, DROP) with a conntrack entry for what was translated, the network plugin's
// egress NetworkPolicy check (policy-step.ts), then routing (routing.ts).

import type { Protocol } from '../cluster/types.ts';
import type { Tuple } from './conntrack.ts';
import { enterFromOutside, LOAD_BALANCER } from './enter.ts';
import type { Peer } from './peers.ts';
import { egressCheck } from './policy-step.ts';
import type { NodeProxyDecision } from './node-proxy.ts';
import { decideAtNode, explainDecision, type Explained } from './proxy-step.ts';
import type { SimHop } from './sim-types.ts';
import { route } from './routing.ts';
import {
  FAILED,
  addr,
  hop,
  LATENCY,
  nodeId,
  proxyId,
  splitAddr,
  splitSource,
  type Fate,
  type Proc,
  type RequestState,
  type RunContext,
} from './run-context.ts';
import { fail, station, type Connected, type Walk } from './walk.ts';

export { releaseIpvs, timeout, type Connected, type Connection, type Station } from './walk.ts';

/** Out of a pod (the hop's `from`) into its node (`to`). */
export const vethOut = ({ from, to }: SimHop): string =>
  `Out of ${from.slice(4)}'s eth0 through its veth pair into node ${to.slice(5)}'s network namespace (PREROUTING).`;

/** What kube-proxy's rules at a node decided for the connection's first packet, before it is applied. */
export interface Decided {
  readonly node: string;
  readonly d: NodeProxyDecision;
  readonly e: Explained;
  readonly srcPort: number;
}

/**
 * kube-proxy at `node`, first half: the rules decide (drawing the request's random numbers);
 * undefined when no rule matches. The caller waits LATENCY.netfilter, then `applyDecision`.
 * (Two plain functions, not a generator: a generator per connection per node was most of the
 * garbage a request made.)
 */
function decide(w: Walk, node: string, origin: 'local' | 'forwarded'): Decided | undefined {
  const dst = splitAddr(w.pkt.dst);
  const src = splitSource(w.pkt.src);
  const packet = {
    sourceIP: src.ip,
    destIP: dst.ip,
    destPort: dst.port,
    protocol: w.protocol,
    origin,
    random: w.req.random,
  };
  return settle(w, node, decideAtNode(w.ctx, node, packet), src.port);
}

/** What the walk keeps of decision `d` at `node` (the note when no rule matched, the Service). */
export function settle(w: Walk, node: string, d: NodeProxyDecision, srcPort: number): Decided | undefined {
  if (d.verdict === 'no-match' || d.verdict === 'accept') {
    w.note = ` No kube-proxy rule on ${node} matches (${String(d.rulesVisited)} rules looked at).`;
    return undefined;
  }
  const dst = splitAddr(w.pkt.dst);
  const e = explainDecision(w.ctx.view.model, node, d, dst.ip, dst.port, w.protocol);
  const ref = e.service;
  if (ref) w.req.service = { namespace: ref.service.namespace, name: ref.service.name, port: ref.port };
  return { node, d, e, srcPort };
}

/** kube-proxy at a node, second half (after the netfilter latency): a Fate when the rules end the connection. */
function applyDecision(w: Walk, { node, d, e, srcPort }: Decided): Fate | undefined {
  const { ctx, req } = w;
  const netfilter = proxyId(node);
  // The translation as conntrack records it (a masqueraded port may be remapped to stay unique).
  const entry =
    d.verdict === 'dnat' && e.dnat !== undefined
      ? ctx.node(node).conntrack.add(w.protocol, w.pkt, {
          src: d.masquerade ? addr(e.nodeIP, srcPort) : w.pkt.src,
          dst: e.dnat,
        })
      : undefined;
  const after: Tuple = entry ? { src: entry.reply.dst, dst: entry.reply.src } : w.pkt;
  hop(
    req,
    w.shown,
    netfilter,
    'kube-proxy',
    e.description,
    d.verdict !== 'dnat' ? FAILED : 0,
    w.pkt,
    after,
    undefined,
    e,
  );
  w.shown = netfilter;
  if (d.verdict === 'reject') return { outcome: 'rejected' };
  if (d.verdict === 'drop' || !entry) return { outcome: 'dropped' };
  const last = w.stations[w.stations.length - 1];
  if (last && last.id === nodeId(node) && w.stations.length > 1) last.skip = true;
  w.stations.push({ id: netfilter, node, nat: entry, latency: LATENCY.netfilter, skip: false });
  if (d.ipvsKey !== undefined) w.ipvs.push({ node, key: d.ipvsKey });
  w.pkt = after;
  w.natted = true;
  w.note = '';
  return undefined;
}

/** A connection's walk before its first packet leaves the client. */
export function newWalk(
  ctx: RunContext,
  req: RequestState,
  client: Peer,
  sent: Tuple,
  protocol: Protocol,
  compact: boolean,
): Walk {
  return {
    ctx,
    req,
    client,
    protocol,
    compact,
    sent,
    stations: [{ id: client.id, node: client.node, nat: undefined, latency: 0, skip: false }],
    ipvs: [],
    shown: client.id,
    pkt: sent,
    natted: false,
    note: '',
  };
}

/** A pod's packet is in its node (after the veth hop, shown unless compact). */
export function intoNode(w: Walk, node: string): void {
  station(w, nodeId(node), node, LATENCY.veth);
  if (!w.compact) w.shown = nodeId(node);
}

/** Opens a connection from `client` for `sent` (the packet as the client sends it), walking. */
export function* walkConnect(
  ctx: RunContext,
  req: RequestState,
  client: Peer,
  sent: Tuple,
  protocol: Protocol,
  options: { readonly compact?: boolean } = {},
): Proc<Connected> {
  const w = newWalk(ctx, req, client, sent, protocol, options.compact === true);
  let node: string;
  let origin: 'local' | 'forwarded' = 'forwarded';
  if (client.kind === 'external') {
    const entry = yield* enterFromOutside(ctx, req, splitAddr(sent.dst).ip);
    if ('fate' in entry) return fail(w, entry.fate);
    if (entry.via === LOAD_BALANCER) station(w, LOAD_BALANCER, undefined, LATENCY.internet);
    const lb = entry.via === LOAD_BALANCER;
    station(w, nodeId(entry.node), entry.node, lb ? LATENCY.loadBalancer : LATENCY.internet);
    w.shown = nodeId(entry.node);
    node = entry.node;
  } else {
    node = client.node ?? '';
    if (client.kind === 'pod') {
      if (ctx.wait(LATENCY.veth)) yield LATENCY.veth;
      if (!w.compact) hop(req, client.id, nodeId(node), 'veth', vethOut, 0, sent);
      intoNode(w, node);
    } else origin = 'local';
  }
  return yield* walkFrom(w, node, origin);
}

/**
 * The first packet's way on from `node`: kube-proxy's rules, the egress check, routing (at most
 * three nodes). `first` is the decision at `node` when the caller made it already (replay.ts).
 */
export function* walkFrom(
  w: Walk,
  start: string,
  origin: 'local' | 'forwarded',
  first?: { readonly decided: Decided | undefined },
): Proc<Connected> {
  const { ctx } = w;
  let node = start;
  for (let legs = 0; legs < 3; legs++) {
    if (!w.natted) {
      const decided = legs === 0 && first ? first.decided : decide(w, node, origin);
      if (decided) {
        if (ctx.wait(LATENCY.netfilter)) yield LATENCY.netfilter;
        const ended = applyDecision(w, decided);
        if (ended) return fail(w, ended);
      }
    }
    // The network plugin's egress check: once, on the source pod's node, after the DNAT.
    if (legs === 0) {
      const denied = egressCheck(w, node);
      if (denied) return fail(w, denied);
    }
    const next = yield* route(w, node);
    if ('ok' in next) return next;
    node = next.node;
    origin = 'forwarded';
  }
  return fail(w, { outcome: 'no-route' });
}
