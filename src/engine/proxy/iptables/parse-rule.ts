// Mirrors iptables' own option parsing (and pkg/util/iptables/testing/parse.go): a rule's
// arguments, as kube-proxy writes them, read back into matches, options and a target.

import type {
  AddressMatch,
  IptablesRule,
  IptablesTable,
  ModuleMatch,
  RuleOption,
  RuleTarget,
} from './types.ts';

/** Option → [owning module, number of values]. `--dport`/`--sport` belong to the protocol module. */
const MODULE_OPTIONS: Readonly<Record<string, readonly [string, number]>> = {
  '--comment': ['comment', 1],
  '--dport': ['@proto', 1],
  '--sport': ['@proto', 1],
  '--dst-type': ['addrtype', 1],
  '--src-type': ['addrtype', 1],
  '--ctstate': ['conntrack', 1],
  '--mark': ['mark', 1],
  '--mode': ['statistic', 1],
  '--probability': ['statistic', 1],
  '--name': ['recent', 1],
  '--set': ['recent', 0],
  '--rcheck': ['recent', 0],
  '--seconds': ['recent', 1],
  '--reap': ['recent', 0],
  '--nfacct-name': ['nfacct', 1],
};

const TARGET_OPTIONS: Readonly<Record<string, number>> = {
  '--or-mark': 1,
  '--xor-mark': 1,
  '--set-xmark': 1,
  '--to-destination': 1,
  '--random-fully': 0,
  '--reject-with': 1,
};

const PROTOCOL_MODULES = new Set(['tcp', 'udp', 'sctp']);

/** `"a b"` → `a b`; kube-proxy quotes comments that contain spaces. */
export function unquote(token: string): string {
  return token.length >= 2 && token.startsWith('"') && token.endsWith('"') ? token.slice(1, -1) : token;
}

interface Building {
  module: string;
  options: RuleOption[];
}

/** Reads `args` (everything after `-A CHAIN`) into a structured rule. Throws on an unknown option: only Podwire's own generator calls this. */
export function parseRule(
  table: IptablesTable,
  chain: string,
  args: readonly string[],
  origin: IptablesRule['origin'],
): IptablesRule {
  let source: AddressMatch | undefined;
  let destination: AddressMatch | undefined;
  let protocol: string | undefined;
  const matches: Building[] = [];
  let target: { name: string; options: RuleOption[] } | undefined;
  let negate = false;
  for (let i = 0; i < args.length; i++) {
    const token = args[i] ?? '';
    const next = (): string => {
      i++;
      const value = args[i];
      if (value === undefined) throw new Error(`iptables rule: ${token} needs a value`);
      return value;
    };
    if (token === '!') {
      negate = true;
      continue;
    }
    if (token === '-s') source = { negate, address: next() };
    else if (token === '-d') destination = { negate, address: next() };
    else if (token === '-p') protocol = next().toLowerCase();
    else if (token === '-m') matches.push({ module: next(), options: [] });
    else if (token === '-j') target = { name: next(), options: [] };
    else if (target && token in TARGET_OPTIONS) {
      const arity = TARGET_OPTIONS[token] ?? 0;
      const values: string[] = [];
      for (let k = 0; k < arity; k++) values.push(next());
      target.options.push({ name: token, negate, values });
    } else {
      const spec = MODULE_OPTIONS[token];
      if (!spec) throw new Error(`iptables rule: unknown option ${token}`);
      const [owner, arity] = spec;
      const module = [...matches]
        .reverse()
        .find((m) => (owner === '@proto' ? PROTOCOL_MODULES.has(m.module) : m.module === owner));
      if (!module) throw new Error(`iptables rule: ${token} without -m ${owner}`);
      const values: string[] = [];
      for (let k = 0; k < arity; k++) values.push(unquote(next()));
      module.options.push({ name: token, negate, values });
    }
    negate = false;
  }
  const comment = matches.find((m) => m.module === 'comment')?.options[0]?.values[0];
  const frozenMatches: readonly ModuleMatch[] = matches;
  const frozenTarget: RuleTarget | undefined = target;
  return {
    table,
    chain,
    source,
    destination,
    protocol,
    matches: frozenMatches,
    target: frozenTarget,
    comment,
    args,
    text: ['-A', chain, ...args].join(' '),
    origin,
  };
}

/** The values of a module option in a rule, or undefined when the rule has no such option. */
export function findOption(rule: IptablesRule, module: string, option: string): RuleOption | undefined {
  for (const m of rule.matches) {
    if (m.module !== module) continue;
    const found = m.options.find((o) => o.name === option);
    if (found) return found;
  }
  return undefined;
}
