// Mirrors the historical kube-proxy pkg/proxy/userspace/proxier.go (removed in 1.26): a proxy port
// per service port, opened on the node, and the nat REDIRECT/DNAT rules that steer traffic into it.

import { servicePortNameString } from '../chain-names.ts';
import { skipsService, sortedEndpoints } from '../categorize.ts';
import type { ProxyEndpoint, ProxyInput, ProxyServicePort } from '../types.ts';

export interface UserspacePortal {
  readonly service: ProxyServicePort;
  /** `ns/svc:port`, the rule comment and the load balancer's key. */
  readonly name: string;
  /** The node port the proxy listens on (allocated in order from `firstProxyPort`). */
  readonly proxyPort: number;
  /** Ready endpoints, as the round-robin load balancer holds them. */
  readonly endpoints: readonly ProxyEndpoint[];
}

export interface UserspaceRule {
  readonly table: 'nat' | 'filter';
  readonly chain: string;
  /** Destination address the rule matches (undefined: any, for NodePorts). */
  readonly dest: string | undefined;
  readonly protocol: string;
  readonly dport: number;
  readonly target: 'REDIRECT' | 'DNAT' | 'ACCEPT';
  readonly portal: UserspacePortal;
  readonly text: string;
}

export interface UserspaceRuleSet {
  readonly nodeIP: string;
  readonly portals: readonly UserspacePortal[];
  readonly rules: readonly UserspaceRule[];
}

/** Start of the deterministic proxy-port range (real kube-proxy let the kernel or --proxy-port-range pick). */
export const firstProxyPort = 36000;

export function buildUserspaceRuleSet(input: ProxyInput): UserspaceRuleSet {
  const nodeIP = input.config.nodeIPs[0] ?? '127.0.0.1';
  const portals: UserspacePortal[] = [];
  const rules: UserspaceRule[] = [];
  for (const svc of input.services) {
    if (skipsService(svc)) continue;
    const name = servicePortNameString(svc.namespace, svc.name, svc.portName);
    const portal: UserspacePortal = {
      service: svc,
      name,
      proxyPort: firstProxyPort + portals.length,
      endpoints: sortedEndpoints(svc.endpoints).filter((ep) => ep.ready),
    };
    portals.push(portal);
    const proto = svc.protocol.toLowerCase();
    const add = (
      table: UserspaceRule['table'],
      chain: string,
      dest: string | undefined,
      dport: number,
      target: UserspaceRule['target'],
    ): void => {
      const d = dest === undefined ? '' : `-d ${dest}/32 `;
      const jump =
        target === 'REDIRECT'
          ? `-j REDIRECT --to-ports ${portal.proxyPort}`
          : target === 'DNAT'
            ? `-j DNAT --to-destination ${nodeIP}:${portal.proxyPort}`
            : '-j ACCEPT';
      const state = target === 'ACCEPT' ? '-m state --state NEW ' : '';
      const text = `-A ${chain} ${d}-p ${proto} -m comment --comment "${name}" ${state}-m ${proto} --dport ${dport} ${jump}`;
      rules.push({ table, chain, dest, protocol: proto, dport, target, portal, text });
    };
    // Portals: the ClusterIP, external IPs and load-balancer IPs.
    for (const ip of [svc.clusterIP ?? '', ...svc.externalIPs, ...svc.loadBalancerIPs]) {
      add('nat', 'KUBE-PORTALS-CONTAINER', ip, svc.port, 'REDIRECT');
      add('nat', 'KUBE-PORTALS-HOST', ip, svc.port, 'DNAT');
    }
    if (svc.nodePort !== 0) {
      add('nat', 'KUBE-NODEPORT-CONTAINER', undefined, svc.nodePort, 'REDIRECT');
      add('nat', 'KUBE-NODEPORT-HOST', undefined, svc.nodePort, 'DNAT');
      add('filter', 'KUBE-NODEPORT-NON-LOCAL', undefined, svc.nodePort, 'ACCEPT');
    }
  }
  return { nodeIP, portals, rules };
}

const jumps = [
  '-A PREROUTING -m comment --comment "handle ClusterIPs; NOTE: this must be before the NodePort rules" -j KUBE-PORTALS-CONTAINER',
  '-A OUTPUT -m comment --comment "handle ClusterIPs; NOTE: this must be before the NodePort rules" -j KUBE-PORTALS-HOST',
  '-A PREROUTING -m addrtype --dst-type LOCAL -m comment --comment "handle service NodePorts; NOTE: this must be the last rule in the chain" -j KUBE-NODEPORT-CONTAINER',
  '-A OUTPUT -m addrtype --dst-type LOCAL -m comment --comment "handle service NodePorts; NOTE: this must be the last rule in the chain" -j KUBE-NODEPORT-HOST',
];

/** iptables-save-like text of the userspace rules, plus the proxy's listening sockets. */
export function renderUserspaceRules(set: UserspaceRuleSet): string {
  const out = ['*nat'];
  for (const c of [
    'KUBE-NODEPORT-CONTAINER',
    'KUBE-NODEPORT-HOST',
    'KUBE-PORTALS-CONTAINER',
    'KUBE-PORTALS-HOST',
  ])
    out.push(`:${c} - [0:0]`);
  out.push(...jumps);
  for (const r of set.rules.filter((x) => x.table === 'nat')) out.push(r.text);
  out.push(
    'COMMIT',
    '*filter',
    ':KUBE-NODEPORT-NON-LOCAL - [0:0]',
    '-A INPUT -m comment --comment "Ensure that non-local NodePort traffic can flow" -j KUBE-NODEPORT-NON-LOCAL',
  );
  for (const r of set.rules.filter((x) => x.table === 'filter')) out.push(r.text);
  out.push('COMMIT', '# kube-proxy listening (userspace proxy ports)');
  for (const p of set.portals)
    out.push(`${p.service.protocol} ${set.nodeIP === '' ? '*' : '0.0.0.0'}:${p.proxyPort} -> ${p.name}`);
  return `${out.join('\n')}\n`;
}
