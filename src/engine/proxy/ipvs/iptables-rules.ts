// Mirrors kube-proxy pkg/proxy/ipvs/proxier.go writeIptablesRules / createAndLinkKubeChain: the
// iptables rules IPVS mode still needs (ipset matches, masquerade marks, firewall, filters).

import type { ProxyConfig } from '../types.ts';
import type { Ipset, IpvsIptablesRule, IpvsMatch } from './model.ts';

const natChains = [
  'KUBE-SERVICES',
  'KUBE-POSTROUTING',
  'KUBE-NODE-PORT',
  'KUBE-LOAD-BALANCER',
  'KUBE-MARK-MASQ',
];
const filterChains = [
  'KUBE-FORWARD',
  'KUBE-NODE-PORT',
  'KUBE-PROXY-FIREWALL',
  'KUBE-SOURCE-RANGES-FIREWALL',
  'KUBE-IPVS-FILTER',
  'KUBE-IPVS-OUT-FILTER',
];

/** [set, table, from chain, target, match dims, protocol] (ipsetWithIptablesChain). */
const ipsetWithIptablesChain: readonly (readonly [
  string,
  'nat' | 'filter',
  string,
  string,
  string,
  string,
])[] = [
  ['KUBE-LOOP-BACK', 'nat', 'KUBE-POSTROUTING', 'MASQUERADE', 'dst,dst,src', ''],
  ['KUBE-LOAD-BALANCER', 'nat', 'KUBE-SERVICES', 'KUBE-LOAD-BALANCER', 'dst,dst', ''],
  ['KUBE-LOAD-BALANCER-LOCAL', 'nat', 'KUBE-LOAD-BALANCER', 'RETURN', 'dst,dst', ''],
  ['KUBE-NODE-PORT-LOCAL-TCP', 'nat', 'KUBE-NODE-PORT', 'RETURN', 'dst', 'tcp'],
  ['KUBE-NODE-PORT-TCP', 'nat', 'KUBE-NODE-PORT', 'KUBE-MARK-MASQ', 'dst', 'tcp'],
  ['KUBE-NODE-PORT-LOCAL-UDP', 'nat', 'KUBE-NODE-PORT', 'RETURN', 'dst', 'udp'],
  ['KUBE-NODE-PORT-UDP', 'nat', 'KUBE-NODE-PORT', 'KUBE-MARK-MASQ', 'dst', 'udp'],
  ['KUBE-NODE-PORT-LOCAL-SCTP-HASH', 'nat', 'KUBE-NODE-PORT', 'RETURN', 'dst,dst', 'sctp'],
  ['KUBE-NODE-PORT-SCTP-HASH', 'nat', 'KUBE-NODE-PORT', 'KUBE-MARK-MASQ', 'dst,dst', 'sctp'],
  ['KUBE-LOAD-BALANCER-FW', 'filter', 'KUBE-PROXY-FIREWALL', 'KUBE-SOURCE-RANGES-FIREWALL', 'dst,dst', ''],
  ['KUBE-LOAD-BALANCER-SOURCE-CIDR', 'filter', 'KUBE-SOURCE-RANGES-FIREWALL', 'RETURN', 'dst,dst,src', ''],
  ['KUBE-LOAD-BALANCER-SOURCE-IP', 'filter', 'KUBE-SOURCE-RANGES-FIREWALL', 'RETURN', 'dst,dst,src', ''],
];

/** [table, built-in chain, kube chain, comment] (iptablesJumpChain). */
const jumpChains: readonly (readonly ['nat' | 'filter', string, string, string])[] = [
  ['nat', 'OUTPUT', 'KUBE-SERVICES', 'kubernetes service portals'],
  ['nat', 'PREROUTING', 'KUBE-SERVICES', 'kubernetes service portals'],
  ['nat', 'POSTROUTING', 'KUBE-POSTROUTING', 'kubernetes postrouting rules'],
  ['filter', 'FORWARD', 'KUBE-FORWARD', 'kubernetes forwarding rules'],
  ['filter', 'INPUT', 'KUBE-NODE-PORT', 'kubernetes health check rules'],
  ['filter', 'INPUT', 'KUBE-PROXY-FIREWALL', 'kube-proxy firewall rules'],
  ['filter', 'FORWARD', 'KUBE-PROXY-FIREWALL', 'kube-proxy firewall rules'],
  ['filter', 'INPUT', 'KUBE-IPVS-FILTER', 'kubernetes ipvs access filter'],
  ['filter', 'OUTPUT', 'KUBE-IPVS-OUT-FILTER', 'kubernetes ipvs access filter'],
];

function matchText(m: IpvsMatch): string {
  switch (m.k) {
    case 'src':
      return `${m.negated ? '! ' : ''}-s ${m.cidr}`;
    case 'proto':
      return `-p ${m.protocol}`;
    case 'set':
      return `-m set --match-set ${m.set} ${m.dims}`;
    case 'addrtype':
      return `-m addrtype ${m.negated ? '! ' : ''}--${m.dir}-type LOCAL`;
    case 'physdev-not-in':
      return '-m physdev ! --physdev-is-in';
    case 'mark':
      return `-m mark ${m.negated ? '! ' : ''}--mark ${m.mark === 0 ? '0' : `0x${m.mark.toString(16)}`}/0x${m.mark.toString(16)}`;
    case 'ctstate':
      return `-m conntrack --ctstate ${m.states}`;
    case 'comment':
      return `-m comment --comment ${m.text}`;
  }
}

function rule(
  table: 'nat' | 'filter',
  chain: string,
  matches: IpvsMatch[],
  target: string,
  targetArgs = '',
): IpvsIptablesRule {
  const text = [...matches.map(matchText), `-j ${target}`, targetArgs].filter((s) => s !== '').join(' ');
  return { table, chain, matches, target, targetArgs, text };
}

const comment = (text: string): IpvsMatch => ({ k: 'comment', text: `"${text}"` });

export function writeIpvsIptablesRules(
  sets: ReadonlyMap<string, Ipset>,
  config: ProxyConfig,
  mark: number,
  lbNoNodeAccess: readonly { ip: string; protocol: string; port: number }[],
) {
  const nonEmpty = (name: string): boolean => (sets.get(name)?.entries.length ?? 0) > 0;
  const setComment = (name: string): IpvsMatch => comment(sets.get(name)?.comment ?? '');
  const nat: IpvsIptablesRule[] = [
    rule('nat', 'KUBE-SERVICES', [{ k: 'src', cidr: '127.0.0.0/8', negated: false }], 'RETURN'),
  ];
  const filter: IpvsIptablesRule[] = [];
  for (const [set, table, from, to, dims, proto] of ipsetWithIptablesChain) {
    if (!nonEmpty(set)) continue;
    const ms: IpvsMatch[] = proto ? [{ k: 'proto', protocol: proto }] : [];
    ms.push(setComment(set), { k: 'set', set, dims });
    (table === 'nat' ? nat : filter).push(rule(table, from, ms, to));
  }
  if (nonEmpty('KUBE-CLUSTER-IP')) {
    const base = [setComment('KUBE-CLUSTER-IP')];
    if (config.masqueradeAll)
      nat.push(
        rule(
          'nat',
          'KUBE-SERVICES',
          [...base, { k: 'set', set: 'KUBE-CLUSTER-IP', dims: 'dst,dst' }],
          'KUBE-MARK-MASQ',
        ),
      );
    else if (config.clusterCIDR !== undefined) {
      // Off-cluster traffic to a VIP may bounce to another node: masquerade it.
      nat.push(
        rule(
          'nat',
          'KUBE-SERVICES',
          [
            ...base,
            { k: 'set', set: 'KUBE-CLUSTER-IP', dims: 'dst,dst' },
            { k: 'src', cidr: config.clusterCIDR, negated: true },
          ],
          'KUBE-MARK-MASQ',
        ),
      );
    } else
      nat.push(
        rule(
          'nat',
          'KUBE-SERVICES',
          [...base, { k: 'set', set: 'KUBE-CLUSTER-IP', dims: 'src,dst' }],
          'KUBE-MARK-MASQ',
        ),
      );
  }
  for (const set of ['KUBE-EXTERNAL-IP', 'KUBE-EXTERNAL-IP-LOCAL']) {
    if (!nonEmpty(set)) continue;
    const base: IpvsMatch[] = [setComment(set), { k: 'set', set, dims: 'dst,dst' }];
    if (set === 'KUBE-EXTERNAL-IP') nat.push(rule('nat', 'KUBE-SERVICES', base, 'KUBE-MARK-MASQ'));
    nat.push(
      rule(
        'nat',
        'KUBE-SERVICES',
        [...base, { k: 'physdev-not-in' }, { k: 'addrtype', dir: 'src', negated: true }],
        'ACCEPT',
      ),
    );
    nat.push(
      rule('nat', 'KUBE-SERVICES', [...base, { k: 'addrtype', dir: 'dst', negated: false }], 'ACCEPT'),
    );
  }
  nat.push(rule('nat', 'KUBE-SERVICES', [{ k: 'addrtype', dir: 'dst', negated: false }], 'KUBE-NODE-PORT'));
  nat.push(rule('nat', 'KUBE-LOAD-BALANCER', [], 'KUBE-MARK-MASQ'));
  filter.push(rule('filter', 'KUBE-SOURCE-RANGES-FIREWALL', [], 'DROP'));
  for (const e of lbNoNodeAccess) {
    const r = rule('filter', 'KUBE-IPVS-OUT-FILTER', [{ k: 'src', cidr: e.ip, negated: false }], 'DROP');
    filter.push({
      ...r,
      text: `-s ${e.ip} -m ipvs --vaddr ${e.ip} --vproto ${e.protocol} --vport ${e.port} -j DROP`,
    });
  }
  for (const set of ['KUBE-CLUSTER-IP', 'KUBE-LOAD-BALANCER']) {
    if (nonEmpty(set)) nat.push(rule('nat', 'KUBE-SERVICES', [{ k: 'set', set, dims: 'dst,dst' }], 'ACCEPT'));
  }
  filter.push(
    rule(
      'filter',
      'KUBE-FORWARD',
      [comment('kubernetes forwarding rules'), { k: 'mark', mark, negated: false }],
      'ACCEPT',
    ),
  );
  filter.push(
    rule(
      'filter',
      'KUBE-FORWARD',
      [comment('kubernetes forwarding conntrack rule'), { k: 'ctstate', states: 'RELATED,ESTABLISHED' }],
      'ACCEPT',
    ),
  );
  filter.push(
    rule(
      'filter',
      'KUBE-NODE-PORT',
      [
        setComment('KUBE-HEALTH-CHECK-NODE-PORT'),
        { k: 'set', set: 'KUBE-HEALTH-CHECK-NODE-PORT', dims: 'dst' },
      ],
      'ACCEPT',
    ),
  );
  for (const [set, dims] of [
    ['KUBE-LOAD-BALANCER', 'dst,dst'],
    ['KUBE-CLUSTER-IP', 'dst,dst'],
    ['KUBE-EXTERNAL-IP', 'dst,dst'],
    ['KUBE-EXTERNAL-IP-LOCAL', 'dst,dst'],
    ['KUBE-HEALTH-CHECK-NODE-PORT', 'dst'],
  ] as const) {
    filter.push(rule('filter', 'KUBE-IPVS-FILTER', [{ k: 'set', set, dims }], 'RETURN'));
  }
  filter.push(
    rule(
      'filter',
      'KUBE-IPVS-FILTER',
      [
        { k: 'ctstate', states: 'NEW' },
        { k: 'set', set: 'KUBE-IPVS-IPS', dims: 'dst' },
      ],
      'REJECT',
    ),
  );
  nat.push(rule('nat', 'KUBE-POSTROUTING', [{ k: 'mark', mark, negated: true }], 'RETURN'));
  nat.push(rule('nat', 'KUBE-POSTROUTING', [], 'MARK', `--xor-mark 0x${mark.toString(16)}`));
  nat.push(
    rule(
      'nat',
      'KUBE-POSTROUTING',
      [comment('kubernetes service traffic requiring SNAT')],
      'MASQUERADE',
      config.randomFully ? '--random-fully' : '',
    ),
  );
  nat.push(rule('nat', 'KUBE-MARK-MASQ', [], 'MARK', `--or-mark 0x${mark.toString(16)}`));
  const jumps = jumpChains.map(([table, from, to, text]) => rule(table, from, [comment(text)], to));
  return { rules: [...nat, ...filter], jumps, natChains, filterChains };
}
