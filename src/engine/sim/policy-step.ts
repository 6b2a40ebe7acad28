// NetworkPolicy as the network plugin enforces it on a connection's first packet: egress on the
// source pod's node, after kube-proxy's DNAT (the plugin's hook sees the pod address, not the
// ClusterIP), and ingress where the packet is delivered to the destination pod, with the source
// address the packet carries after any SNAT. Replies are not decided again: the plugin tracks
// connections (kubernetes/website network-policies.md, "replies"; netpol/decide.ts replyDecision).
// An isolated pod's drop is silent (no RST, no ICMP), like kube-proxy's DROP.

import type { Protocol } from '../cluster/types.ts';
import { decideDirection } from '../netpol/decide.ts';
import { endpointAt, type NetworkPolicyIndex } from '../netpol/policy-index.ts';
import type { PolicyDecision, PolicyType } from '../netpol/types.ts';
import type { Peer } from './peers.ts';
import { FAILED, hop, nodeId, proxyId, splitAddr, splitSource, type Fate } from './run-context.ts';
import type { Walk } from './walk.ts';

// A decision depends only on the index (one per model) and the packet class: memoised per both.
const memos = new WeakMap<NetworkPolicyIndex, Map<string, PolicyDecision>>();

function decide(
  index: NetworkPolicyIndex,
  direction: PolicyType,
  src: string,
  dst: string,
  protocol: Protocol,
  port: number,
): PolicyDecision {
  let memo = memos.get(index);
  if (memo === undefined) {
    memo = new Map();
    memos.set(index, memo);
  }
  const key = `${direction} ${src} ${dst} ${protocol} ${String(port)}`;
  let d = memo.get(key);
  if (d === undefined) {
    d = decideDirection(
      index,
      { from: endpointAt(index, src), to: endpointAt(index, dst), protocol, port },
      direction,
    );
    if (memo.size >= 100_000) memo.clear();
    memo.set(key, d);
  }
  return d;
}

const capital = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** `NetworkPolicy ns/name spec.ingress[0]`: the policy and rule that allowed it. */
function ruleOf(d: PolicyDecision): string | undefined {
  return d.policy && d.rule
    ? `NetworkPolicy ${d.policy.namespace}/${d.policy.name} ${d.rule.path}`
    : undefined;
}

/**
 * Records the decision as a `policy` hop when the pod is isolated (a pod no policy selects gets no
 * hop, so runs without policies keep their hops). Returns the fate when the packet is dropped.
 */
function record(w: Walk, d: PolicyDecision, from: string, to: string): Fate | undefined {
  if (d.isolatedPod === undefined) return undefined;
  const side = d.direction === 'Ingress' ? 'Ingress' : 'Egress';
  if (d.allowed) {
    // DNS exchanges show only their decisive hops.
    if (w.compact) return undefined;
    hop(
      w.req,
      from,
      to,
      'policy',
      `${side} allowed by the network plugin: ${d.explanation}`,
      0,
      w.pkt,
      undefined,
      undefined,
      { rule: ruleOf(d) },
    );
    w.shown = to;
    return undefined;
  }
  hop(
    w.req,
    from,
    to,
    'policy',
    `${side} denied: ${capital(d.explanation)} The network plugin drops the packet silently (no RST, no ICMP), so the client waits until it gives up.`,
    FAILED,
    w.pkt,
  );
  return { outcome: 'dropped' };
}

/** Egress of a pod client's first packet on its node, after kube-proxy's DNAT. */
export function egressCheck(w: Walk, node: string): Fate | undefined {
  const index = w.ctx.view.policies;
  if (index === undefined || w.client.kind !== 'pod') return undefined;
  const src = splitSource(w.pkt.src).ip;
  const dst = splitAddr(w.pkt.dst);
  const d = decide(index, 'Egress', src, dst.ip, w.protocol, dst.port);
  // The check sits in the node's netfilter, where kube-proxy's rules are (or the node, without them).
  const at = w.shown === proxyId(node) ? w.shown : nodeId(node);
  return record(w, d, w.shown, at);
}

/** Ingress at delivery to `server` (a pod of the pod network), with the source the packet carries. */
export function ingressCheck(w: Walk, server: Peer): Fate | undefined {
  const index = w.ctx.view.policies;
  if (index === undefined || server.kind !== 'pod') return undefined;
  const src = splitSource(w.pkt.src).ip;
  const dst = splitAddr(w.pkt.dst);
  const d = decide(index, 'Ingress', src, server.ip, w.protocol, dst.port);
  return record(w, d, w.shown, server.id);
}
