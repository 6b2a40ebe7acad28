// One new connection in IPVS mode, in kernel order: nat KUBE-SERVICES (ipset matches, marks),
// filter INPUT chains, the IPVS virtual-server lookup and scheduler (ip_vs_core.c), then
// KUBE-POSTROUTING (hairpin and masquerade).

import { addressMatches, isLocalAddress } from '../nftables/eval-match.ts';
import type { MatchedRule, Packet, ProxyDecision, ProxyInput } from '../types.ts';
import { ipsetHas } from './ipsets.ts';
import type { IpvsIptablesRule, IpvsMatch, IpvsRuleSet, VirtualServer } from './model.ts';
import { virtualServerKey } from './model.ts';
import { renderIpvsadm, sortedVirtualServers } from './render.ts';
import { afterConnection, schedule, type IpvsState } from './scheduler.ts';

export interface IpvsEvaluation extends ProxyDecision {
  readonly virtualServer: VirtualServer | undefined;
  /** The scheduler state after this connection (unchanged when nothing was scheduled). */
  readonly state: IpvsState;
}

interface Pkt {
  saddr: string;
  daddr: string;
  dport: number;
  protocol: string;
  mark: number;
}
type Walk = { matched: MatchedRule[]; visited: number; masq: boolean };

function holds(m: IpvsMatch, p: Pkt, set: IpvsRuleSet, input: ProxyInput): boolean {
  const local = (ip: string): boolean =>
    isLocalAddress(ip, input.config.nodeIPs) || set.dummyAddresses.includes(ip);
  switch (m.k) {
    case 'src':
      return addressMatches(p.saddr, m.cidr) !== m.negated;
    case 'proto':
      return p.protocol === m.protocol;
    case 'set':
      return ipsetHas(
        set.ipsets.find((s) => s.name === m.set),
        m.dims,
        p,
        addressMatches,
      );
    case 'addrtype':
      return local(m.dir === 'src' ? p.saddr : p.daddr) !== m.negated;
    case 'physdev-not-in': {
      const cidr = input.config.clusterCIDR;
      return cidr === undefined || !addressMatches(p.saddr, cidr);
    }
    case 'mark':
      return ((p.mark & m.mark) === m.mark) !== m.negated;
    case 'ctstate':
      return m.states.split(',').includes('NEW');
    case 'comment':
      return true;
  }
}

/** Runs one chain; returns a terminal target or undefined (fell off / RETURN). */
function runChain(
  table: 'nat' | 'filter',
  chain: string,
  rules: readonly IpvsIptablesRule[],
  p: Pkt,
  w: Walk,
  set: IpvsRuleSet,
  input: ProxyInput,
  depth = 0,
): string | undefined {
  if (depth > 16) return undefined;
  const inChain = rules.filter((r) => r.table === table && r.chain === chain);
  for (const [index, r] of inChain.entries()) {
    w.visited++;
    if (!r.matches.every((m) => holds(m, p, set, input))) continue;
    w.matched.push({ where: `${table}/${chain}`, index, text: `-A ${chain} ${r.text}` });
    switch (r.target) {
      case 'RETURN':
        return undefined;
      case 'ACCEPT':
      case 'DROP':
      case 'REJECT':
        return r.target;
      case 'MASQUERADE':
        w.masq = true;
        return 'ACCEPT';
      case 'MARK':
        p.mark = r.targetArgs.startsWith('--xor') ? p.mark ^ set.mark : p.mark | set.mark;
        continue;
      default: {
        const out = runChain(table, r.target, rules, p, w, set, input, depth + 1);
        if (out !== undefined) return out;
      }
    }
  }
  return undefined;
}

function runBuiltin(
  table: 'nat' | 'filter',
  builtin: string,
  p: Pkt,
  w: Walk,
  set: IpvsRuleSet,
  input: ProxyInput,
): string | undefined {
  for (const j of set.jumps.filter((x) => x.table === table && x.chain === builtin)) {
    const out = runChain(table, j.target, set.rules, p, w, set, input);
    if (out !== undefined) return out;
  }
  return undefined;
}

export function evaluateIpvs(
  set: IpvsRuleSet,
  packet: Packet,
  input: ProxyInput,
  state: IpvsState,
): IpvsEvaluation {
  const p: Pkt = {
    saddr: packet.sourceIP,
    daddr: packet.destIP,
    dport: packet.destPort,
    protocol: packet.protocol.toLowerCase(),
    mark: 0,
  };
  const w: Walk = { matched: [], visited: 0, masq: false };
  const base = {
    virtualServer: undefined,
    state,
    dnat: undefined,
    endpoint: undefined,
    probability: undefined,
  };
  const done = (verdict: ProxyDecision['verdict'], why: string): IpvsEvaluation => ({
    ...base,
    verdict,
    why,
    masquerade: false,
    matched: w.matched,
    rulesVisited: w.visited,
  });

  runBuiltin('nat', packet.origin === 'local' ? 'OUTPUT' : 'PREROUTING', p, w, set, input);
  if (packet.origin === 'local') {
    const out = runBuiltin('filter', 'OUTPUT', p, w, set, input);
    if (out === 'DROP' || out === 'REJECT')
      return done(out === 'DROP' ? 'drop' : 'reject', `filter OUTPUT: ${out}`);
  }
  // VIPs sit on kube-ipvs0, so the packet is delivered locally: filter INPUT, then IPVS at LOCAL_IN.
  const filterOut = runBuiltin('filter', 'INPUT', p, w, set, input);
  if (filterOut === 'DROP')
    return done('drop', 'dropped by KUBE-SOURCE-RANGES-FIREWALL (loadBalancerSourceRanges)');
  if (filterOut === 'REJECT')
    return done('reject', 'KUBE-IPVS-FILTER: a port on a service address that no virtual server serves');

  const servers = sortedVirtualServers(set);
  const vsIndex = servers.findIndex(
    (v) => v.protocol.toLowerCase() === p.protocol && v.ip === p.daddr && v.port === p.dport,
  );
  const vs = servers[vsIndex];
  if (!vs) return done('no-match', 'no IPVS virtual server for this address and port');
  const vsLine = renderIpvsadm({ ...set, virtualServers: [vs] }).split('\n')[3] ?? '';
  w.visited++;
  w.matched.push({ where: 'ipvs', index: vsIndex, text: vsLine });
  const reals = [...vs.realServers].sort((a, b) => (a.ip < b.ip ? -1 : a.ip > b.ip ? 1 : a.port - b.port));
  if (reals.length === 0) {
    const local = vs.kind !== 'cluster-ip' && vs.service.externalTrafficPolicy === 'Local';
    return {
      ...done(
        'reject',
        local
          ? 'externalTrafficPolicy Local and no endpoint on this node: the virtual server has no real servers; IPVS answers ICMP port unreachable'
          : 'the virtual server has no real servers (no ready endpoints); IPVS answers ICMP port unreachable',
      ),
      virtualServer: vs,
    };
  }
  const template = state.persistence.get(`${virtualServerKey(vs)}|${p.saddr}`);
  const sticky = reals.find((r) => `${r.ip}:${r.port}` === template);
  const choice = sticky
    ? {
        server: sticky,
        reason: `persistent ${vs.persistentTimeout ?? 0}: ${p.saddr} already has a template for this server`,
        probability: 1,
      }
    : schedule(vs, reals, p.saddr, state);
  if (!choice) return done('no-match', 'scheduler found no server');
  const rs = choice.server;
  w.matched.push({ where: 'ipvs', index: vsIndex, text: `  -> ${rs.ip}:${rs.port}` });
  p.daddr = rs.ip;
  p.dport = rs.port;
  runBuiltin('nat', 'POSTROUTING', p, w, set, input);
  return {
    verdict: 'dnat',
    dnat: { ip: rs.ip, port: rs.port },
    endpoint: rs.endpoint,
    masquerade: w.masq,
    matched: w.matched,
    rulesVisited: w.visited,
    probability: choice.probability,
    why: choice.reason,
    virtualServer: vs,
    state: afterConnection(vs, reals, rs, packet.sourceIP, state),
  };
}
