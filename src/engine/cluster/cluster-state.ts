// The control plane's state while objects are applied one by one: what etcd would hold plus
// the allocators. Mutable inside buildCluster only; the model handed out is plain readonly data.

import type { Diagnostic, ManifestObject } from '../manifest/types.ts';
import { ClusterIPAllocator, LoadBalancerPool, PodAddressPool } from './ipam.ts';
import { NodePortAllocator } from './node-ports.ts';
import { QuotaLedger } from './quota.ts';
import { Scheduler } from './scheduler.ts';
import type {
  ClusterIngress,
  ClusterNamespace,
  ClusterNode,
  ClusterPod,
  ClusterService,
  ClusterSettings,
  ControllerStatus,
  Rejection,
} from './types.ts';

/** What the text asks for explicitly, collected up front so dynamic allocations step around it. */
export interface Requested {
  readonly clusterIPs: readonly string[];
  readonly nodePorts: readonly number[];
  readonly podIPs: readonly string[];
  readonly loadBalancerIPs: readonly string[];
}

export class ClusterState {
  readonly settings: ClusterSettings;
  readonly nodes: readonly ClusterNode[];
  readonly namespaces = new Map<string, ClusterNamespace>();
  readonly quota = new QuotaLedger();
  readonly pods: ClusterPod[] = [];
  readonly podKeys = new Set<string>();
  readonly services: (ClusterService | undefined)[] = [];
  readonly serviceIndex = new Map<string, number>();
  readonly ingresses: ClusterIngress[] = [];
  /** IngressClass name → whether it is marked default, in creation order. */
  readonly ingressClasses = new Map<string, boolean>();
  readonly controllers: ControllerStatus[] = [];
  readonly rejected: Rejection[] = [];
  readonly diagnostics: Diagnostic[] = [];
  /** Objects of the text the API server accepted (what Endpoints/EndpointSlices are read from). */
  readonly admitted: ManifestObject[] = [];
  /** Keys `Kind/namespace/name` of every stored object, for AlreadyExists-style checks. */
  readonly stored = new Set<string>();
  /** `Kind/namespace/name` of a controller → how many of its pods (or ReplicaSets) the text already holds. */
  readonly ownedInText = new Map<string, number>();
  /** `namespace/name` of every Pod written in the text (a dump's StatefulSet pods). */
  readonly podsInText = new Set<string>();
  readonly scheduler: Scheduler;
  readonly podPools: ReadonlyMap<string, PodAddressPool>;
  readonly clusterIPs: ClusterIPAllocator;
  readonly nodePorts: NodePortAllocator;
  readonly loadBalancers: LoadBalancerPool;
  #sequence = 0;

  constructor(settings: ClusterSettings, nodes: readonly ClusterNode[], requested: Requested) {
    this.settings = settings;
    this.nodes = nodes;
    this.scheduler = new Scheduler(nodes);
    this.podPools = new Map(nodes.map((n) => [n.name, new PodAddressPool(n.podCIDR, requested.podIPs)]));
    this.clusterIPs = new ClusterIPAllocator(settings.serviceCIDR, requested.clusterIPs);
    this.nodePorts = new NodePortAllocator(settings.nodePortRange, requested.nodePorts);
    this.loadBalancers = new LoadBalancerPool(requested.loadBalancerIPs);
  }

  /** A global clock of creations: pods see the Services created before they started. */
  nextSequence(): number {
    return this.#sequence++;
  }

  serviceAt(namespace: string, name: string): ClusterService | undefined {
    const i = this.serviceIndex.get(`${namespace}/${name}`);
    return i === undefined ? undefined : this.services[i];
  }
}
