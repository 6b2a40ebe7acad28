// Mirrors kube-proxy pkg/proxy/topology.go (CategorizeEndpoints) and the traffic-policy helpers
// of pkg/proxy/serviceport.go: which endpoints Cluster and Local policy use on this node.
// Topology-aware hints are not modelled (no zones in Podwire's cluster).

import type { ProxyEndpoint, ProxyServicePort } from '../types.ts';

/** NodePort, externalIPs or LoadBalancer IPs: the port takes "external" traffic. */
export const externallyAccessible = (svc: ProxyServicePort): boolean =>
  svc.nodePort !== 0 || svc.loadBalancerIPs.length > 0 || svc.externalIPs.length > 0;

/** externalTrafficPolicy: Local only counts for NodePort and LoadBalancer Services. */
export const externalPolicyLocal = (svc: ProxyServicePort): boolean =>
  (svc.type === 'NodePort' || svc.type === 'LoadBalancer') && svc.externalTrafficPolicy === 'Local';

export const internalPolicyLocal = (svc: ProxyServicePort): boolean => svc.internalTrafficPolicy === 'Local';

/** Cluster endpoints are needed for iTP Cluster, and for any external traffic (eTP Local short-circuits pods to them). */
export const usesClusterEndpoints = (svc: ProxyServicePort): boolean =>
  !internalPolicyLocal(svc) || externallyAccessible(svc);

export const usesLocalEndpoints = (svc: ProxyServicePort): boolean =>
  internalPolicyLocal(svc) || (externalPolicyLocal(svc) && externallyAccessible(svc));

export interface CategorizedEndpoints {
  readonly clusterEndpoints: readonly ProxyEndpoint[];
  readonly localEndpoints: readonly ProxyEndpoint[];
  /** Every endpoint some rule of this node can reach (one KUBE-SEP chain each). */
  readonly allReachableEndpoints: readonly ProxyEndpoint[];
  /** Any usable endpoint on any node. */
  readonly hasAnyEndpoints: boolean;
}

const key = (ep: ProxyEndpoint): string => endpointString(ep);

/** `ip:port`, `[ip]:port` for IPv6 (net.JoinHostPort). */
export function endpointString(ep: { readonly ip: string; readonly port: number }): string {
  return ep.ip.includes(':') ? `[${ep.ip}]:${ep.port}` : `${ep.ip}:${ep.port}`;
}

export function categorizeEndpoints(svc: ProxyServicePort): CategorizedEndpoints {
  const endpoints = svc.endpoints;
  let clusterEndpoints: readonly ProxyEndpoint[] = [];
  let localEndpoints: readonly ProxyEndpoint[] = [];
  let hasAnyEndpoints = false;
  if (usesClusterEndpoints(svc)) {
    clusterEndpoints = endpoints.filter((ep) => ep.ready);
    // No ready endpoint anywhere: fall back to serving, terminating ones.
    if (clusterEndpoints.length === 0)
      clusterEndpoints = endpoints.filter((ep) => ep.serving && ep.terminating);
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
    } else if (ep.serving && ep.terminating) {
      hasAnyEndpoints = true;
      if (ep.isLocal) hasLocalServingTerminating = true;
    }
  }
  let useServingTerminating = false;
  if (hasLocalReady) localEndpoints = endpoints.filter((ep) => ep.isLocal && ep.ready);
  else if (hasLocalServingTerminating) {
    useServingTerminating = true;
    localEndpoints = endpoints.filter((ep) => ep.isLocal && ep.serving && ep.terminating);
  }
  if (!usesClusterEndpoints(svc)) {
    return { clusterEndpoints, localEndpoints, allReachableEndpoints: localEndpoints, hasAnyEndpoints };
  }
  if (!useServingTerminating) {
    // localEndpoints are ready ones, so clusterEndpoints (every ready endpoint) holds them all.
    return { clusterEndpoints, localEndpoints, allReachableEndpoints: clusterEndpoints, hasAnyEndpoints };
  }
  // Union of both lists (upstream builds it from a Go map: order is not significant).
  const union = new Map<string, ProxyEndpoint>();
  for (const ep of [...clusterEndpoints, ...localEndpoints]) union.set(key(ep), ep);
  const allReachableEndpoints = [...union.values()].sort((a, b) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0,
  );
  return { clusterEndpoints, localEndpoints, allReachableEndpoints, hasAnyEndpoints };
}
