// What a pod's controller does when the pod is deleted (pkg/controller/replicaset
// syncReplicaSet, statefulset's same-name pod, daemon's per-node pod): a new pod in its place,
// with a new address from the node's range (host-local IPAM hands out the next free address).

import { cidrContains, formatIPv4, parseCidr, parseIPv4 } from '../cluster/ipv4.ts';
import { generateName } from '../cluster/pod-names.ts';
import { rngFor } from '../cluster/rng.ts';
import type { ClusterModel, ClusterPod } from '../cluster/types.ts';

/** The replacement of `pod`, or undefined when nothing owns it (a bare Pod stays deleted). */
export function replacementPod(
  model: ClusterModel,
  pod: ClusterPod,
  taken: readonly ClusterPod[],
  generation: number,
): ClusterPod | undefined {
  const owner = pod.owner;
  if (!owner || pod.hostNetwork) return pod.hostNetwork && owner ? { ...pod } : undefined;
  const names = new Set(taken.filter((p) => p.namespace === pod.namespace).map((p) => p.name));
  let name = pod.name;
  if (owner.kind !== 'StatefulSet') {
    const rng = rngFor(model.settings.seed, `replace\u0000${pod.namespace}/${pod.name}\u0000${generation}`);
    do name = generateName(`${owner.name}-`, rng);
    while (names.has(name));
  }
  const cidr = parseCidr(model.nodes.find((n) => n.name === pod.node)?.podCIDR ?? '');
  if (!cidr) return undefined;
  // host-local IPAM goes on from the last address it handed out: the highest in use here.
  let highest = cidr.base + 1;
  for (const p of taken) {
    const ip = parseIPv4(p.ip);
    if (ip !== undefined && cidrContains(cidr, ip)) highest = Math.max(highest, ip);
  }
  if (highest + 1 >= cidr.base + cidr.size - 1) return undefined;
  return { ...pod, name, ip: formatIPv4(highest + 1), ready: true, phase: 'Running' };
}
