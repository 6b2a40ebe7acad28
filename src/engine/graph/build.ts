// The cluster model → the graph view model. Pure: the same model and text give the same graph.
// Edges mirror what the cluster does: a Service reaches the pods in its Endpoints (not-ready
// addresses included, flagged), an Ingress routes to Services, the outside world reaches
// LoadBalancer and NodePort Services.

import type { ClusterModel, ClusterPod, ClusterService, SourceRef } from '../cluster/types.ts';
import { policiesFor } from '../netpol/decide.ts';
import type { NetworkPolicyIndex } from '../netpol/policy-index.ts';
import { ingressRoutes } from './ingress-routes.ts';
import { graphNamespaces } from './namespaces.ts';
import type { GraphEdge, GraphModel, GraphNode, GraphSource, GraphStatus } from './types.ts';

export const CLIENT_ID = 'external/client';
export const LOAD_BALANCER_ID = 'external/load-balancer';
/** The group for pods no node took (Pending). */
export const UNSCHEDULED_ID = 'node/(unscheduled)';

export const nodeId = (name: string) => `node/${name}`;
export const podId = (namespace: string, name: string) => `pod/${namespace}/${name}`;
export const serviceId = (namespace: string, name: string) => `svc/${namespace}/${name}`;
export const ingressId = (namespace: string, name: string) => `ing/${namespace}/${name}`;
export const kubeProxyId = (node: string) => `kube-proxy/${node}`;

function edge(
  source: string,
  target: string,
  kind: GraphEdge['kind'],
  ready: boolean,
  label?: string,
): GraphEdge {
  return { id: `${source}->${target}`, source, target, kind, ready, label };
}

function portsText(service: ClusterService): string {
  return service.ports.map((p) => `${p.port}/${p.protocol}`).join(', ');
}

function serviceDetail(service: ClusterService): string {
  if (service.type === 'ExternalName') return `ExternalName → ${service.externalName ?? ''}`;
  if (service.clusterIP === 'None') return `headless · ${portsText(service)}`;
  return `${service.clusterIP ?? ''} · ${portsText(service)}`;
}

function podStatus(pod: ClusterPod, scheduled: boolean): GraphStatus {
  if (!scheduled || pod.phase === 'Pending') return 'pending';
  return pod.ready ? 'ok' : 'not-ready';
}

/** `ingress isolated`, `egress isolated`, both, or nothing: which NetworkPolicy directions select the pod. */
function isolationBadge(pod: ClusterPod, policies: NetworkPolicyIndex | undefined): string[] {
  if (policies === undefined || pod.hostNetwork || !policies.byNamespace.has(pod.namespace)) return [];
  const sides = (['Ingress', 'Egress'] as const).filter((d) => policiesFor(policies, pod, d).length > 0);
  if (sides.length === 0) return [];
  return [
    sides.length === 2
      ? 'ingress+egress isolated'
      : `${sides[0] === 'Ingress' ? 'ingress' : 'egress'} isolated`,
  ];
}

/**
 * Builds the graph of a cluster model. `sources` (the parsed objects) supply where each item is
 * written and the Ingress bodies; without them items carry no range and Ingresses no routes.
 */
export function buildGraph(
  model: ClusterModel,
  sources: readonly GraphSource[] = [],
  /** The enforced NetworkPolicies: isolated pods get a badge saying in which direction. */
  policies?: NetworkPolicyIndex,
): GraphModel {
  const byIndex = new Map(sources.map((s) => [s.index, s]));
  const from = (ref: SourceRef | undefined) => {
    const index = ref?.index ?? -1;
    return { sourceIndex: index, sourceRange: byIndex.get(index)?.range };
  };
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const present = new Set<string>();
  const push = (node: GraphNode) => {
    if (present.has(node.id)) return;
    present.add(node.id);
    nodes.push(node);
  };

  // The outside world first, then the flow left to right: Ingresses, Services, nodes with pods.
  push({
    id: CLIENT_ID,
    kind: 'client',
    label: 'client',
    namespace: undefined,
    parent: undefined,
    detail: 'outside the cluster',
    badges: [],
    status: 'ok',
    sourceIndex: -1,
    sourceRange: undefined,
  });
  const balanced = model.services.filter((s) => s.type === 'LoadBalancer');
  if (balanced.length > 0) {
    push({
      id: LOAD_BALANCER_ID,
      kind: 'load-balancer',
      label: 'cloud load balancer',
      namespace: undefined,
      parent: undefined,
      detail: balanced.flatMap((s) => s.loadBalancerIPs).join(', '),
      badges: [],
      status: 'ok',
      sourceIndex: -1,
      sourceRange: undefined,
    });
    edges.push(edge(CLIENT_ID, LOAD_BALANCER_ID, 'routes', true));
  }

  const services = new Map(model.services.map((s) => [`${s.namespace}/${s.name}`, s]));
  for (const ingress of model.ingresses) {
    const id = ingressId(ingress.namespace, ingress.name);
    const routes = ingressRoutes(byIndex.get(ingress.source.index)?.body);
    const hosts = [...new Set(routes.flatMap((r) => (r.host ? [r.host] : [])))];
    push({
      id,
      kind: 'ingress',
      label: ingress.name,
      namespace: ingress.namespace,
      parent: undefined,
      detail: ingress.ingressClassName ? `class ${ingress.ingressClassName}` : 'Ingress',
      badges: hosts,
      status: 'ok',
      ...from(ingress.source),
    });
    edges.push(edge(CLIENT_ID, id, 'routes', true, 'HTTP'));
    const labels = new Map<string, string[]>();
    for (const route of routes) {
      if (!services.has(`${ingress.namespace}/${route.service}`)) continue;
      labels.set(route.service, [...(labels.get(route.service) ?? []), route.label]);
    }
    for (const [service, paths] of labels)
      edges.push(edge(id, serviceId(ingress.namespace, service), 'routes', true, paths.join(', ')));
  }

  for (const service of model.services) {
    const id = serviceId(service.namespace, service.name);
    const nodePorts = service.ports.flatMap((p) => (p.nodePort === undefined ? [] : [p.nodePort]));
    const badges = [service.type, ...nodePorts.map((n) => `nodePort ${n}`)];
    push({
      id,
      kind: 'service',
      label: service.name,
      namespace: service.namespace,
      parent: undefined,
      detail: serviceDetail(service),
      badges,
      status: 'ok',
      ...from(service.source),
    });
    if (service.type === 'LoadBalancer')
      edges.push(edge(LOAD_BALANCER_ID, id, 'routes', true, portsText(service)));
    else if (service.type === 'NodePort' && nodePorts.length > 0)
      edges.push(edge(CLIENT_ID, id, 'routes', true, nodePorts.map((n) => `:${n}`).join(', ')));
  }

  const known = new Set(model.nodes.map((n) => n.name));
  for (const node of model.nodes) {
    push({
      id: nodeId(node.name),
      kind: 'cluster-node',
      label: node.name,
      namespace: undefined,
      parent: undefined,
      detail: `${node.internalIP} · pods ${node.podCIDR}`,
      badges: [],
      status: node.ready ? 'ok' : 'not-ready',
      ...from(node.source),
    });
    const proxy = model.pods.find((p) => p.system === 'kube-proxy' && p.node === node.name);
    push({
      id: kubeProxyId(node.name),
      kind: 'kube-proxy',
      label: 'kube-proxy',
      namespace: undefined,
      parent: nodeId(node.name),
      detail: proxy ? proxy.name : 'on this node',
      badges: [model.settings.proxyMode],
      status: 'ok',
      sourceIndex: -1,
      sourceRange: undefined,
    });
  }
  const podsToDraw = model.pods.filter((p) => p.system !== 'kube-proxy');
  if (podsToDraw.some((p) => !known.has(p.node)))
    push({
      id: UNSCHEDULED_ID,
      kind: 'cluster-node',
      label: 'not scheduled',
      namespace: undefined,
      parent: undefined,
      detail: 'Pending: no node took these pods',
      badges: [],
      status: 'pending',
      sourceIndex: -1,
      sourceRange: undefined,
    });
  for (const pod of podsToDraw) {
    const scheduled = known.has(pod.node);
    const badges = [
      ...(pod.system ? [pod.system] : []),
      ...(pod.hostNetwork ? ['hostNetwork'] : []),
      ...(pod.ready ? [] : ['not ready']),
      ...isolationBadge(pod, policies),
    ];
    push({
      id: podId(pod.namespace, pod.name),
      kind: 'pod',
      label: pod.name,
      namespace: pod.namespace,
      parent: scheduled ? nodeId(pod.node) : UNSCHEDULED_ID,
      detail: pod.ip || 'no IP yet',
      badges,
      status: podStatus(pod, scheduled),
      ...from(pod.source),
    });
  }

  for (const endpoints of model.endpoints) {
    const source = serviceId(endpoints.namespace, endpoints.name);
    if (!present.has(source)) continue;
    const ready = new Map<string, boolean>();
    for (const subset of endpoints.subsets) {
      for (const [list, isReady] of [
        [subset.addresses, true],
        [subset.notReadyAddresses, false],
      ] as const)
        for (const address of list) {
          const ref = address.targetRef;
          if (ref)
            ready.set(
              podId(ref.namespace, ref.name),
              (ready.get(podId(ref.namespace, ref.name)) ?? false) || isReady,
            );
        }
    }
    for (const [target, isReady] of ready)
      if (present.has(target))
        edges.push(edge(source, target, 'selects', isReady, isReady ? undefined : 'not ready'));
  }

  return { nodes, edges, namespaces: graphNamespaces(model) };
}
