// Which API resource each kind is (the `pods`, `deployments.apps` an API error names) and
// what one object of it uses: pkg/quota/v1/evaluator/core (pods, services) and the generic
// object-count evaluator (`count/<resource>.<group>`, plus the legacy aliases like `services`).

import type { JsonObject } from '../manifest/types.ts';
import { arrAt, boolAt, numAt, strAt } from './body-fields.ts';
import type { Usage } from './quota.ts';

const GROUP_RESOURCES: Readonly<Record<string, string>> = {
  Pod: 'pods',
  ReplicationController: 'replicationcontrollers',
  Service: 'services',
  Endpoints: 'endpoints',
  ResourceQuota: 'resourcequotas',
  Namespace: 'namespaces',
  Node: 'nodes',
  ReplicaSet: 'replicasets.apps',
  Deployment: 'deployments.apps',
  StatefulSet: 'statefulsets.apps',
  DaemonSet: 'daemonsets.apps',
  EndpointSlice: 'endpointslices.discovery.k8s.io',
  Ingress: 'ingresses.networking.k8s.io',
  IngressClass: 'ingressclasses.networking.k8s.io',
  NetworkPolicy: 'networkpolicies.networking.k8s.io',
  Simulation: 'simulations.podwire.dev',
};

/** Kinds that live outside namespaces. */
export const CLUSTER_SCOPED: ReadonlySet<string> = new Set([
  'Namespace',
  'Node',
  'IngressClass',
  'Simulation',
]);

/** Counted under their bare resource name too (quota's legacyObjectCountAliases). */
const LEGACY_ALIASES: ReadonlySet<string> = new Set(['replicationcontrollers', 'resourcequotas', 'services']);

export function groupResource(kind: string): string {
  return GROUP_RESOURCES[kind] ?? `${kind.toLowerCase()}s`;
}

/** The usage one new object adds to its namespace. */
export function usageOf(kind: string, body: JsonObject): Usage {
  const resource = groupResource(kind);
  const usage = new Map<string, number>([[`count/${resource}`, 1]]);
  if (kind === 'Pod') {
    const phase = strAt(body, 'status', 'phase');
    if (phase === 'Succeeded' || phase === 'Failed') return new Map();
    usage.set('pods', 1);
  }
  if (LEGACY_ALIASES.has(resource)) usage.set(resource, 1);
  if (kind === 'Service') {
    const type = strAt(body, 'spec', 'type') ?? 'ClusterIP';
    const ports = arrAt(body, 'spec', 'ports');
    let nodePorts = 0;
    if (type === 'NodePort') nodePorts = ports.length;
    if (type === 'LoadBalancer') {
      // With allocateLoadBalancerNodePorts: false only ports that ask for a nodePort count.
      nodePorts =
        boolAt(body, 'spec', 'allocateLoadBalancerNodePorts') === false
          ? ports.filter((p) => (numAt(p, 'nodePort') ?? 0) !== 0).length
          : ports.length;
      usage.set('services.loadbalancers', 1);
    }
    usage.set('services.nodeports', nodePorts);
  }
  return usage;
}
