// Mirrors kube-proxy pkg/proxy/iptables/proxier.go syncProxyRules, the top of the per-service-port
// loop: which endpoints and chains a service port uses, and what filter does without endpoints.

import {
  serviceExternalChainName,
  serviceFirewallChainName,
  servicePortNameString,
  servicePortPolicyClusterChain,
  servicePortPolicyLocalChainName,
} from '../chain-names.ts';
import type { ProxyEndpoint, ProxyServicePort } from '../types.ts';
import {
  categorizeEndpoints,
  externallyAccessible,
  externalPolicyLocal,
  internalPolicyLocal,
  usesClusterEndpoints,
  usesLocalEndpoints,
} from '../categorize.ts';

export interface ServicePlan {
  readonly svc: ProxyServicePort;
  readonly protocol: string;
  readonly name: string;
  readonly clusterIP: string;
  readonly port: string;
  readonly clusterEndpoints: readonly ProxyEndpoint[];
  readonly localEndpoints: readonly ProxyEndpoint[];
  readonly allReachableEndpoints: readonly ProxyEndpoint[];
  readonly hasAnyEndpoints: boolean;
  readonly clusterPolicyChain: string;
  readonly usesClusterPolicyChain: boolean;
  readonly localPolicyChain: string;
  readonly usesLocalPolicyChain: boolean;
  readonly internalTrafficChain: string;
  readonly hasInternalEndpoints: boolean;
  readonly externalPolicyChain: string;
  readonly hasExternalEndpoints: boolean;
  readonly externalTrafficChain: string;
  readonly usesExternalTrafficChain: boolean;
  readonly fwChain: string;
  readonly usesFWChain: boolean;
  readonly loadBalancerTrafficChain: string;
  readonly internalFilterTarget: string;
  readonly internalFilterComment: string;
  readonly externalFilterTarget: string;
  readonly externalFilterComment: string;
  readonly proto: readonly string[];
}

export function planServicePort(svc: ProxyServicePort): ServicePlan {
  const protocol = svc.protocol.toLowerCase();
  const name = servicePortNameString(svc.namespace, svc.name, svc.portName);
  const clusterIP = svc.clusterIP ?? '';
  const port = String(svc.port);
  const { clusterEndpoints, localEndpoints, allReachableEndpoints, hasAnyEndpoints } = categorizeEndpoints(
    svc.endpoints,
    svc,
  );

  const clusterPolicyChain = servicePortPolicyClusterChain(name, protocol);
  const usesClusterPolicyChain = clusterEndpoints.length > 0 && usesClusterEndpoints(svc);
  const localPolicyChain = servicePortPolicyLocalChainName(name, protocol);
  const usesLocalPolicyChain = localEndpoints.length > 0 && usesLocalEndpoints(svc);

  let internalTrafficChain = clusterPolicyChain;
  let hasInternalEndpoints = hasAnyEndpoints;
  if (internalPolicyLocal(svc)) {
    internalTrafficChain = localPolicyChain;
    if (localEndpoints.length === 0) hasInternalEndpoints = false;
  }
  let externalPolicyChain = clusterPolicyChain;
  let hasExternalEndpoints = hasAnyEndpoints;
  if (externalPolicyLocal(svc)) {
    externalPolicyChain = localPolicyChain;
    if (localEndpoints.length === 0) hasExternalEndpoints = false;
  }
  const externalTrafficChain = serviceExternalChainName(name, protocol);
  // Based on hasAnyEndpoints: the local short-circuit rules are needed even without external endpoints.
  const usesExternalTrafficChain = hasAnyEndpoints && externallyAccessible(svc);
  const fwChain = serviceFirewallChainName(name, protocol);
  const usesFWChain =
    hasAnyEndpoints && svc.loadBalancerIPs.length > 0 && svc.loadBalancerSourceRanges.length > 0;
  const loadBalancerTrafficChain = usesFWChain ? fwChain : externalTrafficChain;

  let internalFilterTarget = '';
  let internalFilterComment = '';
  let externalFilterTarget = '';
  let externalFilterComment = '';
  if (!hasAnyEndpoints) {
    internalFilterTarget = externalFilterTarget = 'REJECT';
    internalFilterComment = externalFilterComment = `"${name} has no endpoints"`;
  } else {
    if (!hasInternalEndpoints) {
      internalFilterTarget = 'DROP';
      internalFilterComment = `"${name} has no local endpoints"`;
    }
    if (!hasExternalEndpoints) {
      externalFilterTarget = 'DROP';
      externalFilterComment = `"${name} has no local endpoints"`;
    }
  }
  const proto = ['-m', protocol, '-p', protocol];
  return {
    svc,
    protocol,
    name,
    clusterIP,
    port,
    clusterEndpoints,
    localEndpoints,
    allReachableEndpoints,
    hasAnyEndpoints,
    clusterPolicyChain,
    usesClusterPolicyChain,
    localPolicyChain,
    usesLocalPolicyChain,
    internalTrafficChain,
    hasInternalEndpoints,
    externalPolicyChain,
    hasExternalEndpoints,
    externalTrafficChain,
    usesExternalTrafficChain,
    fwChain,
    usesFWChain,
    loadBalancerTrafficChain,
    internalFilterTarget,
    internalFilterComment,
    externalFilterTarget,
    externalFilterComment,
    proto,
  };
}
