// Mirrors kube-proxy pkg/proxy/iptables/proxier.go: portProtoHash and the per-service chain
// names (KUBE-SVC-/SVL-/EXT-/FW-/SEP- + the first 16 base32 characters of a SHA-256).

import { base32, sha256, utf8Bytes } from './sha256.ts';

// Every sync names every chain again (and an edit re-syncs every node): remember the hashes.
// A pure function's cache; bounded so a long session cannot grow it without limit.
const hashes = new Map<string, string>();
const MAX_CACHED = 200_000;

function hash16(text: string): string {
  let found = hashes.get(text);
  if (found === undefined) {
    if (hashes.size >= MAX_CACHED) hashes.clear();
    found = base32(sha256(utf8Bytes(text))).slice(0, 16);
    hashes.set(text, found);
  }
  return found;
}

/** `servicePortName + protocol` hashed: sha256 → base32 → first 16 characters. */
export function portProtoHash(servicePortName: string, protocol: string): string {
  return hash16(servicePortName + protocol);
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
  `KUBE-SEP-${hash16(spn + protocol + endpoint)}`;
