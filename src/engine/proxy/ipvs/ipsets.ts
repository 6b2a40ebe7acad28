// Mirrors kube-proxy pkg/proxy/ipvs/ipset.go and proxier.go's ipsetInfo: the KUBE-* ipsets with
// their types and comments, filled from the service ports as syncProxyRules does.

import type { Ipset, IpsetType } from './model.ts';

export const ipsetInfo: readonly (readonly [string, IpsetType, string])[] = [
  [
    'KUBE-LOOP-BACK',
    'hash:ip,port,ip',
    'Kubernetes endpoints dst ip:port, source ip for solving hairpin purpose',
  ],
  ['KUBE-CLUSTER-IP', 'hash:ip,port', 'Kubernetes service cluster ip + port for masquerade purpose'],
  [
    'KUBE-EXTERNAL-IP',
    'hash:ip,port',
    'Kubernetes service external ip + port for masquerade and filter purpose',
  ],
  [
    'KUBE-EXTERNAL-IP-LOCAL',
    'hash:ip,port',
    'Kubernetes service external ip + port with externalTrafficPolicy=local',
  ],
  ['KUBE-LOAD-BALANCER', 'hash:ip,port', 'Kubernetes service lb portal'],
  [
    'KUBE-LOAD-BALANCER-FW',
    'hash:ip,port',
    'Kubernetes service load balancer ip + port for load balancer with sourceRange',
  ],
  [
    'KUBE-LOAD-BALANCER-LOCAL',
    'hash:ip,port',
    'Kubernetes service load balancer ip + port with externalTrafficPolicy=local',
  ],
  [
    'KUBE-LOAD-BALANCER-SOURCE-IP',
    'hash:ip,port,ip',
    'Kubernetes service load balancer ip + port + source IP for packet filter purpose',
  ],
  [
    'KUBE-LOAD-BALANCER-SOURCE-CIDR',
    'hash:ip,port,net',
    'Kubernetes service load balancer ip + port + source cidr for packet filter purpose',
  ],
  ['KUBE-NODE-PORT-TCP', 'bitmap:port', 'Kubernetes nodeport TCP port for masquerade purpose'],
  [
    'KUBE-NODE-PORT-LOCAL-TCP',
    'bitmap:port',
    'Kubernetes nodeport TCP port with externalTrafficPolicy=local',
  ],
  ['KUBE-NODE-PORT-UDP', 'bitmap:port', 'Kubernetes nodeport UDP port for masquerade purpose'],
  [
    'KUBE-NODE-PORT-LOCAL-UDP',
    'bitmap:port',
    'Kubernetes nodeport UDP port with externalTrafficPolicy=local',
  ],
  [
    'KUBE-NODE-PORT-SCTP-HASH',
    'hash:ip,port',
    "Kubernetes nodeport SCTP port for masquerade purpose with type 'hash ip:port'",
  ],
  [
    'KUBE-NODE-PORT-LOCAL-SCTP-HASH',
    'hash:ip,port',
    "Kubernetes nodeport SCTP port with externalTrafficPolicy=local with type 'hash ip:port'",
  ],
  ['KUBE-HEALTH-CHECK-NODE-PORT', 'bitmap:port', 'Kubernetes health check node port'],
  ['KUBE-IPVS-IPS', 'hash:ip', 'Addresses on the ipvs interface'],
];

/**
 * Each ipset's entries while a sync fills them. A Set keeps kube-proxy's insertion order and drops
 * duplicates in constant time (a list's `includes` made 1,000 Services' entries quadratic).
 */
export type IpsetEntries = ReadonlyMap<string, Set<string>>;

export function emptyIpsetEntries(): IpsetEntries {
  return new Map(ipsetInfo.map(([name]) => [name, new Set<string>()]));
}

export function addEntry(sets: IpsetEntries, name: string, entry: string): void {
  sets.get(name)?.add(entry);
}

/** The filled ipsets, in ipsetInfo's order. */
export function toIpsets(sets: IpsetEntries): Map<string, Ipset> {
  return new Map(
    ipsetInfo.map(([name, type, comment]) => [
      name,
      { name, type, comment, entries: [...(sets.get(name) ?? [])] },
    ]),
  );
}

/** Does `entry` (an ipset Entry.String()) hold for these packet fields? `dims` as in `--match-set S dst,dst,src`. */
export function ipsetHas(
  set: Ipset | undefined,
  dims: string,
  p: { saddr: string; daddr: string; dport: number; protocol: string },
  inCidr: (ip: string, cidr: string) => boolean,
): boolean {
  if (!set) return false;
  const pick = (d: string | undefined): string => (d === 'src' ? p.saddr : p.daddr);
  const [d1, , d3] = dims.split(',');
  const proto = p.protocol.toLowerCase();
  return set.entries.some((e) => {
    switch (set.type) {
      case 'bitmap:port':
        return e === String(p.dport);
      case 'hash:ip':
        return e === pick(d1);
      case 'hash:ip,port':
        return e === `${pick(d1)},${proto}:${p.dport}`;
      case 'hash:ip,port,ip':
        return e === `${pick(d1)},${proto}:${p.dport},${pick(d3)}`;
      case 'hash:ip,port,net': {
        const [head, cidr] = [e.slice(0, e.lastIndexOf(',')), e.slice(e.lastIndexOf(',') + 1)];
        return head === `${pick(d1)},${proto}:${p.dport}` && inCidr(pick(d3), cidr);
      }
    }
  });
}
