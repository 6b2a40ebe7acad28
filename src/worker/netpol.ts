// The inspector's view of NetworkPolicy, computed in the worker: a namespace's enforced policies
// (whom each selects, its rules in plain words) and its pods × pods connectivity matrix.

import {
  connectivityMatrix,
  describePeer,
  describePort,
  describeSelector,
  networkPolicyIndex,
  podId,
  policiesFor,
  type ClusterNetworkPolicy,
  type MatrixProbe,
  type NetworkPolicyIndex,
  type NetworkPolicyRule,
  type PolicyDecision,
  type PolicyType,
} from '../engine/index.ts';
import type { Reading } from './ingress.ts';
import type {
  DeclaredPort,
  NetpolAnswer,
  NetpolPolicy,
  NetpolProbe,
  NetpolQuery,
  NetpolSide,
} from './protocol.ts';

/** Above this many pods the matrix (pods² cells, each decided per port) is not drawn. */
export const MATRIX_POD_LIMIT = 30;

const indexes = new WeakMap<Reading, NetworkPolicyIndex>();

/** The policy index of a reading, built once when first asked. */
export function policyIndexOf(reading: Reading): NetworkPolicyIndex {
  let index = indexes.get(reading);
  if (!index) indexes.set(reading, (index = networkPolicyIndex(reading.model, reading.objects)));
  return index;
}

/** The index the parse already built for the graph's badges, so questions reuse it. */
export function keepPolicyIndex(reading: Reading, index: NetworkPolicyIndex): void {
  indexes.set(reading, index);
}

export const policyId = (namespace: string, name: string): string => `netpol/${namespace}/${name}`;

/** One rule as a sentence: `spec.ingress[0] allows from X or Y, on TCP 80`. */
export function ruleWords(
  rule: NetworkPolicyRule,
  index: number,
  direction: PolicyType,
  namespace: string,
): string {
  const ingress = direction === 'Ingress';
  const path = `spec.${ingress ? 'ingress' : 'egress'}[${String(index)}]`;
  const peers =
    rule.peers.length === 0
      ? ingress
        ? 'every source'
        : 'every destination'
      : rule.peers.map((p) => describePeer(p, namespace)).join(' or ');
  const ports = rule.ports.length === 0 ? 'every port' : rule.ports.map(describePort).join(', ');
  return `${path} allows ${ingress ? 'from' : 'to'} ${peers}, on ${ports}`;
}

function summarize(reading: Reading, index: NetworkPolicyIndex, policy: ClusterNetworkPolicy): NetpolPolicy {
  const selects = reading.model.pods
    .filter(
      (pod) =>
        pod.namespace === policy.namespace &&
        policy.policyTypes.some((t) => policiesFor(index, pod, t).includes(policy)),
    )
    .map((pod) => podId(pod.namespace, pod.name))
    .sort();
  const words = (type: PolicyType, rules: readonly NetworkPolicyRule[]) =>
    policy.policyTypes.includes(type) ? rules.map((r, i) => ruleWords(r, i, type, policy.namespace)) : [];
  return {
    id: policyId(policy.namespace, policy.name),
    namespace: policy.namespace,
    name: policy.name,
    range: reading.objects.find((o) => o.index === policy.source.index)?.range,
    policyTypes: policy.policyTypes,
    policyTypesDefaulted: policy.policyTypesDefaulted,
    podSelector: describeSelector(policy.podSelector),
    selects,
    ingress: words('Ingress', policy.ingress),
    egress: words('Egress', policy.egress),
  };
}

const refText = (r: { namespace: string; name: string } | undefined) =>
  r === undefined ? undefined : `${r.namespace}/${r.name}`;

function side(d: PolicyDecision): NetpolSide {
  return {
    allowed: d.allowed,
    isolatedPod: refText(d.isolatedPod),
    policy: refText(d.policy),
    explanation: d.explanation,
  };
}

function probe(p: MatrixProbe): NetpolProbe {
  return {
    protocol: p.protocol,
    port: p.port,
    portName: p.portName,
    allowed: p.allowed,
    egress: side(p.egress),
    ingress: side(p.ingress),
  };
}

/** Every port the namespace's pods declare, by number then protocol. */
export function declaredPorts(reading: Reading, namespace: string): DeclaredPort[] {
  const seen = new Map<string, DeclaredPort>();
  for (const pod of reading.model.pods)
    if (pod.namespace === namespace)
      for (const c of pod.containers)
        for (const p of c.ports) {
          const key = `${String(p.containerPort)}/${p.protocol}`;
          if (!seen.has(key)) seen.set(key, { port: p.containerPort, protocol: p.protocol, name: p.name });
        }
  return [...seen.values()].sort((a, b) => a.port - b.port || a.protocol.localeCompare(b.protocol));
}

export function answerNetworkPolicies(reading: Reading, query: NetpolQuery): NetpolAnswer {
  const index = policyIndexOf(reading);
  const policies = (index.byNamespace.get(query.namespace) ?? []).map((p) => summarize(reading, index, p));
  const members = reading.model.pods.filter((p) => p.namespace === query.namespace && p.ip !== '').length;
  const tooMany = query.matrix && members > MATRIX_POD_LIMIT;
  const m =
    query.matrix && !tooMany
      ? connectivityMatrix(index, reading.model.pods, {
          namespace: query.namespace,
          port: query.port,
          protocol: query.protocol,
        })
      : undefined;
  return {
    namespace: query.namespace,
    policies,
    ports: declaredPorts(reading, query.namespace),
    matrix: m && {
      port: m.port,
      protocol: m.protocol,
      pods: m.pods.map((p) => podId(p.namespace, p.name)),
      cells: m.cells.map((row) => row.map((c) => ({ allowed: c.allowed, probes: c.probes.map(probe) }))),
    },
    tooManyPods: tooMany ? members : 0,
  };
}
