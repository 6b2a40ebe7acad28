// Mirrors the end of kube-proxy pkg/proxy/iptables/proxier.go syncProxyRules: the text handed to
// `iptables-restore --noflush --counters` (*filter, chain lines, rules, COMMIT, then *nat).

import type { IptablesRuleSet } from './types.ts';

/** The restore input, lines in kube-proxy's write order, newline-terminated. */
export function renderRestore(rules: IptablesRuleSet): string {
  const lines: string[] = [];
  for (const table of rules.tables) {
    lines.push(`*${table.table}`);
    for (const chain of table.chains) lines.push(`:${chain} - [0:0]`);
    for (const rule of table.rules) lines.push(rule.text);
    lines.push('COMMIT');
  }
  return `${lines.join('\n')}\n`;
}
