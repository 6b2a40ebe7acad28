// What kube-proxy sees and is configured with: the input of every proxy mode. Mirrors the
// proxier's view in kubernetes/kubernetes pkg/proxy (ServicePort, Endpoint, the proxier flags).

import type { Protocol, ProxyMode } from '../cluster/types.ts';

/** The kube-proxy settings that change the rules (flags and node facts). */
export interface ProxyConfig {
  readonly mode: ProxyMode;
  readonly nodeName: string;
  /** The node's primary IP first, then every other local address. */
  readonly nodeIPs: readonly string[];
  /** Local-traffic detector by CIDR (`--cluster-cidr`); undefined: no detector. */
  readonly clusterCIDR: string | undefined;
  /** Service CIDRs (nftables `cluster-ips-check`; IPVS). */
  readonly serviceCIDRs: readonly string[];
  readonly masqueradeAll: boolean;
  /** `--iptables-masquerade-bit`, default 14 (mark 0x4000). */
  readonly masqueradeBit: number;
  readonly localhostNodePorts: boolean;
  /** `--nodeport-addresses`; empty: every local address. */
  readonly nodePortAddresses: readonly string[];
  readonly randomFully: boolean;
  readonly conntrackTCPBeLiberal: boolean;
  /** Which nfacct counters exist; a kernel without nfacct has none and the matches are left out. */
  readonly nfacct: {
    readonly ctStateInvalidDroppedPkts: boolean;
    readonly localhostNodePortsAcceptedPkts: boolean;
  };
  /** IPVS scheduler (`--ipvs-scheduler`): rr (default), lc, dh, sh, sed, nq. */
  readonly ipvsScheduler: string;
}

/** One port of one Service: kube-proxy's unit of work (pkg/proxy/serviceport.go). */
export interface ProxyServicePort {
  readonly namespace: string;
  readonly name: string;
  /** The Service port's name ('' when unnamed). */
  readonly portName: string;
  readonly protocol: Protocol;
  readonly clusterIP: string | undefined;
  readonly port: number;
  /** 0 when none. */
  readonly nodePort: number;
  readonly externalIPs: readonly string[];
  readonly loadBalancerIPs: readonly string[];
  readonly loadBalancerSourceRanges: readonly string[];
  readonly externalTrafficPolicy: 'Cluster' | 'Local';
  readonly internalTrafficPolicy: 'Cluster' | 'Local';
  readonly sessionAffinity: 'None' | 'ClientIP';
  readonly sessionAffinityTimeoutSeconds: number;
  readonly healthCheckNodePort: number;
  readonly type: 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';
  readonly endpoints: readonly ProxyEndpoint[];
}

/** An endpoint as kube-proxy's EndpointSlice cache hands it over (pkg/proxy/endpoint.go). */
export interface ProxyEndpoint {
  readonly ip: string;
  readonly port: number;
  readonly ready: boolean;
  readonly serving: boolean;
  readonly terminating: boolean;
  /** Local means on this proxy's node. */
  readonly isLocal: boolean;
  /** For the simulator: which pod this is (namespace/name), when known. */
  readonly pod: string | undefined;
}

export interface ProxyInput {
  readonly config: ProxyConfig;
  readonly services: readonly ProxyServicePort[];
}

/** A packet as the evaluators take it: one new connection (or a packet of a known one). */
export interface Packet {
  readonly sourceIP: string;
  readonly destIP: string;
  readonly destPort: number;
  readonly protocol: Protocol;
  /** Where it enters: from a local process (OUTPUT) or from outside/a pod (PREROUTING). */
  readonly origin: 'local' | 'forwarded';
  /** Random numbers in [0,1) the evaluator consumes at `statistic`/scheduler decisions (seeded by the caller). */
  readonly random?: () => number;
}

/** One rule, map element, virtual server or redirect that a packet matched, for highlighting. */
export interface MatchedRule {
  /** Where it lives: a chain (`services`), a map/set (`service-ips`), `ipvs`, `ipset`, `proxy`. */
  readonly where: string;
  /** 0-based position inside `where` (rule index, element index, virtual-server index). */
  readonly index: number;
  /** The rule as the mode's tool prints it. */
  readonly text: string;
}

/** What a proxy mode's evaluator decided for one new connection (nftables, IPVS, userspace). */
export interface ProxyDecision {
  readonly verdict: 'dnat' | 'reject' | 'drop' | 'no-match';
  /** The chosen backend, when `verdict` is dnat. */
  readonly dnat: { readonly ip: string; readonly port: number } | undefined;
  /** The endpoint behind `dnat` (for `pod`). */
  readonly endpoint: ProxyEndpoint | undefined;
  readonly masquerade: boolean;
  /** Everything that matched, in walk order. */
  readonly matched: readonly MatchedRule[];
  /** How many rules/elements were looked at (compare modes: linear chains vs maps and hash tables). */
  readonly rulesVisited: number;
  /** Probability the chosen endpoint had at the random/scheduler decision (1 when sticky or forced). */
  readonly probability: number | undefined;
  /** Why this endpoint (or verdict), in a sentence. */
  readonly why: string;
}
