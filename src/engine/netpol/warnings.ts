// Located warnings for the classic NetworkPolicy mistakes the Kubernetes documentation warns about
// (kubernetes website content/en/docs/concepts/services-networking/network-policies.md: "Be careful
// to use correct YAML syntax" for namespaceSelector AND podSelector; allow-all `- {}` versus
// default-deny; policyTypes defaulting) and the DNS egress a default-deny-egress policy cuts off
// (kube-dns answers on 53/UDP and 53/TCP: kubernetes cluster/addons/dns/coredns).

import type { ClusterModel, ClusterPod } from '../cluster/types.ts';
import type { Diagnostic, FieldPath, JsonObject, JsonValue, ManifestObject } from '../manifest/types.ts';
import { arr, isObject, obj } from '../manifest/validate/read-fields.ts';
import { decideDirection, policiesFor } from './decide.ts';
import { describeSelector, isEmptySelector, selectorMatches } from './match.ts';
import { indexNetworkPolicies, type NetworkPolicyIndex } from './policy-index.ts';
import { readSelector, storedNetworkPolicies } from './read-policies.ts';
import type { ClusterNetworkPolicy, PolicyType } from './types.ts';

type Warn = (
  o: ManifestObject,
  path: FieldPath,
  code: string,
  message: string,
  severity?: Diagnostic['severity'],
) => void;

const pathText = (path: FieldPath): string =>
  path.map((p, i) => (typeof p === 'number' ? `[${String(p)}]` : i === 0 ? p : `.${p}`)).join('');

const plural = (n: number, word: string): string => `${String(n)} ${word}${n === 1 ? '' : 's'}`;

/** Located warnings about NetworkPolicies that do something else than they seem to. */
export function networkPolicyDiagnostics(
  model: ClusterModel,
  objects: readonly ManifestObject[],
): Diagnostic[] {
  const stored = storedNetworkPolicies(model, objects);
  if (stored.length === 0) return [];
  const out: Diagnostic[] = [];
  const warn: Warn = (o, path, code, message, severity = 'warning') => {
    out.push({ severity, message, range: o.locate(path), path: pathText(path), code: `netpol/${code}` });
  };
  const index = indexNetworkPolicies(
    model,
    stored.map((s) => s.policy),
  );
  for (const { policy, object } of stored) {
    const spec = obj(object.body, 'spec');
    selectsNothing(model, policy, object, warn);
    for (const direction of ['ingress', 'egress'] as const) {
      const rules = arr(spec, direction) ?? [];
      splitPeers(policy, object, direction, rules, warn);
      emptyRules(policy, object, direction, rules, warn);
      ignoredRules(policy, object, direction, rules, warn);
    }
  }
  dnsEgress(model, index, stored, warn);
  return out;
}

function selectsNothing(
  model: ClusterModel,
  policy: ClusterNetworkPolicy,
  o: ManifestObject,
  warn: Warn,
): void {
  if (isEmptySelector(policy.podSelector)) return;
  const matches = (p: ClusterPod): boolean => selectorMatches(policy.podSelector, p.labels);
  if (model.pods.some((p) => p.namespace === policy.namespace && matches(p))) return;
  const elsewhere = [...new Set(model.pods.filter(matches).map((p) => p.namespace))];
  const tail =
    elsewhere.length > 0
      ? ` Pods in namespace ${elsewhere.join(', ')} match, but a NetworkPolicy only selects pods of its own namespace.`
      : '';
  warn(
    o,
    ['spec', 'podSelector'],
    'selects-no-pods',
    `NetworkPolicy ${policy.namespace}/${policy.name} selects ${describeSelector(policy.podSelector)} but no pod in namespace ${policy.namespace} has these labels, so it isolates nothing.${tail}`,
  );
}

const onlyKey = (peer: JsonValue | undefined, key: string): JsonObject | undefined => {
  if (!isObject(peer ?? null)) return undefined;
  const keys = Object.keys(peer as JsonObject);
  return keys.length === 1 && keys[0] === key ? obj(peer, key) : undefined;
};

/** `- namespaceSelector` then `- podSelector` (or the reverse) in one from/to: OR where AND was likely meant. */
function splitPeers(
  policy: ClusterNetworkPolicy,
  o: ManifestObject,
  direction: 'ingress' | 'egress',
  rules: readonly JsonValue[],
  warn: Warn,
): void {
  const key = direction === 'ingress' ? 'from' : 'to';
  rules.forEach((rule, r) => {
    const peers = arr(rule, key) ?? [];
    for (let i = 0; i + 1 < peers.length; i++) {
      const a = peers[i];
      const b = peers[i + 1];
      const ns = onlyKey(a, 'namespaceSelector') ?? onlyKey(b, 'namespaceSelector');
      const pods = onlyKey(a, 'podSelector') ?? onlyKey(b, 'podSelector');
      if (ns === undefined || pods === undefined) continue;
      const second = onlyKey(b, 'podSelector') !== undefined ? 'podSelector' : 'namespaceSelector';
      const nsText = describeSelector(readSelector(ns));
      const podText = describeSelector(readSelector(pods));
      warn(
        o,
        ['spec', direction, r, key, i + 1],
        'peers-or',
        `spec.${direction}[${String(r)}].${key} lists namespaceSelector ${nsText} and podSelector ${podText} as two peers (each item starts with "-"), so either one is enough: pods with ${podText} in namespace ${policy.namespace}, or every pod in namespaces with ${nsText}. If you meant pods with ${podText} in namespaces with ${nsText}, put both selectors in one peer: remove the "-" before ${second}.`,
      );
      i++;
    }
  });
}

/** `- {}`: a rule with no peers and no ports allows everything in its direction. */
function emptyRules(
  policy: ClusterNetworkPolicy,
  o: ManifestObject,
  direction: 'ingress' | 'egress',
  rules: readonly JsonValue[],
  warn: Warn,
): void {
  const key = direction === 'ingress' ? 'from' : 'to';
  const who = direction === 'ingress' ? 'source' : 'destination';
  rules.forEach((rule, r) => {
    if (!isObject(rule)) return;
    const peers = arr(rule, key) ?? [];
    const ports = arr(rule, 'ports') ?? [];
    if (peers.length > 0 || ports.length > 0) return;
    const others = rules.length - 1;
    const written = Object.keys(rule).length === 0 ? '{}' : `a rule with empty ${key} and ports`;
    const rest =
      others > 0
        ? ` The other ${plural(others, `${direction} rule`)} of this policy add nothing.`
        : ` To deny all ${direction} instead, write no rules (${direction}: [] or no ${direction} field) and keep ${direction === 'ingress' ? 'Ingress' : 'Egress'} in policyTypes.`;
    warn(
      o,
      ['spec', direction, r],
      'allow-all-rule',
      `spec.${direction}[${String(r)}] is ${written}: it matches every ${who} on every port, so NetworkPolicy ${policy.namespace}/${policy.name} allows all ${direction} ${direction === 'ingress' ? 'to' : 'from'} the pods it selects.${rest}`,
      others > 0 ? 'warning' : 'info',
    );
  });
}

/** Rules for a direction that policyTypes leaves out are never used. */
function ignoredRules(
  policy: ClusterNetworkPolicy,
  o: ManifestObject,
  direction: 'ingress' | 'egress',
  rules: readonly JsonValue[],
  warn: Warn,
): void {
  const type: PolicyType = direction === 'ingress' ? 'Ingress' : 'Egress';
  if (rules.length === 0 || policy.policyTypes.includes(type)) return;
  warn(
    o,
    ['spec', direction],
    'rules-ignored',
    `spec.${direction} has ${plural(rules.length, 'rule')}, but spec.policyTypes lists only ${policy.policyTypes.join(', ')}: the policy does not apply to ${direction}, so these rules are ignored. Add ${type} to policyTypes.`,
  );
}

const usesClusterDns = (p: ClusterPod): boolean =>
  !p.hostNetwork
    ? p.dnsPolicy === 'ClusterFirst' || p.dnsPolicy === 'ClusterFirstWithHostNet'
    : p.dnsPolicy === 'ClusterFirstWithHostNet';

/** A policy isolating pods for egress with nothing letting them ask kube-dns (53/UDP, 53/TCP). */
function dnsEgress(
  model: ClusterModel,
  index: NetworkPolicyIndex,
  stored: readonly { readonly policy: ClusterNetworkPolicy; readonly object: ManifestObject }[],
  warn: Warn,
): void {
  const dnsPods = model.pods.filter(
    (p) => p.namespace === 'kube-system' && p.labels['k8s-app'] === 'kube-dns' && p.ip !== '',
  );
  if (dnsPods.length === 0) return;
  const blocked = new Map<string, { udp: ClusterPod[]; tcp: ClusterPod[] }>();
  for (const pod of model.pods) {
    if (pod.hostNetwork || pod.ip === '' || !usesClusterDns(pod)) continue;
    const applying = policiesFor(index, pod, 'Egress');
    if (applying.length === 0) continue;
    const denied = (protocol: 'UDP' | 'TCP'): boolean =>
      dnsPods.some(
        (dns) =>
          !decideDirection(index, { from: { pod }, to: { pod: dns }, protocol, port: 53 }, 'Egress').allowed,
      );
    const udp = denied('UDP');
    const tcp = denied('TCP');
    if (!udp && !tcp) continue;
    for (const p of applying) {
      const key = `${p.namespace}/${p.name}`;
      const entry = blocked.get(key) ?? { udp: [], tcp: [] };
      (udp ? entry.udp : entry.tcp).push(pod);
      blocked.set(key, entry);
    }
  }
  const dns = dnsPods.map((p) => `${p.namespace}/${p.name} ${p.ip}`).join(', ');
  const fix =
    'Add an egress rule such as: to: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}, podSelector: {matchLabels: {k8s-app: kube-dns}}}], ports: [{protocol: UDP, port: 53}, {protocol: TCP, port: 53}].';
  for (const { policy, object } of stored) {
    const entry = blocked.get(`${policy.namespace}/${policy.name}`);
    if (entry === undefined) continue;
    const path: FieldPath = policy.policyTypesDefaulted ? ['spec', 'egress'] : ['spec', 'policyTypes'];
    const list = (pods: readonly ClusterPod[]): string =>
      pods
        .slice(0, 3)
        .map((p) => `${p.namespace}/${p.name}`)
        .join(', ') + (pods.length > 3 ? ', …' : '');
    if (entry.udp.length > 0)
      warn(
        object,
        path,
        'no-dns-egress',
        `NetworkPolicy ${policy.namespace}/${policy.name} isolates ${plural(entry.udp.length, 'pod')} for egress (${list(entry.udp)}) and no egress rule applying to ${entry.udp.length === 1 ? 'it' : 'them'} allows DNS to kube-dns (${dns}) on UDP 53: name lookups time out, so connecting to a Service by name fails. ${fix}`,
      );
    else
      warn(
        object,
        path,
        'no-dns-egress',
        `NetworkPolicy ${policy.namespace}/${policy.name} lets ${plural(entry.tcp.length, 'pod')} (${list(entry.tcp)}) ask kube-dns on UDP 53 but not on TCP 53: answers too large for UDP (truncated, retried over TCP) fail. ${fix}`,
        'info',
      );
  }
}
