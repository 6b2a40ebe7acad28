// Mirrors kube-proxy pkg/proxy/nftables/proxier.go: hashAndTruncate, servicePortChainNameBase and
// servicePortEndpointChainNameBase (8 base32 characters of a SHA-256, then the readable name).

import type { ProxyEndpoint, ProxyServicePort } from '../types.ts';
import { nameHash } from '../name-hash.ts';

/** knftables.NameLengthMax (256) minus the longest prefix (16). */
const chainNameBaseLengthMax = 256 - 16;

function hashAndTruncate(name: string): string {
  const hashed = `${nameHash(name).slice(0, 8)}-${name}`;
  return hashed.length > chainNameBaseLengthMax
    ? `${hashed.slice(0, chainNameBaseLengthMax - 3)}...`
    : hashed;
}

const lower = (svc: ProxyServicePort): string => svc.protocol.toLowerCase();

/** `ULMVA6XW-ns1/svc1/tcp/p80` */
export function servicePortChainNameBase(svc: ProxyServicePort): string {
  return hashAndTruncate(`${svc.namespace}/${svc.name}/${lower(svc)}/${svc.portName}`);
}

/** `5OJB2KTY-ns1/svc1/tcp/p80__10.180.0.1/80` (IPv6 colons would become dots). */
export function servicePortEndpointChainNameBase(svc: ProxyServicePort, ep: ProxyEndpoint): string {
  const ip = ep.ip.replaceAll(':', '.');
  return hashAndTruncate(`${svc.namespace}/${svc.name}/${lower(svc)}/${svc.portName}__${ip}/${ep.port}`);
}

/** The per-service chain names of one service port. */
export interface ServiceChainNames {
  readonly cluster: string;
  readonly local: string;
  readonly external: string;
  readonly firewall: string;
}

export function serviceChainNames(svc: ProxyServicePort): ServiceChainNames {
  const base = servicePortChainNameBase(svc);
  return {
    cluster: `service-${base}`,
    local: `local-${base}`,
    external: `external-${base}`,
    firewall: `firewall-${base}`,
  };
}

export const endpointChainName = (svc: ProxyServicePort, ep: ProxyEndpoint): string =>
  `endpoint-${servicePortEndpointChainNameBase(svc, ep)}`;

export const affinitySetName = (svc: ProxyServicePort, ep: ProxyEndpoint): string =>
  `affinity-${servicePortEndpointChainNameBase(svc, ep)}`;
