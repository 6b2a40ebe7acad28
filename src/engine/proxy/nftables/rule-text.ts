// One rule as text, twice: as kube-proxy writes it (pkg/proxy/nftables/proxier.go, knftables.Concat)
// and as `nft list ruleset` prints it back (nftables' own normalisation of marks and sets).

import type { NftAction, NftMatch, NftRule } from './model.ts';

/** kube-proxy's mark: the test proxier's `0x4000` spelling. */
export function markText(mark: number): string {
  return `0x${mark.toString(16)}`;
}

/** nft prints marks as 32-bit hex. */
function listedMark(mark: number): string {
  return `0x${mark.toString(16).padStart(8, '0')}`;
}

function matchText(m: NftMatch, listed: boolean): string {
  switch (m.m) {
    case 'ct-state-new':
      return 'ct state new';
    case 'addr':
      return `ip ${m.field} ${m.negated ? '!= ' : ''}${m.value}`;
    case 'addr-anon-set': {
      const op = m.negated ? '!= ' : '';
      // nft turns a one-element anonymous set back into a plain comparison.
      if (listed && m.values.length === 1) return `ip ${m.field} ${op}${m.values[0] ?? ''}`;
      const inner = listed ? m.values.join(', ') : m.text;
      return `ip ${m.field} ${op}{ ${inner} }`;
    }
    case 'addr-lookup':
      return `ip ${m.field} @${m.set}`;
    case 'fib-local':
      return `fib ${m.field} type local`;
    case 'mark-clear':
      return listed ? `meta mark & ${listedMark(m.mark)} == 0x00000000` : `mark and ${markText(m.mark)} == 0`;
  }
}

function actionText(a: NftAction, listed: boolean): string {
  switch (a.a) {
    case 'jump':
    case 'goto':
      return `${a.a} ${a.chain}`;
    case 'return':
    case 'drop':
    case 'reject':
      return a.a;
    case 'masquerade':
      return 'masquerade fully-random';
    case 'mark-or':
      return listed
        ? `meta mark set meta mark | ${listedMark(a.mark)}`
        : `mark set mark or ${markText(a.mark)}`;
    case 'mark-xor':
      return listed
        ? `meta mark set meta mark ^ ${listedMark(a.mark)}`
        : `mark set mark xor ${markText(a.mark)}`;
    case 'vmap':
      return a.key === 'dest'
        ? `ip daddr . meta l4proto . th dport vmap @${a.map}`
        : `meta l4proto . th dport vmap @${a.map}`;
    case 'numgen': {
      const entries = a.targets.map((t, i) => `${i} : goto ${t}`);
      return `numgen random mod ${a.targets.length} vmap { ${entries.join(listed ? ', ' : ' , ')} }`;
    }
    case 'dnat':
      return `meta l4proto ${a.protocol} dnat to ${a.ip}:${a.port}`;
    case 'update':
      return `update @${a.set} { ip saddr }`;
  }
}

/** The rule body (without `add rule ip kube-proxy CHAIN`), with its comment. */
export function ruleText(rule: NftRule, listed = false): string {
  const parts = rule.matches.map((m) => matchText(m, listed));
  parts.push(actionText(rule.action, listed));
  if (rule.comment !== undefined) parts.push(`comment "${rule.comment}"`);
  return parts.join(' ');
}
