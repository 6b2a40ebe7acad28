// Mirrors kube-proxy pkg/proxy/nftables/proxier.go setupNFTables: the kube-proxy table, its base
// chains (hooked to netfilter), the top-level chains and jumps, and the service dispatch maps.

import { cidrContains, parseCidr, parseIPv4 } from '../../cluster/ipv4.ts';
import type { ProxyConfig } from '../types.ts';
import {
  addElement,
  addRule,
  addSet,
  ensureChain,
  type NftBaseChain,
  type NftSet,
  type NftTableDraft,
} from './model.ts';

/** The settings setupNFTables and the service rules read, derived once from the config. */
export interface NftContext {
  readonly mark: number;
  /** `--cluster-cidr` (local-traffic detector); undefined: no detector. */
  readonly localCIDR: string | undefined;
  readonly masqueradeAll: boolean;
  /** The node's primary IP (loadBalancerSourceRanges "allow from node"). */
  readonly nodeIP: string | undefined;
  /** IPv4 addresses that accept NodePorts; undefined when every local address does. */
  readonly nodePortIPs: readonly string[] | undefined;
  /** IPv4 service CIDRs, comma-joined as kube-proxy keeps them. */
  readonly serviceCIDRs: string;
}

const isIPv4 = (ip: string): boolean => parseIPv4(ip) !== undefined;

/** proxyutil.NodePortAddresses for the IPv4 family: CIDRs (or `primary`) picking node IPs. */
function nodePortIPs(config: ProxyConfig): readonly string[] | undefined {
  const v4 = config.nodePortAddresses.filter(
    (a) => a === 'primary' || (a.includes('/') && isIPv4(a.split('/')[0] ?? '')),
  );
  if (v4.length === 0 || v4.includes('0.0.0.0/0')) return undefined;
  const local = config.nodeIPs.filter(isIPv4);
  return local.filter((ip, i) => {
    const n = parseIPv4(ip) ?? 0;
    if (ip.startsWith('127.')) return false;
    return v4.some((a) => {
      if (a === 'primary') return i === 0;
      const cidr = parseCidr(a);
      return cidr !== undefined && cidrContains(cidr, n);
    });
  });
}

export function nftContext(config: ProxyConfig): NftContext {
  return {
    mark: 2 ** config.masqueradeBit,
    localCIDR: config.clusterCIDR,
    masqueradeAll: config.masqueradeAll,
    nodeIP: config.nodeIPs.find(isIPv4),
    nodePortIPs: nodePortIPs(config),
    serviceCIDRs: config.serviceCIDRs.filter((c) => isIPv4(c.split('/')[0] ?? '')).join(','),
  };
}

const baseChains: readonly (readonly [string, NftBaseChain])[] = [
  // Filter before DNAT so firewall checks see the original destination.
  ['filter-prerouting-pre-dnat', { type: 'filter', hook: 'prerouting', priority: -110 }],
  ['filter-output-pre-dnat', { type: 'filter', hook: 'output', priority: -110 }],
  ['filter-input', { type: 'filter', hook: 'input', priority: 0 }],
  ['filter-forward', { type: 'filter', hook: 'forward', priority: 0 }],
  ['filter-output', { type: 'filter', hook: 'output', priority: 0 }],
  ['nat-prerouting', { type: 'nat', hook: 'prerouting', priority: -100 }],
  ['nat-output', { type: 'nat', hook: 'output', priority: -100 }],
  ['nat-postrouting', { type: 'nat', hook: 'postrouting', priority: 100 }],
];

/** [destination chain, source base chain, `ct state new`?] in kube-proxy's order. */
const jumpChains: readonly (readonly [string, string, boolean])[] = [
  ['nodeport-endpoints-check', 'filter-input', true],
  ['service-endpoints-check', 'filter-input', true],
  ['service-endpoints-check', 'filter-forward', true],
  ['service-endpoints-check', 'filter-output', true],
  ['firewall-check', 'filter-prerouting-pre-dnat', true],
  ['firewall-check', 'filter-output-pre-dnat', true],
  ['services', 'nat-output', false],
  ['services', 'nat-prerouting', false],
  ['masquerading', 'nat-postrouting', false],
  ['cluster-ips-check', 'filter-forward', true],
  ['cluster-ips-check', 'filter-output', true],
];

function addNamedSet(
  table: NftTableDraft,
  kind: NftSet['kind'],
  name: string,
  type: string,
  comment: string,
): void {
  addSet(table, { kind, name, type, flags: [], timeout: undefined, comment, elements: [] });
}

const destMap = 'ipv4_addr . inet_proto . inet_service : verdict';
const portMap = 'inet_proto . inet_service : verdict';

export function setupNFTables(table: NftTableDraft, ctx: NftContext): void {
  for (const [name, base] of baseChains) ensureChain(table, name, base);
  for (const [dst, src, ctNew] of jumpChains) {
    ensureChain(table, dst);
    addRule(table, src, ctNew ? [{ m: 'ct-state-new' }] : [], { a: 'jump', chain: dst });
  }
  for (const name of ['services', 'cluster-ips-check', 'masquerading', 'mark-for-masquerade'])
    ensureChain(table, name);

  addRule(table, 'mark-for-masquerade', [], { a: 'mark-or', mark: ctx.mark });
  addRule(table, 'masquerading', [{ m: 'mark-clear', mark: ctx.mark }], { a: 'return' });
  addRule(table, 'masquerading', [], { a: 'mark-xor', mark: ctx.mark });
  addRule(table, 'masquerading', [], { a: 'masquerade' });

  addNamedSet(table, 'set', 'cluster-ips', 'ipv4_addr', 'Active ClusterIPs');
  addRule(
    table,
    'cluster-ips-check',
    [{ m: 'addr-lookup', field: 'daddr', set: 'cluster-ips' }],
    { a: 'reject' },
    'Reject traffic to invalid ports of ClusterIPs',
  );
  if (ctx.serviceCIDRs !== '') {
    const values = ctx.serviceCIDRs.split(',');
    addRule(
      table,
      'cluster-ips-check',
      [{ m: 'addr-anon-set', field: 'daddr', negated: false, values, text: ctx.serviceCIDRs }],
      { a: 'drop' },
      'Drop traffic to unallocated ClusterIPs',
    );
  }

  if (ctx.nodePortIPs !== undefined) {
    addNamedSet(table, 'set', 'nodeport-ips', 'ipv4_addr', 'IPs that accept NodePort traffic');
    for (const ip of ctx.nodePortIPs) addElement(table, 'nodeport-ips', [ip]);
  }

  addNamedSet(
    table,
    'map',
    'no-endpoint-services',
    destMap,
    'vmap to drop or reject packets to services with no endpoints',
  );
  addNamedSet(
    table,
    'map',
    'no-endpoint-nodeports',
    portMap,
    'vmap to drop or reject packets to service nodeports with no endpoints',
  );
  ensureChain(table, 'reject-chain', undefined, 'helper for @no-endpoint-services / @no-endpoint-nodeports');
  addRule(table, 'reject-chain', [], { a: 'reject' });
  addRule(table, 'service-endpoints-check', [], { a: 'vmap', key: 'dest', map: 'no-endpoint-services' });
  addRule(table, 'nodeport-endpoints-check', nodePortDest(ctx, false), {
    a: 'vmap',
    key: 'port',
    map: 'no-endpoint-nodeports',
  });

  addNamedSet(
    table,
    'map',
    'firewall-ips',
    destMap,
    'destinations that are subject to LoadBalancerSourceRanges',
  );
  ensureChain(table, 'firewall-check');
  addRule(table, 'firewall-check', [], { a: 'vmap', key: 'dest', map: 'firewall-ips' });

  addNamedSet(table, 'map', 'service-ips', destMap, 'ClusterIP, ExternalIP and LoadBalancer IP traffic');
  addNamedSet(table, 'map', 'service-nodeports', portMap, 'NodePort traffic');
  addRule(table, 'services', [], { a: 'vmap', key: 'dest', map: 'service-ips' });
  addRule(table, 'services', nodePortDest(ctx, true), { a: 'vmap', key: 'port', map: 'service-nodeports' });
}

/** Which destinations count as "this node" for NodePorts. */
function nodePortDest(ctx: NftContext, dispatch: boolean) {
  if (ctx.nodePortIPs !== undefined)
    return [{ m: 'addr-lookup', field: 'daddr', set: 'nodeport-ips' } as const];
  const noLocalhost = { m: 'addr', field: 'daddr', negated: true, value: '127.0.0.0/8' } as const;
  return dispatch ? [{ m: 'fib-local', field: 'daddr' } as const, noLocalhost] : [noLocalhost];
}
