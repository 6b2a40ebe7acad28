// One new connection through one node's kube-proxy rules, whatever the mode: the mode's own
// evaluator walks the generated rules (no shortcut), and this folds its answer into one shape.
// With a ProxyState, the walk reads and updates what the rules remember between connections
// (xt_recent lists, nftables affinity sets, IPVS and userspace scheduler state).

import type { ClusterModel, ProxyMode } from '../cluster/types.ts';
import { proxyInputFromModel } from '../proxy/input.ts';
import { evaluateIptables, type IptablesEvaluation } from '../proxy/iptables/evaluate.ts';
import { syncProxyRules } from '../proxy/iptables/sync.ts';
import { buildIpvsRuleSet } from '../proxy/ipvs/build.ts';
import { evaluateIpvs } from '../proxy/ipvs/evaluate.ts';
import { realServerKey } from '../proxy/ipvs/model.ts';
import { emptyIpvsState, type IpvsState } from '../proxy/ipvs/scheduler.ts';
import { buildNftablesRuleset } from '../proxy/nftables/build.ts';
import { evaluateNftables } from '../proxy/nftables/evaluate.ts';
import type { MatchedRule, Packet, ProxyInput } from '../proxy/types.ts';
import { buildUserspaceRuleSet } from '../proxy/userspace/build.ts';
import { emptyUserspaceState, evaluateUserspace, type UserspaceState } from '../proxy/userspace/evaluate.ts';

export interface NodeProxyDecision {
  readonly mode: ProxyMode;
  readonly verdict: 'dnat' | 'accept' | 'reject' | 'drop' | 'no-match';
  readonly dnat: { readonly ip: string; readonly port: number } | undefined;
  /** `namespace/name` of the pod behind `dnat`, when it is one. */
  readonly pod: string | undefined;
  readonly masquerade: boolean;
  /** Every rule, set element or virtual server that matched, in walk order. */
  readonly matched: readonly MatchedRule[];
  readonly rulesVisited: number;
  /** The odds of the backend picked (1 when there was no choice). */
  readonly probability: number | undefined;
  /** The evaluator's reason, when it gives one (IPVS scheduler, userspace round robin, nftables). */
  readonly why?: string;
  /** Userspace: backends whose dial failed before the one chosen. */
  readonly failedAttempts?: readonly string[];
  /** IPVS: the real server's key, to count the connection as active until it closes. */
  readonly ipvsKey?: string;
  /** iptables: the `-m recent --set` lists this connection adds its source to. */
  readonly recentSet?: readonly string[];
}

/** What the rules remember between connections on one node. Mutable: a run owns one per node. */
export interface ProxyState {
  /** xt_recent: list name → source IP → seconds of the last --set. */
  readonly recent: Map<string, Map<string, number>>;
  ipvs: IpvsState;
  userspace: UserspaceState;
  /** nftables affinity sets: set name → client IPs. */
  readonly nft: Map<string, string[]>;
}

export const emptyProxyState = (): ProxyState => ({
  recent: new Map(),
  ipvs: emptyIpvsState(),
  userspace: emptyUserspaceState(),
  nft: new Map(),
});

export type BuiltRules =
  | { readonly mode: 'iptables'; readonly rules: ReturnType<typeof syncProxyRules> }
  | { readonly mode: 'ipvs'; readonly set: ReturnType<typeof buildIpvsRuleSet> }
  | { readonly mode: 'nftables'; readonly table: ReturnType<typeof buildNftablesRuleset> }
  | { readonly mode: 'userspace'; readonly set: ReturnType<typeof buildUserspaceRuleSet> };

// Rules are a pure function of (model, node, mode): build them once per model.
const cache = new WeakMap<ClusterModel, Map<string, { input: ProxyInput; built: BuiltRules }>>();

/** The node's kube-proxy input and rules for `mode`, built once per model. */
export function rulesFor(
  model: ClusterModel,
  node: string,
  mode: ProxyMode,
): { input: ProxyInput; built: BuiltRules } {
  let perModel = cache.get(model);
  if (!perModel) {
    perModel = new Map<string, { input: ProxyInput; built: BuiltRules }>();
    cache.set(model, perModel);
  }
  const key = `${node}\u0000${mode}`;
  const found = perModel.get(key);
  if (found) return found;
  const input: ProxyInput = proxyInputFromModel(model, node, mode);
  const built: BuiltRules =
    mode === 'iptables'
      ? { mode, rules: syncProxyRules(input) }
      : mode === 'ipvs'
        ? { mode, set: buildIpvsRuleSet(input) }
        : mode === 'nftables'
          ? { mode, table: buildNftablesRuleset(input) }
          : { mode, set: buildUserspaceRuleSet(input) };
  const entry = { input, built };
  perModel.set(key, entry);
  return entry;
}

function podAt(input: ProxyInput, ip: string, port: number): string | undefined {
  for (const svc of input.services)
    for (const ep of svc.endpoints) if (ep.ip === ip && ep.port === port) return ep.pod;
  return undefined;
}

/** An iptables evaluation folded into the common shape. */
export function iptablesDecision(e: IptablesEvaluation, input: ProxyInput): NodeProxyDecision {
  const dnat = e.verdict === 'dnat' ? e.destination : undefined;
  return {
    mode: 'iptables',
    verdict: e.verdict,
    dnat,
    pod: dnat ? podAt(input, dnat.ip, dnat.port) : undefined,
    masquerade: e.masquerade,
    matched: e.matched.map((h) => ({ where: `${h.table} ${h.chain}`, index: h.index, text: h.rule.text })),
    rulesVisited: e.rulesVisited,
    probability: dnat ? e.probability : undefined,
    recentSet: e.recentSet,
  };
}

/** Optional inputs of a stateful walk. */
export interface WalkContext {
  readonly state?: ProxyState;
  /** Seconds, for xt_recent's `--rcheck --seconds`. */
  readonly now?: number;
  /** Userspace: backends (`ip:port`) whose dial fails (nothing listens, pod gone). */
  readonly dead?: ReadonlySet<string>;
}

/** Walks `packet` (a new connection) through `node`'s rules in `mode`; `state` is read and updated. */
export function proxyAtNode(
  model: ClusterModel,
  node: string,
  mode: ProxyMode,
  packet: Packet,
  context: WalkContext = {},
): NodeProxyDecision {
  const { input, built } = rulesFor(model, node, mode);
  const state = context.state;
  if (built.mode === 'iptables') {
    const e = evaluateIptables(built.rules, packet, input.config, {
      mode: 'one-connection',
      ...(state ? { recent: state.recent } : {}),
      now: context.now ?? 0,
    });
    if (state && e.verdict === 'dnat')
      for (const name of e.recentSet) {
        const list = state.recent.get(name) ?? new Map<string, number>();
        list.set(packet.sourceIP, context.now ?? 0);
        state.recent.set(name, list);
      }
    return iptablesDecision(e, input);
  }
  if (built.mode === 'ipvs') {
    const e = evaluateIpvs(built.set, packet, input, state?.ipvs ?? emptyIpvsState());
    if (state) state.ipvs = e.state;
    const rs = e.virtualServer?.realServers.find((r) => r.ip === e.dnat?.ip && r.port === e.dnat.port);
    return {
      ...common(mode, e, input),
      ...(e.virtualServer && rs ? { ipvsKey: realServerKey(e.virtualServer, rs) } : {}),
    };
  }
  if (built.mode === 'nftables') {
    const e = evaluateNftables(built.table, packet, input, { affinity: state?.nft ?? new Map() });
    if (state)
      for (const u of e.affinityUpdates) {
        const members = state.nft.get(u.set) ?? [];
        if (!members.includes(u.ip)) state.nft.set(u.set, [...members, u.ip]);
      }
    return common(mode, e, input);
  }
  const e = evaluateUserspace(
    built.set,
    packet,
    input,
    state?.userspace ?? emptyUserspaceState(),
    context.dead,
  );
  if (state) state.userspace = e.state;
  return { ...common(mode, e, input), failedAttempts: e.failedAttempts };
}

function common(
  mode: ProxyMode,
  d: {
    readonly verdict: NodeProxyDecision['verdict'];
    readonly dnat: NodeProxyDecision['dnat'];
    readonly endpoint: { readonly pod: string | undefined } | undefined;
    readonly masquerade: boolean;
    readonly matched: readonly MatchedRule[];
    readonly rulesVisited: number;
    readonly probability: number | undefined;
    readonly why: string;
  },
  input: ProxyInput,
): NodeProxyDecision {
  return {
    mode,
    verdict: d.verdict,
    dnat: d.dnat,
    pod: d.endpoint?.pod ?? (d.dnat ? podAt(input, d.dnat.ip, d.dnat.port) : undefined),
    masquerade: d.masquerade,
    matched: d.matched,
    rulesVisited: d.rulesVisited,
    probability: d.probability,
    why: d.why,
  };
}
