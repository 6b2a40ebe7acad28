// Builds a cluster from netpol fixtures and answers connections by "ns/pod" or an address.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildCluster,
  decideConnection,
  networkPolicyIndex,
  parseManifests,
  type ClusterModel,
  type ClusterPod,
  type ConnectionDecision,
  type ManifestObject,
  type NetpolEndpoint,
  type NetworkPolicyIndex,
  type Protocol,
} from '../../../src/engine/index.ts';

export const fixture = (name: string): string =>
  readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8');

export interface Built {
  readonly text: string;
  readonly objects: readonly ManifestObject[];
  readonly model: ClusterModel;
  readonly index: NetworkPolicyIndex;
  readonly parseErrors: readonly string[];
}

export function build(...texts: string[]): Built {
  const text = texts.join('\n---\n');
  const parsed = parseManifests(text);
  const model = buildCluster(parsed.objects);
  return {
    text,
    objects: parsed.objects,
    model,
    index: networkPolicyIndex(model, parsed.objects),
    parseErrors: parsed.diagnostics.filter((d) => d.severity === 'error').map((d) => d.message),
  };
}

/** `ns/name` (a pod; DaemonSet pods by their prefix) or a bare address. */
export function pod(built: Built, ref: string): ClusterPod {
  const [ns, name] = ref.split('/');
  const found = built.model.pods.find(
    (p) => p.namespace === ns && (p.name === name || p.name.startsWith(`${name ?? ''}-`)),
  );
  if (found === undefined) throw new Error(`no pod ${ref}`);
  return found;
}

export const end = (built: Built, ref: string): NetpolEndpoint =>
  ref.includes('/') ? { pod: pod(built, ref) } : { ip: ref };

export function decide(
  built: Built,
  from: string,
  to: string,
  protocol: Protocol,
  port: number | undefined,
): ConnectionDecision {
  return decideConnection(built.index, { from: end(built, from), to: end(built, to), protocol, port });
}
