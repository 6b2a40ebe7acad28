// The transaction text kube-proxy hands to `nft -f -` (sigs.k8s.io/knftables: Transaction.String
// and Fake.Dump): `add table ip kube-proxy { … }`, `add chain …`, `add rule …`, `add element …`.

import type { NftChain, NftElement, NftSet, NftTable } from './model.ts';
import { ruleText } from './rule-text.ts';

export interface TransactionOptions {
  /** Also emit the `flush chain`/`flush set`/`flush map` lines of a real full sync. */
  readonly flushes?: boolean;
}

function chainLine(prefix: string, chain: NftChain): string {
  const props: string[] = [];
  if (chain.base)
    props.push(`type ${chain.base.type} hook ${chain.base.hook} priority ${chain.base.priority}`);
  if (chain.comment !== undefined) props.push(`comment "${chain.comment}"`);
  const body = props.length > 0 ? ` { ${props.map((p) => `${p} ; `).join('')}}` : '';
  return `add chain ${prefix} ${chain.name}${body}`;
}

function setLine(prefix: string, set: NftSet): string {
  const props = [`type ${set.type}`];
  if (set.flags.length > 0) props.push(`flags ${set.flags.join(',')}`);
  if (set.timeout !== undefined) props.push(`timeout ${set.timeout}s`);
  if (set.comment !== undefined) props.push(`comment "${set.comment}"`);
  return `add ${set.kind} ${prefix} ${set.name} { ${props.map((p) => `${p} ; `).join('')}}`;
}

/** `{ 172.30.0.41 . tcp . 80 comment "ns/svc:p" : goto x }` */
export function elementBody(e: NftElement): string {
  const comment = e.comment === undefined ? '' : ` comment "${e.comment}"`;
  const value = e.value === undefined ? '' : ` : ${e.value}`;
  return `${e.key.join(' . ')}${comment}${value}`;
}

export function renderNftablesTransaction(table: NftTable, options: TransactionOptions = {}): string {
  const prefix = `${table.family} ${table.name}`;
  const lines = [`add table ${prefix} { comment "${table.comment}" ; }`];
  for (const chain of table.chains) {
    lines.push(chainLine(prefix, chain));
    if (options.flushes) lines.push(`flush chain ${prefix} ${chain.name}`);
  }
  for (const set of table.sets) {
    lines.push(setLine(prefix, set));
    if (options.flushes) lines.push(`flush ${set.kind} ${prefix} ${set.name}`);
  }
  for (const chain of table.chains) {
    for (const rule of chain.rules) lines.push(`add rule ${prefix} ${chain.name} ${ruleText(rule)}`);
  }
  for (const set of table.sets) {
    for (const e of set.elements) lines.push(`add element ${prefix} ${set.name} { ${elementBody(e)} }`);
  }
  return `${lines.join('\n')}\n`;
}
