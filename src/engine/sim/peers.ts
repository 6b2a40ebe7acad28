// The ends of a connection: the outside client, a node, a pod (on its own network namespace, or
// on the node's with hostNetwork). `from` strings of the CLI and the Simulation document map here.

import type { ClusterModel, ClusterPod } from '../cluster/types.ts';
import { remembered } from './memo.ts';
import { placesOf } from './places.ts';
import { nodeId } from './run-context.ts';

/** An address from TEST-NET-3 (RFC 5737): the outside client. */
export const EXTERNAL_CLIENT_IP = '203.0.113.10';

export interface Peer {
  /** Graph id: `external/client`, `node/N`, `pod/NS/NAME`. */
  readonly id: string;
  readonly ip: string;
  /** `host`: a hostNetwork pod (the node's addresses, OUTPUT chain). */
  readonly kind: 'external' | 'node' | 'pod' | 'host';
  readonly node: string | undefined;
  readonly pod: ClusterPod | undefined;
}

export const EXTERNAL: Peer = {
  id: 'external/client',
  ip: EXTERNAL_CLIENT_IP,
  kind: 'external',
  node: undefined,
  pod: undefined,
};

const peers = new WeakMap<ClusterPod, Peer>();

/** The pod as a connection's end, made once per pod object. */
export function podPeer(model: ClusterModel, pod: ClusterPod): Peer {
  const found = peers.get(pod);
  if (found) return found;
  const nodeIP = placesOf(model).nodeByName.get(pod.node)?.internalIP ?? pod.ip;
  const peer: Peer = {
    id: `pod/${pod.namespace}/${pod.name}`,
    ip: pod.hostNetwork ? nodeIP : pod.ip,
    kind: pod.hostNetwork ? 'host' : 'pod',
    node: pod.node,
    pod,
  };
  peers.set(pod, peer);
  return peer;
}

/** Syntax of `--from`: external, pod/NS/NAME, node/NAME. */
export function fromProblem(from: string): string | undefined {
  if (from === 'external') return undefined;
  const parts = from.split('/');
  if (parts[0] === 'pod' && parts.length === 3 && parts[1] !== '' && parts[2] !== '') return undefined;
  if (parts[0] === 'node' && parts.length === 2 && parts[1] !== '') return undefined;
  return `--from must be external, pod/NAMESPACE/NAME or node/NAME, not "${from}"`;
}

const found = new WeakMap<ClusterModel, Map<string, Peer | string>>();

/** The peer `from` names in `model`, or why there is none (once per model: every request asks). */
export function peerFor(model: ClusterModel, from: string): Peer | string {
  return remembered(found, model, from, () => findPeer(model, from));
}

function findPeer(model: ClusterModel, from: string): Peer | string {
  if (from === 'external') return EXTERNAL;
  const places = placesOf(model);
  const [kind, a = '', b = ''] = from.split('/');
  if (kind === 'node') {
    const node = places.nodeByName.get(a);
    if (!node) return `nodes "${a}" not found`;
    return { id: nodeId(a), ip: node.internalIP, kind: 'node', node: a, pod: undefined };
  }
  const pod = places.podByKey.get(`${a}/${b}`);
  if (!pod) return `pods "${b}" not found in namespace "${a}"`;
  if (pod.ip === '') return `pod ${a}/${b} is Pending: it has no node and no IP`;
  return podPeer(model, pod);
}
