// Mirrors the rule model of kube-proxy's iptables mode (pkg/util/iptables and its testing
// parser): tables of chains of ordered rules, each rule its matches, target and restore text.

export type IptablesTable = 'filter' | 'nat';

/** `-s`/`-d`, possibly negated (`! -s 10.0.0.0/8`), as written by kube-proxy. */
export interface AddressMatch {
  readonly negate: boolean;
  /** An address or CIDR as written (`10.180.0.1`, `127.0.0.0/8`). */
  readonly address: string;
}

/** One option of a match module or target: `! --ctstate RELATED,ESTABLISHED,DNAT`. */
export interface RuleOption {
  readonly name: string;
  readonly negate: boolean;
  readonly values: readonly string[];
}

/** A `-m MODULE` match and its options, in the order written. */
export interface ModuleMatch {
  readonly module: string;
  readonly options: readonly RuleOption[];
}

/** `-j TARGET` and its options; a chain name for jumps. */
export interface RuleTarget {
  readonly name: string;
  readonly options: readonly RuleOption[];
}

export interface IptablesRule {
  readonly table: IptablesTable;
  readonly chain: string;
  readonly source: AddressMatch | undefined;
  readonly destination: AddressMatch | undefined;
  /** `-p tcp` (lower case), when present. */
  readonly protocol: string | undefined;
  readonly matches: readonly ModuleMatch[];
  /** Undefined for a rule with no `-j` (the KUBE-FW "other traffic … dropped" marker rule). */
  readonly target: RuleTarget | undefined;
  /** The first `--comment`, unquoted. */
  readonly comment: string | undefined;
  /** kube-proxy's arguments after `-A CHAIN`, quoting included. */
  readonly args: readonly string[];
  /** The line kube-proxy writes: `-A CHAIN args…`. */
  readonly text: string;
  /** `restore`: written in the iptables-restore input; `ensure-rule`: a jump from a built-in chain. */
  readonly origin: 'restore' | 'ensure-rule';
}

export interface IptablesTableRules {
  readonly table: IptablesTable;
  /** The `:CHAIN - [0:0]` lines kube-proxy writes, in its order. */
  readonly chains: readonly string[];
  /** The `-A` lines, in the order kube-proxy writes them (rules of different chains interleave). */
  readonly rules: readonly IptablesRule[];
}

/** Everything kube-proxy installs on one node in iptables mode. */
export interface IptablesRuleSet {
  /** The iptables-restore input: filter, then nat. */
  readonly tables: readonly IptablesTableRules[];
  /** Chains created with EnsureChain (they exist even when the restore text does not declare them). */
  readonly ensuredChains: readonly { readonly table: IptablesTable; readonly chain: string }[];
  /** The jump rules from built-in chains, each chain's rules in final (prepended) order. */
  readonly jumps: readonly IptablesRule[];
}

export const BUILTIN_CHAINS: Readonly<Record<IptablesTable, readonly string[]>> = {
  filter: ['INPUT', 'FORWARD', 'OUTPUT'],
  nat: ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'],
};
