// Mirrors kube-proxy pkg/proxy/iptables/proxier.go writeServiceToEndpointRules and the
// per-endpoint KUBE-SEP chains: the affinity checks, the `-m statistic` ladder, the DNAT.

import { servicePortEndpointChainName } from '../chain-names.ts';
import type { ProxyEndpoint, ProxyServicePort } from '../types.ts';
import { endpointString } from '../categorize.ts';
import { computeProbability } from './probability.ts';
import type { SyncContext } from './context.ts';

export const endpointChainName = (name: string, svc: ProxyServicePort, ep: ProxyEndpoint): string =>
  servicePortEndpointChainName(name, svc.protocol.toLowerCase(), endpointString(ep));

/** Comments are left out in large clusters (more than 1000 endpoints) to keep the tables small. */
const comment = (ctx: SyncContext, text: string): string[] =>
  ctx.largeClusterMode ? [] : ['-m', 'comment', '--comment', text];

export function writeServiceToEndpointRules(
  ctx: SyncContext,
  name: string,
  svc: ProxyServicePort,
  svcChain: string,
  endpoints: readonly ProxyEndpoint[],
): void {
  if (svc.sessionAffinity === 'ClientIP') {
    for (const ep of endpoints) {
      const epChain = endpointChainName(name, svc, ep);
      ctx.nat.rule(
        svcChain,
        comment(ctx, `"${name} -> ${endpointString(ep)}"`),
        [
          '-m',
          'recent',
          '--name',
          epChain,
          '--rcheck',
          '--seconds',
          String(svc.sessionAffinityTimeoutSeconds),
          '--reap',
        ],
        '-j',
        epChain,
      );
    }
  }
  const n = endpoints.length;
  endpoints.forEach((ep, i) => {
    // Each rule but the last takes 1/(remaining) of what reaches it: a uniform choice overall.
    const statistic =
      i < n - 1 ? ['-m', 'statistic', '--mode', 'random', '--probability', computeProbability(n - i)] : [];
    ctx.nat.rule(
      svcChain,
      comment(ctx, `"${name} -> ${endpointString(ep)}"`),
      statistic,
      '-j',
      endpointChainName(name, svc, ep),
    );
  });
}

export function writeEndpointChains(
  ctx: SyncContext,
  name: string,
  svc: ProxyServicePort,
  endpoints: readonly ProxyEndpoint[],
): void {
  const protocol = svc.protocol.toLowerCase();
  for (const ep of endpoints) {
    const epChain = endpointChainName(name, svc, ep);
    ctx.nat.chain(epChain);
    const base = comment(ctx, name);
    // Hairpin: an endpoint reaching itself through the service must be SNATed.
    ctx.nat.rule(epChain, base, '-s', ep.ip, '-j', 'KUBE-MARK-MASQ');
    const affinity = svc.sessionAffinity === 'ClientIP' ? ['-m', 'recent', '--name', epChain, '--set'] : [];
    ctx.nat.rule(
      epChain,
      base,
      affinity,
      '-m',
      protocol,
      '-p',
      protocol,
      '-j',
      'DNAT',
      '--to-destination',
      endpointString(ep),
    );
  }
}
