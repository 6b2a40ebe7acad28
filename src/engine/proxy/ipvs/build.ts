// Mirrors kube-proxy pkg/proxy/ipvs/proxier.go syncProxyRules: one virtual server per ClusterIP,
// external IP, load-balancer IP and node IP × NodePort; real servers from syncEndpoint (weight 1,
// Local policies use local endpoints only); ipset entries; kube-ipvs0 addresses.

import { formatCidr, parseCidr, parseIPv4 } from '../../cluster/ipv4.ts';
import {
  categorizeEndpoints,
  externalPolicyLocal,
  internalPolicyLocal,
  skipsService,
  sortedEndpoints,
} from '../categorize.ts';
import { addressMatches } from '../nftables/eval-match.ts';
import { nftContext } from '../nftables/setup.ts';
import type { ProxyEndpoint, ProxyInput } from '../types.ts';
import { addEntry, emptyIpsetEntries, toIpsets } from './ipsets.ts';
import { writeIpvsIptablesRules } from './iptables-rules.ts';
import type { IpvsRuleSet, RealServer, VirtualServer } from './model.ts';

const SCHEDULERS = ['rr', 'lc', 'dh', 'sh', 'sed', 'nq', 'wrr', 'wlc', 'mh'];

const realServers = (endpoints: readonly ProxyEndpoint[]): RealServer[] =>
  endpoints.map((ep) => ({ ip: ep.ip, port: ep.port, weight: 1, endpoint: ep }));

export function buildIpvsRuleSet(input: ProxyInput): IpvsRuleSet {
  const { config } = input;
  const scheduler = SCHEDULERS.includes(config.ipvsScheduler) ? config.ipvsScheduler : 'rr';
  const ctx = nftContext(config);
  const nodeAddresses = config.nodeIPs.filter((ip) => parseIPv4(ip) !== undefined && !ip.startsWith('127.'));
  const nodePortIPs = ctx.nodePortIPs ?? nodeAddresses;
  const sets = emptyIpsetEntries();
  const virtualServers: VirtualServer[] = [];
  // kube-ipvs0 addresses, in the order first bound (a Set: one check per virtual server).
  const bound = new Set<string>();
  const lbNoNodeAccess: { ip: string; protocol: string; port: number }[] = [];
  const bind = (ip: string): void => {
    bound.add(ip);
  };

  for (const svc of input.services) {
    if (skipsService(svc)) continue;
    const clusterIP = svc.clusterIP ?? '';
    const proto = svc.protocol.toLowerCase();
    const hostPort = (ip: string): string => `${ip},${proto}:${svc.port}`;
    const { clusterEndpoints, localEndpoints } = categorizeEndpoints(sortedEndpoints(svc.endpoints), svc);
    const vs = (ip: string, port: number, kind: VirtualServer['kind'], onlyLocal: boolean): void => {
      virtualServers.push({
        protocol: svc.protocol,
        ip,
        port,
        scheduler,
        kind,
        service: svc,
        persistentTimeout: svc.sessionAffinity === 'ClientIP' ? svc.sessionAffinityTimeoutSeconds : undefined,
        realServers: realServers(onlyLocal ? localEndpoints : clusterEndpoints),
      });
    };
    for (const ep of svc.endpoints) {
      if (ep.isLocal) addEntry(sets, 'KUBE-LOOP-BACK', `${ep.ip},${proto}:${ep.port},${ep.ip}`);
    }
    addEntry(sets, 'KUBE-CLUSTER-IP', hostPort(clusterIP));
    vs(clusterIP, svc.port, 'cluster-ip', internalPolicyLocal(svc));
    bind(clusterIP);

    const extLocal = externalPolicyLocal(svc);
    for (const ip of svc.externalIPs) {
      addEntry(sets, extLocal ? 'KUBE-EXTERNAL-IP-LOCAL' : 'KUBE-EXTERNAL-IP', hostPort(ip));
      vs(ip, svc.port, 'external-ip', extLocal);
      // An address already on another interface is not added to the dummy device.
      if (!nodeAddresses.includes(ip)) bind(ip);
    }

    const ranges = svc.loadBalancerSourceRanges
      .map((r) => parseCidr(r.trim()))
      .filter((c) => c !== undefined);
    for (const ip of svc.loadBalancerIPs) {
      addEntry(sets, 'KUBE-LOAD-BALANCER', hostPort(ip));
      if (extLocal) addEntry(sets, 'KUBE-LOAD-BALANCER-LOCAL', hostPort(ip));
      if (ranges.length > 0) {
        addEntry(sets, 'KUBE-LOAD-BALANCER-FW', hostPort(ip));
        let allowFromNode = false;
        for (const cidr of ranges) {
          addEntry(sets, 'KUBE-LOAD-BALANCER-SOURCE-CIDR', `${hostPort(ip)},${formatCidr(cidr)}`);
          if (ctx.nodeIP !== undefined && addressMatches(ctx.nodeIP, formatCidr(cidr))) allowFromNode = true;
        }
        if (allowFromNode) addEntry(sets, 'KUBE-LOAD-BALANCER-SOURCE-IP', `${hostPort(ip)},${ip}`);
        else lbNoNodeAccess.push({ ip, protocol: proto, port: svc.port });
      }
      vs(ip, svc.port, 'load-balancer', extLocal);
      if (!nodeAddresses.includes(ip)) bind(ip);
    }

    if (svc.nodePort !== 0 && nodePortIPs.length > 0) {
      const np = String(svc.nodePort);
      const [all, local] =
        svc.protocol === 'TCP'
          ? ['KUBE-NODE-PORT-TCP', 'KUBE-NODE-PORT-LOCAL-TCP']
          : svc.protocol === 'UDP'
            ? ['KUBE-NODE-PORT-UDP', 'KUBE-NODE-PORT-LOCAL-UDP']
            : ['KUBE-NODE-PORT-SCTP-HASH', 'KUBE-NODE-PORT-LOCAL-SCTP-HASH'];
      const entries = svc.protocol === 'SCTP' ? nodePortIPs.map((ip) => `${ip},sctp:${np}`) : [np];
      for (const e of entries) {
        addEntry(sets, all, e);
        if (extLocal) addEntry(sets, local, e);
      }
      for (const ip of nodePortIPs) vs(ip, svc.nodePort, 'node-port', extLocal);
    }
    if (svc.healthCheckNodePort !== 0)
      addEntry(sets, 'KUBE-HEALTH-CHECK-NODE-PORT', String(svc.healthCheckNodePort));
  }
  for (const ip of bound) addEntry(sets, 'KUBE-IPVS-IPS', ip);

  const ipsets = toIpsets(sets);
  const { rules, jumps, natChains, filterChains } = writeIpvsIptablesRules(
    ipsets,
    config,
    ctx.mark,
    lbNoNodeAccess,
  );
  return {
    virtualServers,
    ipsets: [...ipsets.values()],
    dummyAddresses: [...bound],
    natChains,
    filterChains,
    rules,
    jumps,
    mark: ctx.mark,
  };
}
