// Mirrors how iptables 1.8 prints a rule back (iptables/iptables.c print_firewall and the
// extensions' save callbacks: libxt_comment, libxt_tcp, libxt_addrtype, libxt_conntrack,
// libxt_mark, libxt_statistic, libxt_recent, libxt_nfacct, libxt_MARK, libipt_REJECT, …).

import { formatIPv4, parseCidr, parseIPv4 } from '../../cluster/ipv4.ts';
import { savedProbability } from './probability.ts';
import type { AddressMatch, IptablesRule, ModuleMatch, RuleOption, RuleTarget } from './types.ts';

const quote = (text: string): string => `"${text.replace(/["\\]/g, (c) => `\\${c}`)}"`;
const not = (o: RuleOption): string => (o.negate ? '! ' : '');
const value = (o: RuleOption | undefined): string => o?.values[0] ?? '';

/** `10.0.0.1` → `10.0.0.1/32`; a CIDR is masked to its network. */
function address(flag: string, m: AddressMatch): string {
  const cidr = m.address.includes('/') ? parseCidr(m.address) : undefined;
  const ip = parseIPv4(m.address);
  const text = cidr
    ? `${formatIPv4(cidr.base)}/${cidr.prefix}`
    : ip !== undefined
      ? `${formatIPv4(ip)}/32`
      : m.address;
  return `${m.negate ? '! ' : ''}${flag} ${text}`;
}

/** `0x00004000` → `0x4000`. */
const hexNumber = (text: string): string => `0x${(Number.parseInt(text, 16) >>> 0).toString(16)}`;

function markValue(text: string): string {
  const [v = '0', mask] = text.split('/');
  return mask === undefined || Number.parseInt(mask, 16) >>> 0 === 0xffffffff
    ? hexNumber(v)
    : `${hexNumber(v)}/${hexNumber(mask)}`;
}

const CT_STATES = ['INVALID', 'NEW', 'RELATED', 'ESTABLISHED', 'UNTRACKED', 'SNAT', 'DNAT'];

function moduleOptions(m: ModuleMatch): string[] {
  const opt = (name: string): RuleOption | undefined => m.options.find((o) => o.name === name);
  const out: string[] = [];
  const add = (name: string, print: (o: RuleOption) => string): void => {
    const o = opt(name);
    if (o) out.push(`${not(o)}${print(o)}`);
  };
  switch (m.module) {
    case 'comment':
      add('--comment', (o) => `--comment ${quote(value(o))}`);
      break;
    case 'tcp':
    case 'udp':
    case 'sctp':
      add('--sport', (o) => `--sport ${value(o)}`);
      add('--dport', (o) => `--dport ${value(o)}`);
      break;
    case 'addrtype':
      add('--src-type', (o) => `--src-type ${value(o)}`);
      add('--dst-type', (o) => `--dst-type ${value(o)}`);
      break;
    case 'conntrack':
      add('--ctstate', (o) => {
        const states = value(o).split(',');
        return `--ctstate ${CT_STATES.filter((s) => states.includes(s)).join(',')}`;
      });
      break;
    case 'mark':
      add('--mark', (o) => `--mark ${markValue(value(o))}`);
      break;
    case 'statistic':
      add('--mode', (o) => `--mode ${value(o)}`);
      add('--probability', (o) => `--probability ${savedProbability(value(o))}`);
      break;
    case 'recent':
      for (const mode of ['--set', '--rcheck', '--update', '--remove']) add(mode, () => mode);
      add('--seconds', (o) => `--seconds ${value(o)}`);
      add('--reap', () => '--reap');
      add('--name', (o) => `--name ${value(o)} --mask 255.255.255.255 --rsource`);
      break;
    case 'nfacct':
      add('--nfacct-name', (o) => `--nfacct-name  ${value(o)}`);
      break;
    default:
      for (const o of m.options) out.push(`${not(o)}${o.name}${o.values.map((v) => ` ${v}`).join('')}`);
  }
  return out;
}

function targetText(t: RuleTarget): string {
  const opt = (name: string): RuleOption | undefined => t.options.find((o) => o.name === name);
  switch (t.name) {
    case 'MARK': {
      const or = opt('--or-mark');
      const xor = opt('--xor-mark');
      const set = opt('--set-xmark');
      if (or) return `-j MARK --set-xmark ${hexNumber(value(or))}/${hexNumber(value(or))}`;
      if (xor) return `-j MARK --set-xmark ${hexNumber(value(xor))}/0x0`;
      return `-j MARK --set-xmark ${markValue(value(set))}`;
    }
    case 'REJECT':
      return `-j REJECT --reject-with ${value(opt('--reject-with')) || 'icmp-port-unreachable'}`;
    default:
      return [
        `-j ${t.name}`,
        ...t.options.map((o) => `${o.name}${o.values.map((v) => ` ${v}`).join('')}`),
      ].join(' ');
  }
}

/** The `-A …` line iptables-save prints for a rule. */
export function saveRuleText(rule: IptablesRule): string {
  const parts = [`-A ${rule.chain}`];
  if (rule.source) parts.push(address('-s', rule.source));
  if (rule.destination) parts.push(address('-d', rule.destination));
  if (rule.protocol) parts.push(`-p ${rule.protocol}`);
  for (const m of rule.matches) parts.push([`-m ${m.module}`, ...moduleOptions(m)].join(' '));
  if (rule.target) parts.push(targetText(rule.target));
  return parts.join(' ');
}
