// One connection through NetworkPolicy, as a conformant network plugin enforces it (kubernetes
// website content/en/docs/concepts/services-networking/network-policies.md, "The two sorts of pod
// isolation"): a pod is isolated for a direction when a policy selecting it has that direction in
// its policyTypes; an isolated pod allows only what the union of those policies' rules allow (and,
// for ingress, its own node); a connection needs the source's egress and the destination's ingress;
// replies of allowed connections pass. Rule semantics: k8s.io/api networking/v1 types.go
// (empty from/to or ports match all; both selectors in one peer are ANDed; peers are ORed).

import type { ClusterPod, Labels } from '../cluster/types.ts';
import { describePort, describeSelector, ipBlockMatches, portMatches, selectorMatches } from './match.ts';
import {
  addressOf,
  describeEndpoint,
  endpointAt,
  networkPod,
  podOf,
  type NetworkPolicyIndex,
} from './policy-index.ts';
import type {
  ClusterNetworkPolicy,
  ConnectionDecision,
  NetpolConnection,
  NetpolEndpoint,
  NetworkPolicyPeer,
  NetworkPolicyRule,
  PolicyDecision,
  PolicyRef,
  PolicyType,
  RuleRef,
} from './types.ts';

const ref = (p: { namespace: string; name: string }): PolicyRef => ({ namespace: p.namespace, name: p.name });

/** The policies applying to `pod` for `direction` (same namespace, podSelector matches, type listed). */
export function policiesFor(
  index: NetworkPolicyIndex,
  pod: ClusterPod,
  direction: PolicyType,
): ClusterNetworkPolicy[] {
  return (index.byNamespace.get(pod.namespace) ?? []).filter(
    (p) => p.policyTypes.includes(direction) && selectorMatches(p.podSelector, pod.labels),
  );
}

function peerMatches(
  index: NetworkPolicyIndex,
  peer: NetworkPolicyPeer,
  policyNamespace: string,
  end: NetpolEndpoint,
): boolean {
  if (peer.ipBlock !== undefined) return ipBlockMatches(peer.ipBlock, addressOf(end));
  const pod = networkPod(end);
  if (pod === undefined) return false; // selectors select pods of the pod network only
  if (peer.namespaceSelector !== undefined) {
    const labels: Labels = index.namespaceLabels.get(pod.namespace) ?? {
      'kubernetes.io/metadata.name': pod.namespace,
    };
    if (!selectorMatches(peer.namespaceSelector, labels)) return false;
  } else if (pod.namespace !== policyNamespace) return false;
  return peer.podSelector === undefined || selectorMatches(peer.podSelector, pod.labels);
}

export function describePeer(peer: NetworkPolicyPeer, policyNamespace: string): string {
  if (peer.ipBlock !== undefined) {
    const except = peer.ipBlock.except.length > 0 ? ` except ${peer.ipBlock.except.join(', ')}` : '';
    return `ipBlock ${peer.ipBlock.cidr}${except}`;
  }
  const pods = peer.podSelector === undefined ? undefined : describeSelector(peer.podSelector);
  if (peer.namespaceSelector === undefined)
    return `podSelector ${pods ?? '{}'} in namespace ${policyNamespace}`;
  const ns = describeSelector(peer.namespaceSelector);
  return pods === undefined
    ? `namespaceSelector ${ns} (every pod of those namespaces)`
    : `namespaceSelector ${ns} AND podSelector ${pods}`;
}

interface RuleMatch {
  readonly peer: number | undefined | false;
  readonly port: number | undefined | false;
}

function matchRule(
  index: NetworkPolicyIndex,
  rule: NetworkPolicyRule,
  policy: ClusterNetworkPolicy,
  other: NetpolEndpoint,
  conn: NetpolConnection,
): RuleMatch {
  const peerIndex = rule.peers.findIndex((p) => peerMatches(index, p, policy.namespace, other));
  const destination = networkPod(conn.to);
  const portIndex = rule.ports.findIndex((p) => portMatches(p, conn.protocol, conn.port, destination));
  return {
    peer: rule.peers.length === 0 ? undefined : peerIndex < 0 ? false : peerIndex,
    port: rule.ports.length === 0 ? undefined : portIndex < 0 ? false : portIndex,
  };
}

const what = (conn: NetpolConnection): string =>
  conn.port === undefined ? `every ${conn.protocol} port` : `${conn.protocol} ${String(conn.port)}`;

function ruleText(
  policy: ClusterNetworkPolicy,
  direction: PolicyType,
  rule: RuleRef,
  r: NetworkPolicyRule,
): string {
  const peerKey = direction === 'Ingress' ? 'from' : 'to';
  const peer = rule.peer === undefined ? undefined : r.peers[rule.peer];
  const entry = rule.port === undefined ? undefined : r.ports[rule.port];
  const peerText =
    peer === undefined
      ? `no ${peerKey} (every ${direction === 'Ingress' ? 'source' : 'destination'})`
      : `${peerKey}[${String(rule.peer)}] (${describePeer(peer, policy.namespace)})`;
  const portText =
    entry === undefined ? 'no ports (every port)' : `ports[${String(rule.port)}] (${describePort(entry)})`;
  return `${rule.path} ${peerText}, ${portText}`;
}

function verdict(
  direction: PolicyType,
  fields: Omit<PolicyDecision, 'direction' | 'policies' | 'policy' | 'rule' | 'isolatedPod' | 'pod'> &
    Partial<Pick<PolicyDecision, 'policies' | 'policy' | 'rule' | 'isolatedPod' | 'pod'>>,
): PolicyDecision {
  return {
    direction,
    pod: fields.pod,
    isolatedPod: fields.isolatedPod,
    policies: fields.policies ?? [],
    policy: fields.policy,
    rule: fields.rule,
    allowed: fields.allowed,
    reason: fields.reason,
    explanation: fields.explanation,
  };
}

/**
 * One direction of a connection: Ingress consults the destination pod's policies, Egress the
 * source pod's. Call Egress where the packet leaves the source pod and Ingress where it is
 * delivered to the destination pod (after kube-proxy's DNAT).
 */
export function decideDirection(
  index: NetworkPolicyIndex,
  conn: NetpolConnection,
  direction: PolicyType,
): PolicyDecision {
  const ingress = direction === 'Ingress';
  const self = ingress ? conn.to : conn.from;
  const other = ingress ? conn.from : conn.to;
  const lower = ingress ? 'ingress' : 'egress';
  const pod = networkPod(self);
  if (pod === undefined) {
    const hostPod = podOf(self);
    return verdict(direction, {
      allowed: true,
      reason: 'not-a-pod',
      explanation: `${describeEndpoint(index, self)} is not a pod of the pod network, so no NetworkPolicy applies to its ${lower}${hostPod ? ' (NetworkPolicy treats hostNetwork pods as their node)' : ''}.`,
    });
  }
  const podRef = { namespace: pod.namespace, name: pod.name };
  const applying = policiesFor(index, pod, direction);
  const policies = applying.map(ref);
  if (applying.length === 0)
    return verdict(direction, {
      allowed: true,
      reason: 'not-isolated',
      pod: podRef,
      explanation: `pod ${pod.namespace}/${pod.name} is not selected by any NetworkPolicy with ${direction} in its policyTypes, so it is not isolated for ${lower}: every ${lower} connection is allowed.`,
    });
  const base = { pod: podRef, isolatedPod: podRef, policies };
  if (ingress && index.nodeIPs.get(pod.node) === addressOf(other) && pod.node !== '')
    return verdict(direction, {
      ...base,
      allowed: true,
      reason: 'own-node',
      explanation: `connections from the pod's own node (${describeEndpoint(index, other)}) are always allowed, even to an isolated pod (kubelet's probes come from there).`,
    });
  const near: string[] = [];
  for (const policy of applying) {
    const rules = ingress ? policy.ingress : policy.egress;
    for (const [i, r] of rules.entries()) {
      const m = matchRule(index, r, policy, other, conn);
      const path = `spec.${lower}[${String(i)}]`;
      if (m.peer !== false && m.port !== false) {
        const rule: RuleRef = { index: i, path, peer: m.peer, port: m.port };
        return verdict(direction, {
          ...base,
          allowed: true,
          reason: 'rule',
          policy: ref(policy),
          rule,
          explanation: `NetworkPolicy ${policy.namespace}/${policy.name} allows it: ${ruleText(policy, direction, rule, r)}.`,
        });
      }
      if (m.peer !== false && near.length < 2)
        near.push(
          `${path} of ${policy.name} matches ${describeEndpoint(index, other)} but allows only ${r.ports.map(describePort).join(', ')}`,
        );
    }
  }
  const names = applying.map((p) => `${p.namespace}/${p.name}`).join(', ');
  const noRules = applying.every((p) => (ingress ? p.ingress : p.egress).length === 0);
  const hint = noRules
    ? ` (${applying.length === 1 ? 'it has' : 'they have'} no ${lower} rules: ${lower} is denied entirely)`
    : near.length > 0
      ? ` (${near.join('; ')})`
      : '';
  const dir = ingress ? 'from' : 'to';
  return verdict(direction, {
    ...base,
    allowed: false,
    reason: 'no-rule',
    explanation: `pod ${pod.namespace}/${pod.name} is isolated for ${lower} by NetworkPolicy ${names}, and no ${lower} rule of ${applying.length === 1 ? 'it' : 'them'} allows ${what(conn)} ${dir} ${describeEndpoint(index, other)}${hint}.`,
  });
}

/** Both sides of a new connection: egress on the source (checked first), ingress on the destination. */
export function decideConnection(index: NetworkPolicyIndex, conn: NetpolConnection): ConnectionDecision {
  const egress = decideDirection(index, conn, 'Egress');
  const ingress = decideDirection(index, conn, 'Ingress');
  const droppedBy = !egress.allowed ? 'Egress' : !ingress.allowed ? 'Ingress' : undefined;
  const explanation =
    droppedBy === 'Egress'
      ? `Dropped leaving the source: ${egress.explanation}`
      : droppedBy === 'Ingress'
        ? `Dropped before the destination: ${ingress.explanation}`
        : `Allowed. Egress: ${egress.explanation} Ingress: ${ingress.explanation}`;
  return { allowed: droppedBy === undefined, egress, ingress, droppedBy, explanation };
}

/** The same by addresses, as a packet carries them (destination after DNAT). */
export function decidePacket(
  index: NetworkPolicyIndex,
  packet: {
    readonly sourceIP: string;
    readonly destinationIP: string;
    readonly protocol: NetpolConnection['protocol'];
    readonly port: number;
  },
): ConnectionDecision {
  return decideConnection(index, {
    from: endpointAt(index, packet.sourceIP),
    to: endpointAt(index, packet.destinationIP),
    protocol: packet.protocol,
    port: packet.port,
  });
}

/** A reply (or any later packet) of a connection: it passes if the connection was allowed (conntrack). */
export function replyDecision(original: PolicyDecision): PolicyDecision {
  return {
    ...original,
    reason: original.allowed ? 'reply' : original.reason,
    explanation: original.allowed
      ? `a reply of an allowed connection: the network plugin tracks connections, so replies pass without a rule of their own (${original.explanation})`
      : original.explanation,
  };
}
