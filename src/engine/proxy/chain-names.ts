// Mirrors kube-proxy pkg/proxy/iptables/proxier.go: portProtoHash and the per-service chain
// names (KUBE-SVC-/SVL-/EXT-/FW-/SEP- + the first 16 base32 characters of a SHA-256).

import { nameHash } from './name-hash.ts';

/** `servicePortName + protocol` hashed: sha256 → base32 → first 16 characters. */
export function portProtoHash(servicePortName: string, protocol: string): string {
  return nameHash(servicePortName + protocol);
}

/** The ServicePortName string: `namespace/name` plus `:port` when the port is named. */
export function servicePortNameString(namespace: string, name: string, portName: string): string {
  return `${namespace}/${name}${portName === '' ? '' : `:${portName}`}`;
}

/** KUBE-SVC-…: the Cluster traffic policy chain (protocol in lower case, as kube-proxy passes it). */
export const servicePortPolicyClusterChain = (spn: string, protocol: string): string =>
  `KUBE-SVC-${portProtoHash(spn, protocol)}`;

/** KUBE-SVL-…: the Local traffic policy chain. */
export const servicePortPolicyLocalChainName = (spn: string, protocol: string): string =>
  `KUBE-SVL-${portProtoHash(spn, protocol)}`;

/** KUBE-FW-…: loadBalancerSourceRanges filtering. */
export const serviceFirewallChainName = (spn: string, protocol: string): string =>
  `KUBE-FW-${portProtoHash(spn, protocol)}`;

/** KUBE-EXT-…: external destinations (NodePort, externalIPs, LoadBalancer IPs). */
export const serviceExternalChainName = (spn: string, protocol: string): string =>
  `KUBE-EXT-${portProtoHash(spn, protocol)}`;

/** KUBE-SEP-…: one endpoint of one service port; `endpoint` is `ip:port`. */
export const servicePortEndpointChainName = (spn: string, protocol: string, endpoint: string): string =>
  `KUBE-SEP-${nameHash(spn + protocol + endpoint)}`;
