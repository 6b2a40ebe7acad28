// What a network plugin keeps to decide quickly: the enforced policies per namespace, namespace
// labels (with `kubernetes.io/metadata.name`, which the API server sets on every namespace:
// kubernetes pkg/registry/core/namespace/strategy.go), pods by IP and node addresses.

import type { ClusterModel, ClusterPod, Labels } from '../cluster/types.ts';
import type { ManifestObject } from '../manifest/types.ts';
import { readNetworkPolicies } from './read-policies.ts';
import type { ClusterNetworkPolicy, NetpolEndpoint } from './types.ts';

export interface NetworkPolicyIndex {
  readonly policies: readonly ClusterNetworkPolicy[];
  readonly byNamespace: ReadonlyMap<string, readonly ClusterNetworkPolicy[]>;
  readonly namespaceLabels: ReadonlyMap<string, Labels>;
  /** Pods on the pod network (not hostNetwork) by IP. */
  readonly podsByIP: ReadonlyMap<string, ClusterPod>;
  /** Node name → InternalIP, and InternalIP → node name. */
  readonly nodeIPs: ReadonlyMap<string, string>;
  readonly nodeByIP: ReadonlyMap<string, string>;
}

/** Indexes already-read policies against a model (the simulator rebuilds it when the model changes). */
export function indexNetworkPolicies(
  model: ClusterModel,
  policies: readonly ClusterNetworkPolicy[],
): NetworkPolicyIndex {
  const byNamespace = new Map<string, ClusterNetworkPolicy[]>();
  for (const p of policies) {
    const list = byNamespace.get(p.namespace);
    if (list === undefined) byNamespace.set(p.namespace, [p]);
    else list.push(p);
  }
  const namespaceLabels = new Map<string, Labels>(
    model.namespaces.map((n) => [
      n.name,
      { ...n.labels, 'kubernetes.io/metadata.name': n.name } satisfies Labels,
    ]),
  );
  const podsByIP = new Map<string, ClusterPod>();
  for (const pod of model.pods) if (!pod.hostNetwork && pod.ip !== '') podsByIP.set(pod.ip, pod);
  return {
    policies,
    byNamespace,
    namespaceLabels,
    podsByIP,
    nodeIPs: new Map(model.nodes.map((n) => [n.name, n.internalIP])),
    nodeByIP: new Map(model.nodes.map((n) => [n.internalIP, n.name])),
  };
}

/** The enforced NetworkPolicies of the text, indexed for decisions. */
export function networkPolicyIndex(
  model: ClusterModel,
  objects: readonly ManifestObject[],
): NetworkPolicyIndex {
  return indexNetworkPolicies(model, readNetworkPolicies(model, objects));
}

/** The endpoint behind an address: a pod of the pod network, or the bare address. */
export function endpointAt(index: NetworkPolicyIndex, ip: string): NetpolEndpoint {
  const pod = index.podsByIP.get(ip);
  return pod === undefined ? { ip } : { pod };
}

export const podOf = (end: NetpolEndpoint): ClusterPod | undefined => ('pod' in end ? end.pod : undefined);

/** The pod NetworkPolicy can see: hostNetwork pods are node traffic (the most common implementation). */
export const networkPod = (end: NetpolEndpoint): ClusterPod | undefined => {
  const pod = podOf(end);
  return pod !== undefined && !pod.hostNetwork ? pod : undefined;
};

export const addressOf = (end: NetpolEndpoint): string => ('pod' in end ? end.pod.ip : end.ip);

export function describeEndpoint(index: NetworkPolicyIndex, end: NetpolEndpoint): string {
  const pod = podOf(end);
  if (pod !== undefined)
    return pod.hostNetwork
      ? `pod ${pod.namespace}/${pod.name} (host network, ${pod.ip})`
      : `pod ${pod.namespace}/${pod.name} (${pod.ip})`;
  const ip = addressOf(end);
  const node = index.nodeByIP.get(ip);
  return node === undefined ? ip : `node ${node} (${ip})`;
}
