// Mirrors kube-proxy pkg/proxy/iptables/proxier.go syncProxyRules, the per-service-port loop:
// KUBE-SERVICES/KUBE-NODEPORTS captures, filter REJECT/DROP for missing endpoints, health checks.

import type { ProxyServicePort } from '../types.ts';
import { externalPolicyLocal } from '../categorize.ts';
import { LOCALHOST_NODEPORTS_ACCEPTED, type SyncContext } from './context.ts';
import { writeServiceChains } from './service-chains.ts';
import { planServicePort, type ServicePlan } from './service-plan.ts';

/** NeedsHealthCheck: LoadBalancer with externalTrafficPolicy Local. */
const healthCheckNodePort = (svc: ProxyServicePort): number =>
  svc.type === 'LoadBalancer' && externalPolicyLocal(svc) ? svc.healthCheckNodePort : 0;

export function writeServicePortRules(ctx: SyncContext, svc: ProxyServicePort): void {
  const plan = planServicePort(svc);
  writeServiceCaptures(ctx, plan);
  writeServiceChains(ctx, plan);
}

function writeServiceCaptures(ctx: SyncContext, plan: ServicePlan): void {
  const { filter, nat, config } = ctx;
  const {
    svc,
    name,
    clusterIP,
    port,
    hasAnyEndpoints,
    internalTrafficChain,
    hasInternalEndpoints,
    hasExternalEndpoints,
    externalTrafficChain,
    fwChain,
    usesFWChain,
    loadBalancerTrafficChain,
    internalFilterTarget,
    internalFilterComment,
    externalFilterTarget,
    externalFilterComment,
    proto,
  } = plan;
  // Capture the clusterIP.
  if (hasInternalEndpoints) {
    nat.rule(
      'KUBE-SERVICES',
      '-m',
      'comment',
      '--comment',
      `"${name} cluster IP"`,
      proto,
      '-d',
      clusterIP,
      '--dport',
      port,
      '-j',
      internalTrafficChain,
    );
  } else {
    filter.rule(
      'KUBE-SERVICES',
      '-m',
      'comment',
      '--comment',
      internalFilterComment,
      proto,
      '-d',
      clusterIP,
      '--dport',
      port,
      '-j',
      internalFilterTarget,
    );
  }

  // Capture externalIPs.
  for (const externalIP of svc.externalIPs) {
    if (hasAnyEndpoints) {
      nat.rule(
        'KUBE-SERVICES',
        '-m',
        'comment',
        '--comment',
        `"${name} external IP"`,
        proto,
        '-d',
        externalIP,
        '--dport',
        port,
        '-j',
        externalTrafficChain,
      );
    }
    if (!hasExternalEndpoints) {
      filter.rule(
        'KUBE-EXTERNAL-SERVICES',
        '-m',
        'comment',
        '--comment',
        externalFilterComment,
        proto,
        '-d',
        externalIP,
        '--dport',
        port,
        '-j',
        externalFilterTarget,
      );
    }
  }

  // Capture load-balancer ingress.
  for (const lbip of svc.loadBalancerIPs) {
    if (hasAnyEndpoints) {
      nat.rule(
        'KUBE-SERVICES',
        '-m',
        'comment',
        '--comment',
        `"${name} loadbalancer IP"`,
        proto,
        '-d',
        lbip,
        '--dport',
        port,
        '-j',
        loadBalancerTrafficChain,
      );
    }
    if (usesFWChain) {
      filter.rule(
        'KUBE-PROXY-FIREWALL',
        '-m',
        'comment',
        '--comment',
        `"${name} traffic not accepted by ${fwChain}"`,
        proto,
        '-d',
        lbip,
        '--dport',
        port,
        '-j',
        'DROP',
      );
    }
  }
  if (!hasExternalEndpoints) {
    for (const lbip of svc.loadBalancerIPs) {
      filter.rule(
        'KUBE-EXTERNAL-SERVICES',
        '-m',
        'comment',
        '--comment',
        externalFilterComment,
        proto,
        '-d',
        lbip,
        '--dport',
        port,
        '-j',
        externalFilterTarget,
      );
    }
  }

  // Capture nodeports (not subject to loadBalancerSourceRanges).
  if (svc.nodePort !== 0) {
    const nodePort = String(svc.nodePort);
    if (hasAnyEndpoints) {
      if (ctx.localhostNodePorts && config.nfacct.localhostNodePortsAcceptedPkts) {
        nat.rule(
          'KUBE-NODEPORTS',
          '-m',
          'comment',
          '--comment',
          name,
          proto,
          '-d',
          '127.0.0.0/8',
          '--dport',
          nodePort,
          '-m',
          'nfacct',
          '--nfacct-name',
          LOCALHOST_NODEPORTS_ACCEPTED,
          '-j',
          externalTrafficChain,
        );
      }
      nat.rule(
        'KUBE-NODEPORTS',
        '-m',
        'comment',
        '--comment',
        name,
        proto,
        '--dport',
        nodePort,
        '-j',
        externalTrafficChain,
      );
    }
    if (!hasExternalEndpoints) {
      filter.rule(
        'KUBE-EXTERNAL-SERVICES',
        '-m',
        'comment',
        '--comment',
        externalFilterComment,
        '-m',
        'addrtype',
        '--dst-type',
        'LOCAL',
        proto,
        '--dport',
        nodePort,
        '-j',
        externalFilterTarget,
      );
    }
  }

  // Health check node ports are accepted whether or not this node has local endpoints.
  const hcPort = healthCheckNodePort(svc);
  if (hcPort !== 0) {
    filter.rule(
      'KUBE-NODEPORTS',
      '-m',
      'comment',
      '--comment',
      `"${name} health check node port"`,
      '-m',
      'tcp',
      '-p',
      'tcp',
      '--dport',
      String(hcPort),
      '-j',
      'ACCEPT',
    );
  }
}
