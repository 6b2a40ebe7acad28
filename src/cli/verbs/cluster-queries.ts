// `podwire dns` and `podwire env`: what a pod would see, from the cluster model.
import { lookup, serviceEnv, type ClusterModel, type ClusterPod } from '../../engine/index.ts';

export class UsageError extends Error {}

/** `pod/NS/NAME` or `NS/NAME` → the pod, or a usage error naming what exists. */
export function findPod(model: ClusterModel, ref: string): ClusterPod {
  const parts = ref.replace(/^pod\//, '').split('/');
  const [namespace, name] = parts.length === 2 ? parts : ['default', parts[0]];
  const pod = model.pods.find((p) => p.namespace === namespace && p.name === name);
  if (!pod) {
    const known = model.pods.map((p) => `${p.namespace}/${p.name}`).slice(0, 20);
    throw new UsageError(
      `pods "${name ?? ''}" not found in namespace "${namespace ?? ''}"; pods: ${known.join(', ')}`,
    );
  }
  return pod;
}

const TYPES = ['A', 'AAAA', 'SRV', 'CNAME', 'PTR'] as const;
type RecordType = (typeof TYPES)[number];

export function dnsQuery(model: ClusterModel, from: string, query: string, type: string) {
  if (!(TYPES as readonly string[]).includes(type))
    throw new UsageError(`--type must be one of ${TYPES.join(', ')}`);
  return lookup(model, findPod(model, from), query, type as RecordType);
}

export function envLines(
  model: ClusterModel,
  podRef: string,
): { json: Record<string, string>; text: string } {
  const vars = serviceEnv(model, findPod(model, podRef));
  return {
    json: Object.fromEntries(vars.map((v) => [v.name, v.value])),
    text: vars.map((v) => `${v.name}=${v.value}`).join('\n'),
  };
}
