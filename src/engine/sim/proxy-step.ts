// A new connection meets a node's kube-proxy rules: the decision (memoised where the rules keep no
// state, see rule-memo.ts) and the sentence that explains it, citing the rule that decided.

import type { ClusterModel, Protocol } from '../cluster/types.ts';
import type { Packet } from '../proxy/types.ts';
import { proxyAtNode, type NodeProxyDecision } from './node-proxy.ts';
import { listens, placesOf, serviceFor, type ServicePortRef } from './places.ts';
import { memoisedDecision, type FreshWalk } from './rule-memo.ts';
import type { RunContext } from './run-context.ts';
import type { HopPick } from './sim-types.ts';

/** Rule texts that decide a packet's destination or fate, in every mode's printing. */
const DECISIVE = /-j DNAT|dnat to|^\s*->|-j REJECT|\breject\b|-j DROP|\bdrop$|-j REDIRECT/;

const dead = new WeakMap<ClusterModel, ReadonlySet<string>>();

/** Userspace mode dials each backend itself: those whose dial fails (pod gone, node down, port closed). */
function deadEndpoints(model: ClusterModel): ReadonlySet<string> {
  const found = dead.get(model);
  if (found) return found;
  const places = placesOf(model);
  const out = new Set<string>();
  for (const slice of model.endpointSlices)
    for (const ep of slice.endpoints)
      for (const ip of ep.addresses)
        for (const port of slice.ports) {
          const pod = places.podByIP.get(ip);
          const node = pod ? places.nodeByName.get(pod.node) : undefined;
          if (!pod || !node?.ready || !listens(pod, port.port, port.protocol))
            out.add(`${ip}:${String(port.port)}`);
        }
  dead.set(model, out);
  return out;
}

/** The node's real walk (what the memo calls on a miss), made once per node of a run. */
function freshWalk(ctx: RunContext, node: string): FreshWalk {
  const dataplane = ctx.node(node);
  if (dataplane.walk) return dataplane.walk;
  const walk: FreshWalk = (random, packet) => {
    const model = ctx.view.model;
    return proxyAtNode(model, node, ctx.mode, random === packet.random ? packet : { ...packet, random }, {
      state: dataplane.proxy,
      now: ctx.now / 1000,
      ...(ctx.mode === 'userspace' ? { dead: deadEndpoints(model) } : {}),
    });
  };
  dataplane.walk = walk;
  return walk;
}

/** Walks (or replays) `packet` through `node`'s rules; `packet.random` gives the request's draws. */
export function decideAtNode(ctx: RunContext, node: string, packet: Packet): NodeProxyDecision {
  return memoisedDecision(ctx.view.model, node, ctx.mode, packet, freshWalk(ctx, node));
}

/** `node`'s real walk when it is asked for (a planned path keeps one: made once, not per decision). */
export const freshWalkOf =
  (ctx: RunContext, node: string): (() => FreshWalk) =>
  () =>
    freshWalk(ctx, node);

/** The rule that decided where the packet goes (not the MASQUERADE that follows it). */
export function decisiveRule(d: NodeProxyDecision): string | undefined {
  for (let i = d.matched.length - 1; i >= 0; i--) {
    const m = d.matched[i];
    if (m && DECISIVE.test(m.text)) return m.text;
  }
  return d.matched[d.matched.length - 1]?.text;
}

/** One sentence: what the rules did, with the odds of the pick. */
export function describeDecision(
  d: NodeProxyDecision,
  node: string,
  after: string,
  extra: { readonly service?: string; readonly localPolicy?: boolean },
): string {
  const odds =
    d.probability !== undefined && d.probability < 1
      ? ` (picked with probability ${d.probability.toFixed(4)})`
      : '';
  const retried =
    d.failedAttempts && d.failedAttempts.length > 0
      ? `; the proxy first dialled ${d.failedAttempts.join(', ')}, which refused, and retried`
      : '';
  const svc = extra.service ? ` for Service ${extra.service}` : '';
  // iptables ClientIP affinity: `-m recent --rcheck` found the source in an endpoint's list.
  const sticky = d.matched.some((m) => m.text.includes('--rcheck'))
    ? "; sessionAffinity ClientIP: the client is in this endpoint's recent list (-m recent --rcheck), so it sticks"
    : '';
  const what =
    d.verdict === 'dnat'
      ? `DNAT${svc} to ${after}${d.pod ? ` (pod ${d.pod})` : ''}${odds}${sticky}${retried}${d.masquerade ? (d.mode === 'userspace' ? '; kube-proxy dials the backend itself, so the source is the node' : '; marked for masquerade, so the source becomes the node') : ''}`
      : d.verdict === 'reject'
        ? `REJECT${svc}: no ready endpoint${d.failedAttempts?.length ? ' answered' : ''}; the client gets ICMP port unreachable (connection refused)`
        : d.verdict === 'drop'
          ? extra.localPolicy
            ? `DROP${svc}: externalTrafficPolicy Local and no ready endpoint on ${node}`
            : `DROP${svc}`
          : 'no kube-proxy rule matches';
  const why = d.why && d.verdict === 'dnat' && d.mode !== 'iptables' ? ` (${d.why})` : '';
  return `kube-proxy's ${d.mode} rules on ${node} (${String(d.rulesVisited)} rules looked at): ${what}${why}.`;
}

/** Session affinity decided, in each mode's own words (the walk's matched rules or its reason). */
function stuck(d: NodeProxyDecision): boolean {
  const why = d.why ?? '';
  return (
    d.matched.some((m) => m.text.includes('--rcheck')) ||
    why.startsWith('ClientIP') ||
    why.startsWith('persistent')
  );
}

/** The backend pod a DNAT picked and the odds of that pick; undefined when no pod was picked. */
export function pickOf(d: NodeProxyDecision): HopPick | undefined {
  if (d.verdict !== 'dnat' || d.pod === undefined) return undefined;
  const p = d.probability;
  // kube-proxy's chains give every endpoint 1/n overall (iptables: 1/n, then 1/(n-1) of the rest…).
  const of = p !== undefined && p > 0 && p <= 1 ? Math.round(1 / p) : undefined;
  if (stuck(d)) return { pod: d.pod, how: 'sticky' };
  const how: HopPick['how'] =
    d.mode === 'iptables' || d.mode === 'nftables'
      ? 'random'
      : d.mode === 'userspace' || (d.why ?? '').startsWith('rr:')
        ? 'round-robin'
        : 'scheduler';
  return {
    pod: d.pod,
    how,
    ...(p !== undefined ? { probability: p } : {}),
    ...(of !== undefined && how !== 'scheduler' ? { of } : {}),
  };
}

/** What a kube-proxy hop says about a decision; the same for every replay of a memoised one. */
export interface Explained {
  readonly description: string;
  readonly rule: string | undefined;
  readonly service: ServicePortRef | undefined;
  /** `svc/NS/NAME` of the Service whose rules decided. */
  readonly via: string | undefined;
  readonly nodeIP: string;
  /** `ip:port` the connection is DNATed to. */
  readonly dnat: string | undefined;
  readonly pick: HopPick | undefined;
}

const explained = new WeakMap<NodeProxyDecision, Explained>();

/** Explains `d` (made at `node` for a packet to `ip:port`), once per decision object. */
export function explainDecision(
  model: ClusterModel,
  node: string,
  d: NodeProxyDecision,
  ip: string,
  port: number,
  protocol: Protocol,
): Explained {
  const found = explained.get(d);
  if (found) return found;
  const places = placesOf(model);
  const nodeIP = places.nodeByName.get(node)?.internalIP ?? '';
  const service = serviceFor(places, ip, port, protocol, ip === nodeIP || ip.startsWith('127.'));
  const name = service ? `${service.service.namespace}/${service.service.name}` : undefined;
  const dnat = d.dnat ? `${d.dnat.ip}:${String(d.dnat.port)}` : undefined;
  const e: Explained = {
    description: describeDecision(d, node, dnat ?? `${ip}:${String(port)}`, {
      ...(name ? { service: name } : {}),
      localPolicy: service?.service.externalTrafficPolicy === 'Local',
    }),
    rule: decisiveRule(d),
    service,
    via: name ? `svc/${name}` : undefined,
    nodeIP,
    dnat,
    pick: pickOf(d),
  };
  explained.set(d, e);
  return e;
}
