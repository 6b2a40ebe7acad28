// Memoised rule walks per exact packet class (node, mode, source, destination, port, protocol,
// origin). The class's random choices are read once from the rules themselves — iptables'
// trace-all walk lists every `-m statistic` branch with its probability (upstream's
// proxier_test.go tracePacket); nftables' numgen gives 1/n — and each outcome's decision is a
// real walk made the first time a draw lands on it. A replay consumes exactly the draws the walk
// would (`random() < p` per statistic rule in order; `floor(random() · n)` for numgen), so it
// makes the same decision. Walks that keep state (xt_recent and nftables affinity for ClientIP,
// IPVS and userspace schedulers) are not memoised. A new model starts a new memo.

import type { ClusterModel, ProxyMode } from '../cluster/types.ts';
import { evaluateIptables } from '../proxy/iptables/evaluate.ts';
import type { Packet } from '../proxy/types.ts';
import { rulesFor, type NodeProxyDecision } from './node-proxy.ts';
import { protocolIndex } from './run-context.ts';

interface Branches {
  /** iptables: the statistic probabilities in walk order; outcome k = first k with r < p[k], else p.length. */
  readonly kind: 'statistic' | 'numgen';
  /** numgen: n targets; statistic: the probabilities. */
  readonly p: readonly number[];
  readonly leaves: (NodeProxyDecision | undefined)[];
  /** Set when a replay disagreed and the class walks from then on (its slot holds 'walk'). */
  walked?: boolean;
}
type ClassMemo = Branches | 'walk';

/** A fresh walk of `packet` with the given random source (the memo calls it on a miss). */
export type FreshWalk = (random: () => number, packet: Packet) => NodeProxyDecision;

/**
 * Per model: node → mode → source IP → destination IP → port, protocol and origin. Nested maps
 * keyed by the packet's own strings: a lookup per new connection makes no key string.
 */
type Memos = Map<string, Map<ProxyMode, Map<string, Map<string, Map<number, ClassMemo>>>>>;
const memos = new WeakMap<ClusterModel, Memos>();

/** `map`'s entry for `key`, made empty when missing. */
function level<K, K2, V>(map: Map<K, Map<K2, V>>, key: K): Map<K2, V> {
  let found = map.get(key);
  if (found === undefined) {
    found = new Map();
    map.set(key, found);
  }
  return found;
}

/** The class's entry map (port, protocol and origin then key it as one number, `classKey`). */
function classSlots(model: ClusterModel, node: string, mode: ProxyMode, p: Packet): Map<number, ClassMemo> {
  let perModel = memos.get(model);
  if (!perModel) {
    perModel = new Map();
    memos.set(model, perModel);
  }
  return level(level(level(level(perModel, node), mode), p.sourceIP), p.destIP);
}

function classKey(p: Packet): number {
  return (p.destPort * 3 + protocolIndex(p.protocol)) * 2 + (p.origin === 'local' ? 0 : 1);
}

/**
 * Draws taken by the current lookup, copied only when a miss must replay them: a typed array and
 * a count (emptying an array by its length gave its store back, and each lookup made a new one).
 */
let scratch = new Float64Array(16);
let drawn = 0;

function keep(r: number): void {
  if (drawn === scratch.length) {
    const bigger = new Float64Array(scratch.length * 2);
    bigger.set(scratch);
    scratch = bigger;
  }
  scratch[drawn++] = r;
}

export function packetClass(node: string, mode: ProxyMode, p: Packet): string {
  return `${node}|${mode}|${p.sourceIP}|${p.destIP}|${String(p.destPort)}|${p.protocol}|${p.origin}`;
}

/** Whether the mode's walks can be memoised at all (no scheduler state between connections). */
export const memoisable = (mode: ProxyMode): boolean => mode === 'iptables' || mode === 'nftables';

function iptablesBranches(model: ClusterModel, node: string, packet: Packet): ClassMemo {
  const { input, built } = rulesFor(model, node, 'iptables');
  if (built.mode !== 'iptables') return 'walk';
  const all = evaluateIptables(built.rules, packet, input.config, { mode: 'trace-all' });
  // ClientIP affinity: `-m recent --rcheck` depends on earlier connections.
  if (all.matched.some((h) => h.rule.matches.some((m) => m.module === 'recent'))) return 'walk';
  const p = all.matched.flatMap((h) => (h.probability === undefined ? [] : [h.probability]));
  return { kind: 'statistic', p, leaves: new Array<NodeProxyDecision | undefined>(p.length + 1) };
}

/** Replays the class's branches with `random`; the draws taken are kept in `scratch`. */
function branch(memo: Branches, random: () => number): number {
  if (memo.kind === 'numgen') {
    const n = memo.p[0] ?? 1;
    if (n <= 1) return 0;
    const r = random();
    keep(r);
    return Math.min(n - 1, Math.floor(r * n));
  }
  for (let k = 0; k < memo.p.length; k++) {
    const r = random();
    keep(r);
    if (r < (memo.p[k] ?? 0)) return k;
  }
  return memo.p.length;
}

/** A random source that replays `draws`, then goes on with `random`, counting every call. */
function scripted(
  draws: readonly number[],
  random: () => number,
): { random: () => number; calls: () => number } {
  let i = 0;
  return {
    random: () => {
      const r = i < draws.length ? (draws[i] ?? 0) : random();
      i++;
      return r;
    },
    calls: () => i,
  };
}

/**
 * The decision for one new connection of `packet`'s class, memoised where the rules keep no
 * state. `packet.random` supplies the draws; `fresh` walks the rules for real.
 */
export function memoisedDecision(
  model: ClusterModel,
  node: string,
  mode: ProxyMode,
  packet: Packet,
  fresh: FreshWalk,
): NodeProxyDecision {
  if (!memoisable(mode)) return fresh(packet.random ?? (() => 0), packet);
  const slots = classSlots(model, node, mode, packet);
  const key = classKey(packet);
  return decideInClass(
    slots,
    key,
    slots.get(key),
    model,
    node,
    mode,
    packet,
    packet.random ?? (() => 0),
    fresh,
  );
}

/**
 * Where one packet class's memo lives, found once and kept by a caller that asks for the class
 * again (planned-path.ts), with the class's branches once it has them.
 */
export interface MemoClass {
  readonly slots: Map<number, ClassMemo>;
  readonly key: number;
  branches: Branches | undefined;
  /** The leaf the last decision came from (its index among the class's outcomes), or -1. */
  leaf: number;
}

export function memoClass(model: ClusterModel, node: string, mode: ProxyMode, packet: Packet): MemoClass {
  return {
    slots: classSlots(model, node, mode, packet),
    key: classKey(packet),
    branches: undefined,
    leaf: -1,
  };
}

/**
 * `memoisedDecision` for a class already found (`packet` must be of that class, the mode
 * memoisable). `fresh` is asked for only when the rules must be walked: a class whose branches
 * are known draws, and the leaf they land on is the decision (most connections, after the first).
 */
export function decideInMemoClass(
  found: MemoClass,
  model: ClusterModel,
  node: string,
  mode: ProxyMode,
  packet: Packet,
  random: () => number,
  fresh: () => FreshWalk,
): NodeProxyDecision {
  const known = found.branches;
  const memo = known && known.walked !== true ? known : found.slots.get(found.key);
  let d: NodeProxyDecision;
  let k: number;
  if (memo !== undefined && memo === known) {
    drawn = 0;
    k = branch(known, random);
    const leaf = known.leaves[k];
    if (leaf) {
      found.leaf = k;
      return leaf;
    }
    d = missed(found.slots, found.key, known, k, packet, random, fresh());
  } else {
    d = decideInClass(found.slots, found.key, memo, model, node, mode, packet, random, fresh());
    k = lastLeaf;
  }
  // A miss may have turned the class to walking.
  found.branches = typeof memo === 'object' && memo.walked !== true ? memo : undefined;
  found.leaf = found.branches && found.branches.leaves[k] === d ? k : -1;
  return d;
}

/** The leaf `decideInClass` last landed on (-1 when it walked). */
let lastLeaf = -1;

function decideInClass(
  slots: MemoClass['slots'],
  key: number,
  known: ClassMemo | undefined,
  model: ClusterModel,
  node: string,
  mode: ProxyMode,
  packet: Packet,
  random: () => number,
  fresh: FreshWalk,
): NodeProxyDecision {
  lastLeaf = -1;
  let memo = known;
  if (memo === undefined && mode === 'iptables') {
    memo = iptablesBranches(model, node, packet);
    slots.set(key, memo);
  }
  if (memo === 'walk') return fresh(random, packet);
  if (memo === undefined) {
    // nftables: the first walk shows whether numgen is drawn (and over how many targets).
    const draws: number[] = [];
    const d = fresh(() => {
      const r = random();
      draws.push(r);
      return r;
    }, packet);
    const sticky = d.matched.some((m) => m.text.includes('@affinity-'));
    if (sticky || draws.length > 1) slots.set(key, 'walk');
    else {
      const n = draws.length === 0 ? 1 : Math.round(1 / (d.probability ?? 1));
      const created: Branches = {
        kind: 'numgen',
        p: [n],
        leaves: new Array<NodeProxyDecision | undefined>(n),
      };
      created.leaves[draws.length === 0 ? 0 : Math.min(n - 1, Math.floor((draws[0] ?? 0) * n))] = d;
      slots.set(key, created);
    }
    return d;
  }
  drawn = 0;
  const k = branch(memo, random);
  lastLeaf = k;
  const leaf = memo.leaves[k];
  if (leaf) return leaf;
  return missed(slots, key, memo, k, packet, random, fresh);
}

/**
 * The first time the draws (in `scratch`) land on leaf `k`: a walk for real with the same draws,
 * kept as the leaf if it took just those; if not, the class walks from then on.
 */
function missed(
  slots: MemoClass['slots'],
  key: number,
  memo: Branches,
  k: number,
  packet: Packet,
  random: () => number,
  fresh: FreshWalk,
): NodeProxyDecision {
  const draws = Array.from(scratch.subarray(0, drawn));
  const script = scripted(draws, random);
  const d = fresh(script.random, packet);
  if (script.calls() === draws.length) memo.leaves[k] = d;
  else {
    memo.walked = true;
    slots.set(key, 'walk');
  }
  return d;
}
