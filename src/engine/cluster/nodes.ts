// Nodes as kubelet registers them and kube-controller-manager's range allocator
// (pkg/controller/nodeipam/ipam/range_allocator.go) hands them pod CIDRs: the first free /24
// of --cluster-cidr, in registration order. InternalIPs as kind's docker network gives them.

import type { ManifestObject } from '../manifest/types.ts';
import { arrAt, objAt, strAt, stringMap } from './body-fields.ts';
import { formatCidr, formatIPv4, parseCidr, parseIPv4, type Cidr } from './ipv4.ts';
import type { SimulationSettings } from './settings.ts';
import type { ClusterNode, Labels } from './types.ts';

/** kind's docker network: the gateway is 172.18.0.1, containers from .2. */
const NODE_NETWORK_BASE = parseIPv4('172.18.0.0') ?? 0;
const NODE_MASK_SIZE = 24;

interface NodeDraft {
  readonly name: string;
  readonly labels: Labels;
  readonly ready: boolean;
  readonly internalIP: string | undefined;
  readonly podCIDR: string | undefined;
  readonly source: ClusterNode['source'];
}

function defaultLabels(name: string, labels: Labels): Labels {
  return {
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': name,
    'kubernetes.io/os': 'linux',
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    ...labels,
  };
}

function fromNodeObject(o: ManifestObject): NodeDraft {
  const addresses = arrAt(o.body, 'status', 'addresses');
  const internal = addresses.find((a) => strAt(a, 'type') === 'InternalIP');
  const ready = arrAt(o.body, 'status', 'conditions').find((c) => strAt(c, 'type') === 'Ready');
  return {
    name: o.name,
    labels: defaultLabels(o.name, stringMap(objAt(o.body, 'metadata', 'labels'))),
    ready: ready === undefined ? true : strAt(ready, 'status') === 'True',
    internalIP: strAt(internal, 'address'),
    podCIDR: strAt(o.body, 'spec', 'podCIDR'),
    source: { kind: 'Node', namespace: undefined, name: o.name, index: o.index },
  };
}

function drafts(objects: readonly ManifestObject[], sim: SimulationSettings): NodeDraft[] {
  const written = objects.filter((o) => o.simulated && o.kind === 'Node' && o.name !== '');
  if (written.length > 0) {
    const seen = new Set<string>();
    return written.filter((o) => !seen.has(o.name) && seen.add(o.name)).map(fromNodeObject);
  }
  const names =
    typeof sim.nodes === 'number'
      ? Array.from({ length: sim.nodes }, (_, i) => `node-${i + 1}`)
      : (sim.nodes ?? ['node-1', 'node-2']);
  return names.map((name) => ({
    name,
    labels: defaultLabels(name, {}),
    ready: true,
    internalIP: undefined,
    podCIDR: undefined,
    source: undefined,
  }));
}

/** Nodes in registration order, each with a /24 of the pod CIDR and an InternalIP. */
export function buildNodes(objects: readonly ManifestObject[], sim: SimulationSettings): ClusterNode[] {
  const clusterCidr: Cidr = parseCidr(sim.settings.podCIDR) ?? { base: 0x0af40000, prefix: 16, size: 65536 };
  const list = drafts(objects, sim);
  const usedCidrs = new Set(list.map((d) => d.podCIDR).filter((c) => c !== undefined));
  const usedIPs = new Set(list.map((d) => d.internalIP).filter((c) => c !== undefined));
  const blockSize = 2 ** (32 - Math.max(NODE_MASK_SIZE, clusterCidr.prefix));
  let nextBlock = 0;
  let nextHost = 2;
  return list.map((d) => {
    let podCIDR = d.podCIDR;
    while (podCIDR === undefined && nextBlock * blockSize < clusterCidr.size) {
      const block: Cidr = {
        base: clusterCidr.base + nextBlock * blockSize,
        prefix: Math.max(NODE_MASK_SIZE, clusterCidr.prefix),
        size: blockSize,
      };
      nextBlock++;
      const text = formatCidr(block);
      if (!usedCidrs.has(text)) podCIDR = text;
    }
    let internalIP = d.internalIP;
    while (internalIP === undefined && nextHost < 255) {
      const text = formatIPv4(NODE_NETWORK_BASE + nextHost++);
      if (!usedIPs.has(text)) internalIP = text;
    }
    return {
      name: d.name,
      internalIP: internalIP ?? '',
      podCIDR: podCIDR ?? '',
      labels: d.labels,
      ready: d.ready,
      source: d.source,
    };
  });
}
