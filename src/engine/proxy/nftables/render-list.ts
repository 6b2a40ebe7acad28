// `nft list ruleset` as nftables (src/rule.c, src/expression.c) prints the kube-proxy table: tabs,
// symbolic base-chain priorities, `policy accept;`, sets before chains, elements wrapped.

import type { NftBaseChain, NftChain, NftSet, NftTable } from './model.ts';
import { elementBody } from './render-transaction.ts';
import { ruleText } from './rule-text.ts';

/** nft names standard priorities (±10) where they apply: dstnat on prerouting, srcnat on postrouting. */
function priorityText(base: NftBaseChain): string {
  const named: [string, number][] = [
    ['raw', -300],
    ['mangle', -150],
    ['filter', 0],
    ['security', 50],
  ];
  if (base.hook === 'prerouting') named.push(['dstnat', -100]);
  if (base.hook === 'postrouting') named.push(['srcnat', 100]);
  for (const [name, value] of named) {
    const offset = base.priority - value;
    if (offset === 0) return name;
    if (Math.abs(offset) <= 10) return `${name} ${offset > 0 ? '+' : '-'} ${Math.abs(offset)}`;
  }
  return String(base.priority);
}

/** nft prints timeouts as `3h`, `1d2h`, `90s` → `1m30s`. */
export function durationText(seconds: number): string {
  const units: [string, number][] = [
    ['d', 86400],
    ['h', 3600],
    ['m', 60],
    ['s', 1],
  ];
  let rest = seconds;
  let out = '';
  for (const [unit, size] of units) {
    const n = Math.floor(rest / size);
    if (n > 0) out += `${n}${unit}`;
    rest -= n * size;
  }
  return out === '' ? '0s' : out;
}

function setBlock(set: NftSet): string[] {
  const lines = [`\t${set.kind} ${set.name} {`, `\t\ttype ${set.type}`];
  if (set.flags.length > 0) lines.push(`\t\tflags ${set.flags.join(',')}`);
  if (set.timeout !== undefined) lines.push(`\t\ttimeout ${durationText(set.timeout)}`);
  if (set.comment !== undefined) lines.push(`\t\tcomment "${set.comment}"`);
  if (set.elements.length > 0) {
    // Plain addresses go two to a line, concatenations one to a line.
    const perLine = set.type.includes(' . ') ? 1 : 2;
    let text = '';
    set.elements.forEach((e, i) => {
      if (i > 0) text += i % perLine === 0 ? ',\n\t\t\t     ' : ', ';
      text += elementBody(e);
    });
    lines.push(`\t\telements = { ${text} }`);
  }
  lines.push('\t}');
  return lines;
}

function chainBlock(chain: NftChain): string[] {
  const lines = [`\tchain ${chain.name} {`];
  if (chain.comment !== undefined) lines.push(`\t\tcomment "${chain.comment}"`);
  if (chain.base) {
    const b = chain.base;
    lines.push(`\t\ttype ${b.type} hook ${b.hook} priority ${priorityText(b)}; policy accept;`);
  }
  for (const rule of chain.rules) lines.push(`\t\t${ruleText(rule, true)}`);
  lines.push('\t}');
  return lines;
}

export function renderNftListRuleset(table: NftTable): string {
  const blocks = [...table.sets.map(setBlock), ...table.chains.map(chainBlock)];
  const body = blocks.map((b) => b.join('\n')).join('\n\n');
  return `table ${table.family} ${table.name} {\n\tcomment "${table.comment}"\n${body}\n}\n`;
}
