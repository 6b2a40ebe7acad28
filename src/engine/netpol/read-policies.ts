// The NetworkPolicies a cluster stores, as the network plugin reads them: only objects the API
// server accepted (valid, namespace exists, not refused by quota, the first of duplicates), after
// defaulting. Defaults mirror kubernetes pkg/apis/networking/v1/defaults.go (SetDefaults_NetworkPolicy:
// no policyTypes → Ingress, plus Egress when there are egress rules; SetDefaults_NetworkPolicyPort:
// protocol TCP).

import type { ClusterModel, Protocol } from '../cluster/types.ts';
import { timelineObjects } from '../cluster/timeline.ts';
import type { JsonObject, JsonValue, ManifestObject } from '../manifest/types.ts';
import { validateObject } from '../manifest/validate/index.ts';
import {
  arr,
  int,
  intOrString,
  isObject,
  obj,
  str,
  stringList,
  stringMap,
} from '../manifest/validate/read-fields.ts';
import type {
  ClusterNetworkPolicy,
  IPBlock,
  LabelSelector,
  LabelSelectorRequirement,
  NetworkPolicyPeer,
  NetworkPolicyPort,
  NetworkPolicyRule,
  PolicyType,
} from './types.ts';

const OPERATORS: readonly string[] = ['In', 'NotIn', 'Exists', 'DoesNotExist'];

export function readSelector(value: JsonObject | undefined): LabelSelector {
  const matchLabels: Record<string, string> = {};
  for (const [k, v] of stringMap(value, 'matchLabels') ?? []) matchLabels[k] = v;
  const matchExpressions: LabelSelectorRequirement[] = [];
  for (const e of arr(value, 'matchExpressions') ?? []) {
    const operator = str(e, 'operator') ?? '';
    if (!OPERATORS.includes(operator)) continue; // validation refused the whole object
    matchExpressions.push({
      key: str(e, 'key') ?? '',
      operator: operator as LabelSelectorRequirement['operator'],
      values: (stringList(e, 'values') ?? []).map(([, v]) => v),
    });
  }
  return { matchLabels, matchExpressions };
}

function readPeer(peer: JsonValue): NetworkPolicyPeer {
  const podSelector = obj(peer, 'podSelector');
  const namespaceSelector = obj(peer, 'namespaceSelector');
  const block = obj(peer, 'ipBlock');
  const ipBlock: IPBlock | undefined =
    block === undefined
      ? undefined
      : { cidr: str(block, 'cidr') ?? '', except: (stringList(block, 'except') ?? []).map(([, c]) => c) };
  return {
    podSelector: podSelector === undefined ? undefined : readSelector(podSelector),
    namespaceSelector: namespaceSelector === undefined ? undefined : readSelector(namespaceSelector),
    ipBlock,
  };
}

function readPort(port: JsonValue): NetworkPolicyPort {
  const protocol = str(port, 'protocol');
  return {
    protocol: protocol === 'UDP' || protocol === 'SCTP' ? protocol : ('TCP' satisfies Protocol),
    port: intOrString(port, 'port'),
    endPort: int(port, 'endPort'),
  };
}

function readRules(spec: JsonObject | undefined, key: 'ingress' | 'egress'): NetworkPolicyRule[] {
  const peersKey = key === 'ingress' ? 'from' : 'to';
  return (arr(spec, key) ?? []).map((rule) => ({
    peers: (arr(rule, peersKey) ?? []).filter(isObject).map(readPeer),
    ports: (arr(rule, 'ports') ?? []).filter(isObject).map(readPort),
  }));
}

/** One NetworkPolicy body after the API server's defaulting. */
export function readNetworkPolicy(o: ManifestObject, namespace: string): ClusterNetworkPolicy {
  const spec = obj(o.body, 'spec');
  const ingress = readRules(spec, 'ingress');
  const egress = readRules(spec, 'egress');
  const written = (stringList(spec, 'policyTypes') ?? [])
    .map(([, t]) => t)
    .filter((t): t is PolicyType => t === 'Ingress' || t === 'Egress');
  const defaulted = written.length === 0;
  const policyTypes: PolicyType[] = defaulted
    ? (arr(spec, 'egress') ?? []).length > 0
      ? ['Ingress', 'Egress']
      : ['Ingress']
    : [...new Set(written)];
  return {
    namespace,
    name: o.name,
    podSelector: readSelector(obj(spec, 'podSelector')),
    policyTypes,
    policyTypesDefaulted: defaulted,
    ingress,
    egress,
    source: { kind: 'NetworkPolicy', namespace, name: o.name, index: o.index },
  };
}

const isNetworkPolicy = (o: ManifestObject): boolean =>
  o.simulated && o.kind === 'NetworkPolicy' && o.apiVersion === 'networking.k8s.io/v1';

/** The stored NetworkPolicies with their objects (for locating warnings), text first, then the timeline's. */
export function storedNetworkPolicies(
  model: ClusterModel,
  objects: readonly ManifestObject[],
): { readonly policy: ClusterNetworkPolicy; readonly object: ManifestObject }[] {
  const namespaces = new Set(model.namespaces.map((n) => n.name));
  const refused = new Set(
    model.rejected.filter((r) => r.kind === 'NetworkPolicy').map((r) => `${r.namespace ?? ''}/${r.name}`),
  );
  const live = objects.filter((o) => o.simulated);
  const candidates = [...live, ...timelineObjects(live).map((t) => t.object)].filter(isNetworkPolicy);
  const seen = new Set<string>();
  const out: { policy: ClusterNetworkPolicy; object: ManifestObject }[] = [];
  for (const o of candidates) {
    const namespace = o.namespace ?? 'default';
    const key = `${namespace}/${o.name}`;
    if (!namespaces.has(namespace) || refused.has(key) || seen.has(key)) continue;
    if (validateObject(o.apiVersion, o.kind, o.body).some((e) => e.severity === 'error')) continue;
    seen.add(key);
    out.push({ policy: readNetworkPolicy(o, namespace), object: o });
  }
  return out;
}

/** The NetworkPolicies the network plugin enforces, after the API server's defaulting. */
export function readNetworkPolicies(
  model: ClusterModel,
  objects: readonly ManifestObject[],
): ClusterNetworkPolicy[] {
  return storedNetworkPolicies(model, objects).map((p) => p.policy);
}
