// The userspace proxy path: the redirect rule that catches the packet, then kube-proxy's
// LoadBalancerRR (pkg/proxy/userspace/roundrobin.go: round robin, ClientIP affinity) and the TCP
// proxier's retry over failing backends (proxysocket.go tryConnect, 4 attempts).

import { isLocalAddress } from '../nftables/eval-match.ts';
import type { MatchedRule, Packet, ProxyDecision, ProxyInput } from '../types.ts';
import type { UserspacePortal, UserspaceRuleSet } from './build.ts';

export interface UserspaceState {
  /** Next round-robin index per portal name. */
  readonly index: ReadonlyMap<string, number>;
  /** ClientIP affinity: `portal|clientIP` → `ip:port`. */
  readonly affinity: ReadonlyMap<string, string>;
}

export const emptyUserspaceState = (): UserspaceState => ({ index: new Map(), affinity: new Map() });

export interface UserspaceEvaluation extends ProxyDecision {
  readonly state: UserspaceState;
  /** Backends tried and failed before the chosen one (dial errors). */
  readonly failedAttempts: readonly string[];
}

/** endpointDialTimeouts has four entries: the proxy tries at most four backends. */
const maxAttempts = 4;

export function evaluateUserspace(
  set: UserspaceRuleSet,
  packet: Packet,
  input: ProxyInput,
  state: UserspaceState,
  /** Backends (`ip:port`) whose dial fails. */
  dead: ReadonlySet<string> = new Set(),
): UserspaceEvaluation {
  const proto = packet.protocol.toLowerCase();
  const destLocal = isLocalAddress(packet.destIP, input.config.nodeIPs);
  const suffix = packet.origin === 'local' ? 'HOST' : 'CONTAINER';
  let visited = 0;
  const matched: MatchedRule[] = [];
  let portal: UserspacePortal | undefined;
  for (const chain of [`KUBE-PORTALS-${suffix}`, `KUBE-NODEPORT-${suffix}`]) {
    if (chain.startsWith('KUBE-NODEPORT') && !destLocal) continue;
    const rules = set.rules.filter((r) => r.chain === chain);
    for (const [index, r] of rules.entries()) {
      visited++;
      if (
        r.protocol === proto &&
        r.dport === packet.destPort &&
        (r.dest === undefined || r.dest === packet.destIP)
      ) {
        matched.push({ where: `nat/${chain}`, index, text: r.text });
        portal = r.portal;
        break;
      }
    }
    if (portal) break;
  }
  const base = {
    dnat: undefined,
    endpoint: undefined,
    masquerade: false,
    matched,
    rulesVisited: visited,
    probability: undefined,
    state,
    failedAttempts: [],
  };
  if (!portal) return { ...base, verdict: 'no-match', why: 'no userspace portal rule matched' };
  matched.push({
    where: 'proxy',
    index: portal.proxyPort,
    text: `kube-proxy ${portal.name} on port ${portal.proxyPort}`,
  });
  const eps = portal.endpoints;
  if (eps.length === 0)
    return {
      ...base,
      verdict: 'reject',
      why: `missing endpoints for ${portal.name}: the proxy accepts, then closes the connection`,
    };

  const index = new Map(state.index);
  const affinity = new Map(state.affinity);
  const sticky = portal.service.sessionAffinity === 'ClientIP';
  const key = `${portal.name}|${packet.sourceIP}`;
  const failed: string[] = [];
  const reasons: string[] = [];
  for (let attempt = 0; attempt < maxAttempts; attempt++) {
    // After a failed dial the affinity is reset so another backend is tried.
    const remembered = sticky && attempt === 0 ? affinity.get(key) : undefined;
    let ep = remembered === undefined ? undefined : eps.find((e) => `${e.ip}:${e.port}` === remembered);
    if (ep) reasons.push(`ClientIP affinity: ${packet.sourceIP} stays on ${remembered ?? ''}`);
    else {
      const i = (index.get(portal.name) ?? 0) % eps.length;
      ep = eps[i];
      index.set(portal.name, (i + 1) % eps.length);
      reasons.push(`round robin: endpoint ${i + 1} of ${eps.length}`);
    }
    if (!ep) break;
    const addr = `${ep.ip}:${ep.port}`;
    if (sticky) affinity.set(key, addr);
    if (dead.has(addr)) {
      failed.push(addr);
      reasons.push(`dial ${addr} failed, retrying`);
      continue;
    }
    return {
      ...base,
      verdict: 'dnat',
      dnat: { ip: ep.ip, port: ep.port },
      endpoint: ep,
      // The proxy opens its own connection: the backend sees the node as the source.
      masquerade: true,
      probability: remembered ? 1 : 1 / eps.length,
      why: reasons.join('; '),
      state: { index, affinity },
      failedAttempts: failed,
    };
  }
  return {
    ...base,
    verdict: 'reject',
    why: `${reasons.join('; ')}; failed to connect to an endpoint`,
    state: { index, affinity },
    failedAttempts: failed,
  };
}
