// Mirrors kube-proxy pkg/proxy/nftables/proxier.go syncProxyRules: for one service port, the map
// elements (service-ips, no-endpoint-*, firewall-ips), the service-/local-/external-/firewall-
// chains, the affinity- sets and the endpoint- chains.

import { parseCidr, cidrContains, formatCidr, parseIPv4 } from '../../cluster/ipv4.ts';
import { servicePortNameString } from '../chain-names.ts';
import type { ProxyEndpoint, ProxyServicePort } from '../types.ts';
import {
  categorizeEndpoints,
  externallyAccessible,
  externalPolicyLocal,
  internalPolicyLocal,
  sortedEndpoints,
  usesClusterEndpoints,
  usesLocalEndpoints,
} from '../categorize.ts';
import { addElement, addRule, addSet, ensureChain, type NftMatch, type NftTableDraft } from './model.ts';
import { affinitySetName, endpointChainName, serviceChainNames } from './names.ts';
import type { NftContext } from './setup.ts';

const masq = { a: 'jump', chain: 'mark-for-masquerade' } as const;

/** The IPv4 source ranges, trimmed and normalised like net.IPNet.String(). */
function sourceRanges(svc: ProxyServicePort): string[] {
  const out: string[] = [];
  for (const raw of svc.loadBalancerSourceRanges) {
    const cidr = parseCidr(raw.trim());
    if (cidr) out.push(formatCidr(cidr));
  }
  return out;
}

export function writeServicePort(table: NftTableDraft, ctx: NftContext, svc: ProxyServicePort): void {
  const clusterIP = svc.clusterIP ?? '';
  const protocol = svc.protocol.toLowerCase();
  const port = String(svc.port);
  const spn = servicePortNameString(svc.namespace, svc.name, svc.portName);
  const names = serviceChainNames(svc);
  const affinity = svc.sessionAffinity === 'ClientIP';
  const { clusterEndpoints, localEndpoints, allReachableEndpoints, hasAnyEndpoints } = categorizeEndpoints(
    sortedEndpoints(svc.endpoints),
    svc,
  );
  const externalLocal = externalPolicyLocal(svc);
  // Each endpoint's chain is named three times (chain, dispatch, rules): build the names once.
  const endpointChains = new Map(allReachableEndpoints.map((ep) => [ep, endpointChainName(svc, ep)]));
  const chainOf = (ep: ProxyEndpoint): string => endpointChains.get(ep) ?? endpointChainName(svc, ep);

  for (const chain of endpointChains.values()) ensureChain(table, chain);
  const usesClusterChain = clusterEndpoints.length > 0 && usesClusterEndpoints(svc);
  if (usesClusterChain) ensureChain(table, names.cluster);
  const usesLocalChain = localEndpoints.length > 0 && usesLocalEndpoints(svc);
  if (usesLocalChain) ensureChain(table, names.local);

  const internalChain = internalPolicyLocal(svc) ? names.local : names.cluster;
  const hasInternal = hasAnyEndpoints && !(internalPolicyLocal(svc) && localEndpoints.length === 0);
  const externalPolicyChain = externalLocal ? names.local : names.cluster;
  const hasExternal = hasAnyEndpoints && !(externalLocal && localEndpoints.length === 0);
  const usesExternalChain = hasAnyEndpoints && externallyAccessible(svc);
  if (usesExternalChain) ensureChain(table, names.external);

  const internalVerdict = hasAnyEndpoints ? 'drop' : 'goto reject-chain';
  const externalVerdict = internalVerdict;

  addElement(table, 'cluster-ips', [clusterIP]);
  if (hasInternal) addElement(table, 'service-ips', [clusterIP, protocol, port], `goto ${internalChain}`);
  else addElement(table, 'no-endpoint-services', [clusterIP, protocol, port], internalVerdict, spn);

  for (const ip of svc.externalIPs) {
    if (hasAnyEndpoints) addElement(table, 'service-ips', [ip, protocol, port], `goto ${names.external}`);
    if (!hasExternal) addElement(table, 'no-endpoint-services', [ip, protocol, port], externalVerdict, spn);
  }

  const ranges = sourceRanges(svc);
  const usesFirewall = svc.loadBalancerIPs.length > 0 && ranges.length > 0;
  if (usesFirewall) ensureChain(table, names.firewall);
  for (const ip of svc.loadBalancerIPs) {
    if (hasAnyEndpoints) addElement(table, 'service-ips', [ip, protocol, port], `goto ${names.external}`);
    if (usesFirewall) addElement(table, 'firewall-ips', [ip, protocol, port], `goto ${names.firewall}`);
  }
  if (!hasExternal) {
    for (const ip of svc.loadBalancerIPs) {
      addElement(table, 'no-endpoint-services', [ip, protocol, port], externalVerdict, spn);
    }
  }

  if (svc.nodePort !== 0) {
    const key = [protocol, String(svc.nodePort)];
    // NodePorts are not subject to loadBalancerSourceRanges.
    if (hasAnyEndpoints) addElement(table, 'service-nodeports', key, `goto ${names.external}`);
    if (!hasExternal) addElement(table, 'no-endpoint-nodeports', key, externalVerdict, spn);
  }

  if (hasInternal) {
    const daddr: NftMatch = { m: 'addr', field: 'daddr', negated: false, value: clusterIP };
    if (ctx.masqueradeAll) addRule(table, internalChain, [daddr], masq);
    else if (ctx.localCIDR !== undefined) {
      // Off-cluster traffic to a ClusterIP may bounce to another node: masquerade it.
      addRule(
        table,
        internalChain,
        [daddr, { m: 'addr', field: 'saddr', negated: true, value: ctx.localCIDR }],
        masq,
      );
    }
  }

  if (usesExternalChain) {
    if (!externalLocal) addRule(table, names.external, [], masq);
    else {
      if (ctx.localCIDR !== undefined) {
        addRule(
          table,
          names.external,
          [{ m: 'addr', field: 'saddr', negated: false, value: ctx.localCIDR }],
          { a: 'goto', chain: names.cluster },
          'short-circuit pod traffic',
        );
      }
      addRule(table, names.external, [{ m: 'fib-local', field: 'saddr' }], masq, 'masquerade local traffic');
      addRule(
        table,
        names.external,
        [{ m: 'fib-local', field: 'saddr' }],
        { a: 'goto', chain: names.cluster },
        'short-circuit local traffic',
      );
    }
    if (hasExternal) addRule(table, names.external, [], { a: 'goto', chain: externalPolicyChain });
  }

  if (usesFirewall) writeFirewall(table, ctx, svc, ranges, names.firewall);

  if (affinity) {
    for (const ep of allReachableEndpoints) {
      addSet(table, {
        kind: 'set',
        name: affinitySetName(svc, ep),
        type: 'ipv4_addr',
        flags: ['dynamic', 'timeout'],
        timeout: svc.sessionAffinityTimeoutSeconds,
        comment: undefined,
        elements: [],
      });
    }
  }
  if (usesClusterChain) writeServiceToEndpointRules(table, svc, names.cluster, clusterEndpoints, chainOf);
  if (usesLocalChain) writeServiceToEndpointRules(table, svc, names.local, localEndpoints, chainOf);

  for (const ep of allReachableEndpoints) {
    const chain = chainOf(ep);
    // Hairpin: a pod reaching itself through the Service must be SNATed.
    addRule(table, chain, [{ m: 'addr', field: 'saddr', negated: false, value: ep.ip }], masq);
    if (affinity) addRule(table, chain, [], { a: 'update', set: affinitySetName(svc, ep) });
    addRule(table, chain, [], { a: 'dnat', protocol, ip: ep.ip, port: ep.port });
  }
}

function writeFirewall(
  table: NftTableDraft,
  ctx: NftContext,
  svc: ProxyServicePort,
  ranges: string[],
  chain: string,
): void {
  const node = ctx.nodeIP === undefined ? undefined : parseIPv4(ctx.nodeIP);
  const allowFromNode =
    node !== undefined &&
    ranges.some((r) => {
      const c = parseCidr(r);
      return c !== undefined && cidrContains(c, node);
    });
  // A VIP bound locally loops back with the VIP as source: let the node through.
  const values = allowFromNode ? [...ranges, ...svc.loadBalancerIPs] : ranges;
  addRule(
    table,
    chain,
    [{ m: 'addr-anon-set', field: 'saddr', negated: true, values, text: values.join(' , ') }],
    { a: 'drop' },
  );
}

function writeServiceToEndpointRules(
  table: NftTableDraft,
  svc: ProxyServicePort,
  chain: string,
  endpoints: readonly ProxyEndpoint[],
  chainOf: (ep: ProxyEndpoint) => string,
): void {
  if (svc.sessionAffinity === 'ClientIP') {
    for (const ep of endpoints) {
      addRule(table, chain, [{ m: 'addr-lookup', field: 'saddr', set: affinitySetName(svc, ep) }], {
        a: 'goto',
        chain: chainOf(ep),
      });
    }
  }
  addRule(table, chain, [], { a: 'numgen', targets: endpoints.map(chainOf) });
}
