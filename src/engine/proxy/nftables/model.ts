// The nftables ruleset as data, shaped like knftables' objects (sigs.k8s.io/knftables types.go):
// one table holding chains (with rules), sets and maps (with elements). Rendered by render-*.ts.

/** A base chain's hook: `type filter hook prerouting priority -110`. */
export interface NftBaseChain {
  readonly type: 'filter' | 'nat';
  readonly hook: 'prerouting' | 'input' | 'forward' | 'output' | 'postrouting';
  readonly priority: number;
}

/** One test of a rule, in kube-proxy's own spelling (rendered by rule-text.ts). */
export type NftMatch =
  | { readonly m: 'ct-state-new' }
  /** `ip daddr 1.2.3.4`, `ip saddr != 10.0.0.0/8` */
  | {
      readonly m: 'addr';
      readonly field: 'saddr' | 'daddr';
      readonly negated: boolean;
      readonly value: string;
    }
  /** `ip daddr { a,b }` / `ip saddr != { a , b }`; `text` keeps kube-proxy's joining of the values. */
  | {
      readonly m: 'addr-anon-set';
      readonly field: 'saddr' | 'daddr';
      readonly negated: boolean;
      readonly values: readonly string[];
      readonly text: string;
    }
  /** `ip daddr @cluster-ips` */
  | { readonly m: 'addr-lookup'; readonly field: 'saddr' | 'daddr'; readonly set: string }
  /** `fib saddr type local` */
  | { readonly m: 'fib-local'; readonly field: 'saddr' | 'daddr' }
  /** `mark and 0x4000 == 0` */
  | { readonly m: 'mark-clear'; readonly mark: number };

/** What a rule does once its matches hold. */
export type NftAction =
  | { readonly a: 'jump' | 'goto'; readonly chain: string }
  | { readonly a: 'return' | 'drop' | 'reject' | 'masquerade' }
  | { readonly a: 'mark-or' | 'mark-xor'; readonly mark: number }
  /** `ip daddr . meta l4proto . th dport vmap @m` (key 'dest') or `meta l4proto . th dport vmap @m` (key 'port'). */
  | { readonly a: 'vmap'; readonly key: 'dest' | 'port'; readonly map: string }
  /** `numgen random mod N vmap { 0 : goto A , ... }` */
  | { readonly a: 'numgen'; readonly targets: readonly string[] }
  /** `meta l4proto tcp dnat to 10.0.0.1:80` */
  | { readonly a: 'dnat'; readonly protocol: string; readonly ip: string; readonly port: number }
  /** `update @affinity-… { ip saddr }` (the rule goes on: not a verdict). */
  | { readonly a: 'update'; readonly set: string };

export interface NftRule {
  readonly matches: readonly NftMatch[];
  readonly action: NftAction;
  readonly comment: string | undefined;
}

export interface NftChain {
  readonly name: string;
  readonly base: NftBaseChain | undefined;
  readonly comment: string | undefined;
  readonly rules: NftRule[];
}

/** A set element's key parts (`172.30.0.41 . tcp . 80`); maps add a verdict value (`goto x`, `drop`). */
export interface NftElement {
  readonly key: readonly string[];
  readonly value: string | undefined;
  readonly comment: string | undefined;
}

/** A named set or verdict map. */
export interface NftSet {
  readonly kind: 'set' | 'map';
  readonly name: string;
  /** `ipv4_addr`, `ipv4_addr . inet_proto . inet_service : verdict` */
  readonly type: string;
  readonly flags: readonly string[];
  /** Seconds; affinity sets only. */
  readonly timeout: number | undefined;
  readonly comment: string | undefined;
  readonly elements: NftElement[];
}

export interface NftTable {
  readonly family: 'ip';
  readonly name: string;
  readonly comment: string;
  /** In the order kube-proxy adds them. */
  readonly chains: NftChain[];
  readonly sets: NftSet[];
}

export function findChain(table: NftTable, name: string): NftChain | undefined {
  return table.chains.find((c) => c.name === name);
}

export function findSet(table: NftTable, name: string): NftSet | undefined {
  return table.sets.find((s) => s.name === name);
}

/**
 * A table while a sync fills it, with its chains, sets and element keys indexed by name: a full
 * sync adds tens of thousands of chains, rules and elements, and linear lookups made it quadratic.
 */
export interface NftTableDraft {
  readonly table: NftTable;
  readonly chains: Map<string, NftChain>;
  readonly sets: Map<string, NftSet>;
  /** Per set, the keys present (joined with ` . `), for ensureElem's duplicate check. */
  readonly elementKeys: Map<string, Set<string>>;
}

export function draftTable(table: NftTable): NftTableDraft {
  const draft: NftTableDraft = { table, chains: new Map(), sets: new Map(), elementKeys: new Map() };
  for (const chain of table.chains) draft.chains.set(chain.name, chain);
  for (const set of table.sets) indexSet(draft, set);
  return draft;
}

function indexSet(draft: NftTableDraft, set: NftSet): void {
  draft.sets.set(set.name, set);
  draft.elementKeys.set(set.name, new Set(set.elements.map((e) => e.key.join(' . '))));
}

/** Adds a set or map (kube-proxy's tx.Add of a Set or Map). */
export function addSet(draft: NftTableDraft, set: NftSet): void {
  draft.table.sets.push(set);
  indexSet(draft, set);
}

/** Adds a chain once (kube-proxy's ensureChain) and returns it. */
export function ensureChain(
  draft: NftTableDraft,
  name: string,
  base?: NftBaseChain,
  comment?: string,
): NftChain {
  const existing = draft.chains.get(name);
  if (existing) return existing;
  const chain: NftChain = { name, base, comment, rules: [] };
  draft.table.chains.push(chain);
  draft.chains.set(name, chain);
  return chain;
}

export function addRule(
  draft: NftTableDraft,
  chain: string,
  matches: readonly NftMatch[],
  action: NftAction,
  comment?: string,
): void {
  ensureChain(draft, chain).rules.push({ matches, action, comment });
}

/** Adds an element unless an equal key is present (nftElementStorage.ensureElem). */
export function addElement(
  draft: NftTableDraft,
  set: string,
  key: readonly string[],
  value?: string,
  comment?: string,
): void {
  const target = draft.sets.get(set);
  const keys = draft.elementKeys.get(set);
  if (!target || !keys) return;
  const joined = key.join(' . ');
  if (keys.has(joined)) return;
  keys.add(joined);
  target.elements.push({ key, value, comment });
}
