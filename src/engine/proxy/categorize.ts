// Mirrors kubernetes/kubernetes pkg/proxy/topology.go (CategorizeEndpoints), with the traffic-policy
// predicates of pkg/proxy/serviceport.go: which endpoints Cluster and Local policy use on this node.
// Shared by every proxier. Topology-aware hints are not modelled (no zones in Podwire's cluster).

import type { ProxyEndpoint, ProxyServicePort } from './types.ts';

/** NodePort, externalIPs or LoadBalancer IPs: the port takes "external" traffic. */
export const externallyAccessible = (svc: ProxyServicePort): boolean =>
  svc.nodePort !== 0 || svc.loadBalancerIPs.length > 0 || svc.externalIPs.length > 0;

/**
 * externalTrafficPolicy: Local only counts for NodePort and LoadBalancer Services
 * (apiservice.ExternalPolicyLocal; callers check externallyAccessible where it matters).
 */
export const externalPolicyLocal = (svc: ProxyServicePort): boolean =>
  (svc.type === 'NodePort' || svc.type === 'LoadBalancer') && svc.externalTrafficPolicy === 'Local';

export const internalPolicyLocal = (svc: ProxyServicePort): boolean => svc.internalTrafficPolicy === 'Local';

/** Cluster endpoints are needed for iTP Cluster, and for any external traffic (eTP Local short-circuits pods to them). */
export const usesClusterEndpoints = (svc: ProxyServicePort): boolean =>
  !internalPolicyLocal(svc) || externallyAccessible(svc);

export const usesLocalEndpoints = (svc: ProxyServicePort): boolean =>
  internalPolicyLocal(svc) || (externalPolicyLocal(svc) && externallyAccessible(svc));

/** `ip:port`, `[ip]:port` for IPv6 (the endpoint's String(): net.JoinHostPort). */
export function endpointString(ep: { readonly ip: string; readonly port: number }): string {
  return ep.ip.includes(':') ? `[${ep.ip}]:${ep.port}` : `${ep.ip}:${ep.port}`;
}

const byKey = (a: readonly [string, ProxyEndpoint], b: readonly [string, ProxyEndpoint]): number =>
  a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;

/** The EndpointSlice cache hands endpoints over sorted by their String(). */
export function sortedEndpoints(endpoints: readonly ProxyEndpoint[]): ProxyEndpoint[] {
  // Each key built once, not once per comparison.
  const keyed = endpoints.map((ep) => [endpointString(ep), ep] as const);
  return keyed.sort(byKey).map(([, ep]) => ep);
}

/** Services kube-proxy ignores (pkg/proxy/util ShouldSkipService): ExternalName, headless, no ClusterIP. */
export function skipsService(svc: ProxyServicePort): boolean {
  return (
    svc.type === 'ExternalName' ||
    svc.clusterIP === undefined ||
    svc.clusterIP === '' ||
    svc.clusterIP === 'None'
  );
}

export interface CategorizedEndpoints {
  readonly clusterEndpoints: readonly ProxyEndpoint[];
  readonly localEndpoints: readonly ProxyEndpoint[];
  /** Every endpoint some rule of this node can reach (one endpoint chain each). */
  readonly allReachableEndpoints: readonly ProxyEndpoint[];
  /** Any usable endpoint on any node. */
  readonly hasAnyEndpoints: boolean;
}

const servingTerminating = (ep: ProxyEndpoint): boolean => ep.serving && ep.terminating;

/** CategorizeEndpoints for `svc`'s `endpoints`, kept in the order given. */
export function categorizeEndpoints(
  endpoints: readonly ProxyEndpoint[],
  svc: ProxyServicePort,
): CategorizedEndpoints {
  let clusterEndpoints: readonly ProxyEndpoint[] = [];
  let localEndpoints: readonly ProxyEndpoint[] = [];
  let hasAnyEndpoints = false;
  if (usesClusterEndpoints(svc)) {
    clusterEndpoints = endpoints.filter((ep) => ep.ready);
    // No ready endpoint anywhere: fall back to serving, terminating ones.
    if (clusterEndpoints.length === 0) clusterEndpoints = endpoints.filter(servingTerminating);
    hasAnyEndpoints = clusterEndpoints.length > 0;
  }
  if (!usesLocalEndpoints(svc)) {
    return { clusterEndpoints, localEndpoints, allReachableEndpoints: clusterEndpoints, hasAnyEndpoints };
  }
  let hasLocalReady = false;
  let hasLocalServingTerminating = false;
  for (const ep of endpoints) {
    if (ep.ready) {
      hasAnyEndpoints = true;
      if (ep.isLocal) hasLocalReady = true;
    } else if (servingTerminating(ep)) {
      hasAnyEndpoints = true;
      if (ep.isLocal) hasLocalServingTerminating = true;
    }
  }
  let useServingTerminating = false;
  if (hasLocalReady) localEndpoints = endpoints.filter((ep) => ep.isLocal && ep.ready);
  else if (hasLocalServingTerminating) {
    useServingTerminating = true;
    localEndpoints = endpoints.filter((ep) => ep.isLocal && servingTerminating(ep));
  }
  if (!usesClusterEndpoints(svc)) {
    return { clusterEndpoints, localEndpoints, allReachableEndpoints: localEndpoints, hasAnyEndpoints };
  }
  if (!useServingTerminating) {
    // localEndpoints are ready ones, so clusterEndpoints (every ready endpoint) holds them all.
    return { clusterEndpoints, localEndpoints, allReachableEndpoints: clusterEndpoints, hasAnyEndpoints };
  }
  // Union of both lists. Upstream builds it from a Go map, so its order is unspecified; sorted by
  // String() here, like the lists the EndpointSlice cache hands over.
  const union = new Map<string, ProxyEndpoint>();
  for (const ep of [...clusterEndpoints, ...localEndpoints]) union.set(endpointString(ep), ep);
  const allReachableEndpoints = [...union].sort(byKey).map(([, ep]) => ep);
  return { clusterEndpoints, localEndpoints, allReachableEndpoints, hasAnyEndpoints };
}
