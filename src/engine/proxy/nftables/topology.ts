// Which endpoints a Service port may use on this node: kubernetes pkg/proxy/topology.go
// (CategorizeEndpoints) and the traffic-policy predicates of pkg/proxy/serviceport.go.
// Shared by the nftables, IPVS and userspace proxiers. No topology hints (no zone labels).

import type { ProxyEndpoint, ProxyServicePort } from '../types.ts';

/** NodePort, an external IP or a load-balancer IP: reachable from outside the cluster. */
export function externallyAccessible(svc: ProxyServicePort): boolean {
  return svc.nodePort !== 0 || svc.externalIPs.length > 0 || svc.loadBalancerIPs.length > 0;
}

/** externalTrafficPolicy Local only counts for NodePort and LoadBalancer Services. */
export function externalPolicyLocal(svc: ProxyServicePort): boolean {
  return (
    externallyAccessible(svc) &&
    (svc.type === 'NodePort' || svc.type === 'LoadBalancer') &&
    svc.externalTrafficPolicy === 'Local'
  );
}

export function internalPolicyLocal(svc: ProxyServicePort): boolean {
  return svc.internalTrafficPolicy === 'Local';
}

/** Cluster endpoints are needed for iTP Cluster, and for any external traffic (short-circuiting). */
export function usesClusterEndpoints(svc: ProxyServicePort): boolean {
  return !internalPolicyLocal(svc) || externallyAccessible(svc);
}

export function usesLocalEndpoints(svc: ProxyServicePort): boolean {
  return internalPolicyLocal(svc) || externalPolicyLocal(svc);
}

/** `ip:port`, the endpoint's String() in kube-proxy. */
export function endpointString(ep: ProxyEndpoint): string {
  return `${ep.ip}:${ep.port}`;
}

/** The EndpointSlice cache hands endpoints over sorted by their String(). */
export function sortedEndpoints(endpoints: readonly ProxyEndpoint[]): ProxyEndpoint[] {
  return [...endpoints].sort((a, b) => {
    const x = endpointString(a);
    const y = endpointString(b);
    return x < y ? -1 : x > y ? 1 : 0;
  });
}

export interface EndpointCategories {
  readonly clusterEndpoints: readonly ProxyEndpoint[];
  readonly localEndpoints: readonly ProxyEndpoint[];
  /** Union of the two: every endpoint that gets a chain on this node. */
  readonly allReachableEndpoints: readonly ProxyEndpoint[];
  /** Some usable endpoint exists anywhere in the cluster. */
  readonly hasAnyEndpoints: boolean;
}

const servingTerminating = (ep: ProxyEndpoint): boolean => ep.serving && ep.terminating;

export function categorizeEndpoints(svc: ProxyServicePort): EndpointCategories {
  const all = sortedEndpoints(svc.endpoints);
  let clusterEndpoints: ProxyEndpoint[] = [];
  let hasAnyEndpoints = false;
  if (usesClusterEndpoints(svc)) {
    clusterEndpoints = all.filter((ep) => ep.ready);
    // Fall back to serving-terminating endpoints when nothing is ready anywhere.
    if (clusterEndpoints.length === 0) clusterEndpoints = all.filter(servingTerminating);
    hasAnyEndpoints = clusterEndpoints.length > 0;
  }
  if (!usesLocalEndpoints(svc)) {
    return { clusterEndpoints, localEndpoints: [], allReachableEndpoints: clusterEndpoints, hasAnyEndpoints };
  }
  let hasLocalReady = false;
  let hasLocalServingTerminating = false;
  for (const ep of all) {
    if (ep.ready) {
      hasAnyEndpoints = true;
      if (ep.isLocal) hasLocalReady = true;
    } else if (servingTerminating(ep)) {
      hasAnyEndpoints = true;
      if (ep.isLocal) hasLocalServingTerminating = true;
    }
  }
  let localEndpoints: ProxyEndpoint[] = [];
  if (hasLocalReady) localEndpoints = all.filter((ep) => ep.isLocal && ep.ready);
  else if (hasLocalServingTerminating)
    localEndpoints = all.filter((ep) => ep.isLocal && servingTerminating(ep));
  if (!usesClusterEndpoints(svc)) {
    return { clusterEndpoints, localEndpoints, allReachableEndpoints: localEndpoints, hasAnyEndpoints };
  }
  const seen = new Set(clusterEndpoints.map(endpointString));
  const allReachableEndpoints = [
    ...clusterEndpoints,
    ...localEndpoints.filter((ep) => !seen.has(endpointString(ep))),
  ];
  return { clusterEndpoints, localEndpoints, allReachableEndpoints, hasAnyEndpoints };
}

/** Services kube-proxy ignores: ExternalName, headless, or no usable ClusterIP. */
export function skipsService(svc: ProxyServicePort): boolean {
  return (
    svc.type === 'ExternalName' ||
    svc.clusterIP === undefined ||
    svc.clusterIP === '' ||
    svc.clusterIP === 'None'
  );
}
