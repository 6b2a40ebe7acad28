// Mirrors kube-proxy pkg/proxy/iptables/proxier.go syncProxyRules, the per-service-port chains:
// masquerading of internal traffic, KUBE-EXT-* (external destinations), KUBE-FW-* (source ranges),
// then KUBE-SVC-*/KUBE-SVL-* and the KUBE-SEP-* chains.

import { cidrContains, parseCidr, parseIPv4 } from '../../cluster/ipv4.ts';
import { externalPolicyLocal } from '../categorize.ts';
import type { SyncContext } from './context.ts';
import { writeEndpointChains, writeServiceToEndpointRules } from './endpoint-rules.ts';
import type { ServicePlan } from './service-plan.ts';

export function writeServiceChains(ctx: SyncContext, plan: ServicePlan): void {
  const { nat, config } = ctx;
  const {
    svc,
    name,
    clusterIP,
    port,
    clusterEndpoints,
    localEndpoints,
    allReachableEndpoints,
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
    proto,
  } = plan;
  // Internal traffic: masquerade off-cluster sources (or everything with --masquerade-all).
  if (hasInternalEndpoints) {
    const args = [
      '-m',
      'comment',
      '--comment',
      `"${name} cluster IP"`,
      ...proto,
      '-d',
      clusterIP,
      '--dport',
      port,
    ];
    if (config.masqueradeAll) nat.rule(internalTrafficChain, args, '-j', 'KUBE-MARK-MASQ');
    else if (ctx.ifNotLocal) nat.rule(internalTrafficChain, args, ctx.ifNotLocal, '-j', 'KUBE-MARK-MASQ');
  }

  if (usesExternalTrafficChain) {
    nat.chain(externalTrafficChain);
    if (!externalPolicyLocal(svc)) {
      // Non-local endpoints may be on another node: masquerade.
      nat.rule(
        externalTrafficChain,
        '-m',
        'comment',
        '--comment',
        `"masquerade traffic for ${name} external destinations"`,
        '-j',
        'KUBE-MARK-MASQ',
      );
    } else {
      if (ctx.ifLocal) {
        // Pod → external destination acts as if it went out to the load balancer and back: no policy.
        nat.rule(
          externalTrafficChain,
          '-m',
          'comment',
          '--comment',
          `"pod traffic for ${name} external destinations"`,
          ctx.ifLocal,
          '-j',
          clusterPolicyChain,
        );
      }
      // The host's own traffic gets the LB IP (a local address) as source: masquerade it.
      nat.rule(
        externalTrafficChain,
        '-m',
        'comment',
        '--comment',
        `"masquerade LOCAL traffic for ${name} external destinations"`,
        '-m',
        'addrtype',
        '--src-type',
        'LOCAL',
        '-j',
        'KUBE-MARK-MASQ',
      );
      nat.rule(
        externalTrafficChain,
        '-m',
        'comment',
        '--comment',
        `"route LOCAL traffic for ${name} external destinations"`,
        '-m',
        'addrtype',
        '--src-type',
        'LOCAL',
        '-j',
        clusterPolicyChain,
      );
    }
    if (hasExternalEndpoints) nat.rule(externalTrafficChain, '-j', externalPolicyChain);
  }

  if (usesFWChain) {
    nat.chain(fwChain);
    const args = ['-m', 'comment', '--comment', `"${name} loadbalancer IP"`];
    const nodeIP = parseIPv4(config.nodeIPs[0] ?? '');
    let allowFromNode = false;
    for (const range of svc.loadBalancerSourceRanges) {
      nat.rule(fwChain, args, '-s', range, '-j', externalTrafficChain);
      const cidr = parseCidr(range);
      if (cidr && nodeIP !== undefined && cidrContains(cidr, nodeIP)) allowFromNode = true;
    }
    // A node's request to a VIP bound locally loops back with the VIP as source: allow it.
    if (allowFromNode) {
      for (const lbip of svc.loadBalancerIPs) nat.rule(fwChain, args, '-s', lbip, '-j', externalTrafficChain);
    }
    // Falling off the end means no DNAT: KUBE-PROXY-FIREWALL drops it in filter.
    nat.rule(
      fwChain,
      '-m',
      'comment',
      '--comment',
      `"other traffic to ${name} will be dropped by KUBE-PROXY-FIREWALL"`,
    );
  }

  if (usesClusterPolicyChain) {
    nat.chain(clusterPolicyChain);
    writeServiceToEndpointRules(ctx, name, svc, clusterPolicyChain, clusterEndpoints);
  }
  if (usesLocalPolicyChain) {
    nat.chain(localPolicyChain);
    writeServiceToEndpointRules(ctx, name, svc, localPolicyChain, localEndpoints);
  }
  writeEndpointChains(ctx, name, svc, allReachableEndpoints);
}
