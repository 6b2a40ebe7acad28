// Mirrors the kernel's per-rule test for the matches kube-proxy uses (ip_tables' ipt_do_table
// address/protocol check plus xt_comment, xt_tcpudp, xt_addrtype, xt_conntrack, xt_mark,
// xt_statistic, xt_recent, xt_nfacct). Statistic draws come from the walker.

import { cidrContains } from '../../cluster/ipv4.ts';
import { cidrValue, hostCidrValue, ipValue } from '../parsed-address.ts';
import type { AddressMatch, IptablesRule, ModuleMatch, RuleOption } from './types.ts';

/** What a rule can see of one packet of a new connection. */
export interface PacketState {
  readonly sourceIP: string;
  readonly destIP: string;
  readonly destPort: number;
  /** Lower case: tcp, udp, sctp. */
  readonly protocol: string;
  readonly mark: number;
  /** The connection was DNATed (conntrack state DNAT). */
  readonly dnat: boolean;
  readonly isLocal: (ip: string) => boolean;
  /** xt_recent lists: name → source IP → seconds of the last --set. */
  readonly recent: ReadonlyMap<string, ReadonlyMap<string, number>>;
  readonly now: number;
}

/** How the walker resolves `-m statistic`: taken or not, and the probability of that outcome. */
export type StatisticDecision = (probability: string) => boolean;

function addressMatches(m: AddressMatch, ip: string): boolean {
  const value = ipValue(ip);
  const cidr = m.address.includes('/') ? cidrValue(m.address) : hostCidrValue(m.address);
  const inside = value !== undefined && cidr !== undefined && cidrContains(cidr, value);
  return inside !== m.negate;
}

const first = (o: RuleOption): string => o.values[0] ?? '';

function moduleMatches(m: ModuleMatch, p: PacketState, statistic: StatisticDecision): boolean {
  const test = (o: RuleOption, inner: boolean): boolean => inner !== o.negate;
  switch (m.module) {
    case 'comment':
    case 'nfacct': // a counter: always matches
      return true;
    case 'tcp':
    case 'udp':
    case 'sctp':
      return (
        p.protocol === m.module &&
        m.options.every((o) => (o.name === '--dport' ? test(o, Number(first(o)) === p.destPort) : true))
      );
    case 'addrtype':
      return m.options.every((o) =>
        test(o, first(o) === 'LOCAL' && p.isLocal(o.name === '--src-type' ? p.sourceIP : p.destIP)),
      );
    case 'conntrack':
      return m.options.every((o) => {
        const states = first(o).split(',');
        const current = p.dnat ? ['NEW', 'DNAT'] : ['NEW']; // always the first packet of a connection
        return test(
          o,
          states.some((s) => current.includes(s)),
        );
      });
    case 'mark':
      return m.options.every((o) => {
        const [value = '0', mask = '0xffffffff'] = first(o).split('/');
        return test(o, (p.mark & Number.parseInt(mask, 16)) >>> 0 === Number.parseInt(value, 16) >>> 0);
      });
    case 'statistic': {
      const probability = m.options.find((o) => o.name === '--probability');
      return probability ? statistic(first(probability)) : true;
    }
    case 'recent': {
      if (!m.options.some((o) => o.name === '--rcheck')) return true; // --set always matches
      const name = first(
        m.options.find((o) => o.name === '--name') ?? { name: '', negate: false, values: [] },
      );
      const seconds = Number(
        first(m.options.find((o) => o.name === '--seconds') ?? { name: '', negate: false, values: ['0'] }),
      );
      const seen = p.recent.get(name)?.get(p.sourceIP);
      return seen !== undefined && (seconds === 0 || p.now - seen <= seconds);
    }
    default:
      return false;
  }
}

/** Does `rule` match the packet? Statistic matches are decided by `statistic` (called only when reached). */
export function ruleMatches(rule: IptablesRule, p: PacketState, statistic: StatisticDecision): boolean {
  if (rule.source && !addressMatches(rule.source, p.sourceIP)) return false;
  if (rule.destination && !addressMatches(rule.destination, p.destIP)) return false;
  if (rule.protocol && rule.protocol !== p.protocol) return false;
  return rule.matches.every((m) => moduleMatches(m, p, statistic));
}

/** The `--name` of a `-m recent --set` match, when the rule has one. */
export function recentSetName(rule: IptablesRule): string | undefined {
  const m = rule.matches.find((x) => x.module === 'recent' && x.options.some((o) => o.name === '--set'));
  return m?.options.find((o) => o.name === '--name')?.values[0];
}
