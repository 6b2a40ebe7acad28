// IPVS mode as data: kube-proxy pkg/proxy/ipvs/proxier.go (virtual servers, real servers, the
// kube-ipvs0 dummy addresses), ipset.go (the KUBE-* ipsets) and the iptables rules it still writes.

import type { ProxyEndpoint, ProxyServicePort } from '../types.ts';

export interface RealServer {
  readonly ip: string;
  readonly port: number;
  readonly weight: number;
  readonly endpoint: ProxyEndpoint;
}

export interface VirtualServer {
  readonly protocol: 'TCP' | 'UDP' | 'SCTP';
  readonly ip: string;
  readonly port: number;
  readonly scheduler: string;
  /** Session affinity ClientIP: `persistent <timeout>`. */
  readonly persistentTimeout: number | undefined;
  readonly kind: 'cluster-ip' | 'external-ip' | 'load-balancer' | 'node-port';
  readonly service: ProxyServicePort;
  readonly realServers: readonly RealServer[];
}

export type IpsetType = 'hash:ip' | 'hash:ip,port' | 'hash:ip,port,ip' | 'hash:ip,port,net' | 'bitmap:port';

export interface Ipset {
  readonly name: string;
  readonly type: IpsetType;
  readonly comment: string;
  /** Entries as kube-proxy's Entry.String(): `10.96.0.1,tcp:443`, `30080`. */
  readonly entries: string[];
}

/** One test of an IPVS-mode iptables rule. */
export type IpvsMatch =
  | { readonly k: 'src'; readonly cidr: string; readonly negated: boolean }
  | { readonly k: 'proto'; readonly protocol: string }
  | { readonly k: 'set'; readonly set: string; readonly dims: string }
  | { readonly k: 'addrtype'; readonly dir: 'src' | 'dst'; readonly negated: boolean }
  | { readonly k: 'physdev-not-in' }
  | { readonly k: 'mark'; readonly mark: number; readonly negated: boolean }
  | { readonly k: 'ctstate'; readonly states: string }
  | { readonly k: 'comment'; readonly text: string };

export interface IpvsIptablesRule {
  readonly table: 'nat' | 'filter';
  readonly chain: string;
  readonly matches: readonly IpvsMatch[];
  /** A chain, ACCEPT, RETURN, DROP, REJECT, MASQUERADE, or MARK (with `targetArgs`). */
  readonly target: string;
  readonly targetArgs: string;
  /** kube-proxy's text after `-A CHAIN`. */
  readonly text: string;
}

export interface IpvsRuleSet {
  readonly virtualServers: readonly VirtualServer[];
  readonly ipsets: readonly Ipset[];
  /** Addresses bound to the kube-ipvs0 dummy interface. */
  readonly dummyAddresses: readonly string[];
  readonly natChains: readonly string[];
  readonly filterChains: readonly string[];
  /** The restore rules, nat first then filter; then the jumps from built-in chains. */
  readonly rules: readonly IpvsIptablesRule[];
  readonly jumps: readonly IpvsIptablesRule[];
  readonly mark: number;
}

export const virtualServerKey = (vs: VirtualServer): string => `${vs.protocol}:${vs.ip}:${vs.port}`;
export const realServerKey = (vs: VirtualServer, rs: RealServer): string =>
  `${virtualServerKey(vs)}->${rs.ip}:${rs.port}`;
