// Mirrors kube-proxy pkg/proxy/iptables/proxier.go syncProxyRules (a full sync): the filter and
// nat tables kube-proxy hands to `iptables-restore --noflush --counters`, plus its jump rules.

import { cidrContains, parseCidr, parseIPv4 } from '../../cluster/ipv4.ts';
import type { ProxyConfig, ProxyInput, ProxyServicePort } from '../types.ts';
import { ensuredChains, jumpRules } from './jump-chains.ts';
import { CT_STATE_INVALID_DROPPED, goMark, type SyncContext, type SyncOptions } from './context.ts';
import { tableWriter } from './rule-writer.ts';
import { writeServicePortRules } from './service-rules.ts';
import type { IptablesRuleSet } from './types.ts';

const matchAll = (config: ProxyConfig): boolean =>
  config.nodePortAddresses.length === 0 || config.nodePortAddresses.some((c) => c.trim() === '0.0.0.0/0');

function containsIPv4Loopback(config: ProxyConfig): boolean {
  if (matchAll(config)) return true;
  const loopback = parseIPv4('127.0.0.1') ?? 0;
  return config.nodePortAddresses.some((c) => {
    const cidr = parseCidr(c.trim());
    return cidr !== undefined && cidrContains(cidr, loopback);
  });
}

/** `--nodeport-addresses` CIDRs resolved to this node's addresses (GetNodeIPs). */
function nodePortIPs(config: ProxyConfig): string[] {
  const candidates = [...config.nodeIPs, '127.0.0.1'].filter((ip) => parseIPv4(ip) !== undefined);
  return [...new Set(candidates)].filter((ip) =>
    config.nodePortAddresses.some((c) => {
      const cidr = parseCidr(c.trim());
      return cidr !== undefined && cidrContains(cidr, parseIPv4(ip) ?? -1);
    }),
  );
}

const byName = (a: ProxyServicePort, b: ProxyServicePort): number => {
  const ka = `${a.namespace}/${a.name}:${a.portName}/${a.protocol}`;
  const kb = `${b.namespace}/${b.name}:${b.portName}/${b.protocol}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
};

/** One full sync for an IPv4 proxier. */
export function syncProxyRules(input: ProxyInput, options: SyncOptions = {}): IptablesRuleSet {
  const { config } = input;
  const filter = tableWriter('filter');
  const nat = tableWriter('nat');
  const services = input.services
    .filter(
      (s) => s.type !== 'ExternalName' && s.clusterIP !== undefined && parseIPv4(s.clusterIP) !== undefined,
    )
    .slice()
    .sort(byName);
  const totalEndpoints = services.reduce((n, s) => n + s.endpoints.length, 0);
  const cidr = config.clusterCIDR;
  const ctx: SyncContext = {
    config,
    masqueradeMark: options.masqueradeMark ?? goMark(config.masqueradeBit),
    localhostNodePorts: config.localhostNodePorts && containsIPv4Loopback(config),
    filter,
    nat,
    ifLocal: cidr === undefined ? undefined : ['-s', cidr],
    ifNotLocal: cidr === undefined ? undefined : ['!', '-s', cidr],
    largeClusterMode: totalEndpoints > 1000,
  };
  const mark = ctx.masqueradeMark;

  for (const c of [
    'KUBE-SERVICES',
    'KUBE-EXTERNAL-SERVICES',
    'KUBE-FORWARD',
    'KUBE-NODEPORTS',
    'KUBE-PROXY-FIREWALL',
  ])
    filter.chain(c);
  for (const c of ['KUBE-SERVICES', 'KUBE-NODEPORTS', 'KUBE-POSTROUTING', 'KUBE-MARK-MASQ']) nat.chain(c);

  nat.rule('KUBE-POSTROUTING', '-m', 'mark', '!', '--mark', `${mark}/${mark}`, '-j', 'RETURN');
  // Clear the mark so a packet that re-traverses the stack is not masqueraded twice.
  nat.rule('KUBE-POSTROUTING', '-j', 'MARK', '--xor-mark', mark);
  nat.rule(
    'KUBE-POSTROUTING',
    '-m',
    'comment',
    '--comment',
    '"kubernetes service traffic requiring SNAT"',
    '-j',
    'MASQUERADE',
    config.randomFully ? ['--random-fully'] : [],
  );
  nat.rule('KUBE-MARK-MASQ', '-j', 'MARK', '--or-mark', mark);

  if (ctx.localhostNodePorts) {
    // route_localnet opens 127.0.0.0/8 to the network (issue 90259); this rule closes it again.
    filter.chain('KUBE-FIREWALL');
    filter.rule(
      'KUBE-FIREWALL',
      '-m',
      'comment',
      '--comment',
      '"block incoming localnet connections"',
      '-d',
      '127.0.0.0/8',
      '!',
      '-s',
      '127.0.0.0/8',
      '-m',
      'conntrack',
      '!',
      '--ctstate',
      'RELATED,ESTABLISHED,DNAT',
      '-j',
      'DROP',
    );
  }

  for (const svc of services) writeServicePortRules(ctx, svc);

  // Tail call to KUBE-NODEPORTS: must stay after every service portal rule.
  const lastComment = '"kubernetes service nodeports; NOTE: this must be the last rule in this chain"';
  if (matchAll(config)) {
    const destinations = ['-m', 'addrtype', '--dst-type', 'LOCAL'];
    if (!ctx.localhostNodePorts) destinations.push('!', '-d', '127.0.0.0/8');
    nat.rule(
      'KUBE-SERVICES',
      '-m',
      'comment',
      '--comment',
      lastComment,
      destinations,
      '-j',
      'KUBE-NODEPORTS',
    );
  } else {
    for (const ip of nodePortIPs(config)) {
      if (ip.startsWith('127.') && !ctx.localhostNodePorts) continue;
      nat.rule('KUBE-SERVICES', '-m', 'comment', '--comment', lastComment, '-d', ip, '-j', 'KUBE-NODEPORTS');
    }
  }

  // INVALID packets would reset connections unless nf_conntrack_tcp_be_liberal is set.
  if (!config.conntrackTCPBeLiberal) {
    const counter = config.nfacct.ctStateInvalidDroppedPkts
      ? ['-m', 'nfacct', '--nfacct-name', CT_STATE_INVALID_DROPPED]
      : [];
    filter.rule('KUBE-FORWARD', '-m', 'conntrack', '--ctstate', 'INVALID', counter, '-j', 'DROP');
  }
  filter.rule(
    'KUBE-FORWARD',
    '-m',
    'comment',
    '--comment',
    '"kubernetes forwarding rules"',
    '-m',
    'mark',
    '--mark',
    `${mark}/${mark}`,
    '-j',
    'ACCEPT',
  );
  filter.rule(
    'KUBE-FORWARD',
    '-m',
    'comment',
    '--comment',
    '"kubernetes forwarding conntrack rule"',
    '-m',
    'conntrack',
    '--ctstate',
    'RELATED,ESTABLISHED',
    '-j',
    'ACCEPT',
  );

  return { tables: [filter.done(), nat.done()], ensuredChains: ensuredChains(), jumps: jumpRules() };
}
