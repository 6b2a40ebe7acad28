// Mirrors kube-proxy pkg/proxy/util LineBuffer: chain lines and rule lines collected per table,
// in write order; each rule is also read back into its structured form.

import { parseRule } from './parse-rule.ts';
import type { IptablesRule, IptablesTable, IptablesTableRules } from './types.ts';

export type Arg = string | readonly string[];

export interface TableWriter {
  readonly table: IptablesTable;
  /** `:CHAIN - [0:0]` */
  chain(name: string): void;
  /** `-A CHAIN args…`; array arguments are flattened, as LineBuffer.Write does. */
  rule(chain: string, ...args: readonly Arg[]): void;
  done(): IptablesTableRules;
}

export function tableWriter(table: IptablesTable): TableWriter {
  const chains: string[] = [];
  const rules: IptablesRule[] = [];
  return {
    table,
    chain: (name) => void chains.push(name),
    rule: (chain, ...args) => {
      // One level of flattening by hand: `Array.prototype.flat` was a third of a 10,000-endpoint sync.
      const words: string[] = [];
      for (const a of args) {
        if (typeof a === 'string') words.push(a);
        else for (const w of a) words.push(w);
      }
      rules.push(parseRule(table, chain, words, 'restore'));
    },
    done: () => ({ table, chains, rules }),
  };
}
