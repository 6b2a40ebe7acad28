// One new connection through one node's kube-proxy rules, whatever the mode: the mode's own
// evaluator walks the generated rules (no shortcut), and this folds its answer into one shape.

import type { ClusterModel, ProxyMode } from '../cluster/types.ts';
import { proxyInputFromModel } from '../proxy/input.ts';
import { evaluateIptables } from '../proxy/iptables/evaluate.ts';
import { syncProxyRules } from '../proxy/iptables/sync.ts';
import { buildIpvsRuleSet } from '../proxy/ipvs/build.ts';
import { evaluateIpvs } from '../proxy/ipvs/evaluate.ts';
import { emptyIpvsState } from '../proxy/ipvs/scheduler.ts';
import { buildNftablesRuleset } from '../proxy/nftables/build.ts';
import { evaluateNftables } from '../proxy/nftables/evaluate.ts';
import type { MatchedRule, Packet, ProxyInput } from '../proxy/types.ts';
import { buildUserspaceRuleSet } from '../proxy/userspace/build.ts';
import { emptyUserspaceState, evaluateUserspace } from '../proxy/userspace/evaluate.ts';

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
}

type Built =
  | { readonly mode: 'iptables'; readonly rules: ReturnType<typeof syncProxyRules> }
  | { readonly mode: 'ipvs'; readonly set: ReturnType<typeof buildIpvsRuleSet> }
  | { readonly mode: 'nftables'; readonly table: ReturnType<typeof buildNftablesRuleset> }
  | { readonly mode: 'userspace'; readonly set: ReturnType<typeof buildUserspaceRuleSet> };

// Rules are a pure function of (model, node, mode): build them once per model.
const cache = new WeakMap<ClusterModel, Map<string, { input: ProxyInput; built: Built }>>();

function rulesFor(model: ClusterModel, node: string, mode: ProxyMode): { input: ProxyInput; built: Built } {
  let perModel = cache.get(model);
  if (!perModel) {
    perModel = new Map<string, { input: ProxyInput; built: Built }>();
    cache.set(model, perModel);
  }
  const key = `${node}\u0000${mode}`;
  const found = perModel.get(key);
  if (found) return found;
  const base = proxyInputFromModel(model, node);
  const input: ProxyInput = { ...base, config: { ...base.config, mode } };
  const built: Built =
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

/** Walks `packet` (a new connection) through `node`'s rules in `mode`. */
export function proxyAtNode(
  model: ClusterModel,
  node: string,
  mode: ProxyMode,
  packet: Packet,
): NodeProxyDecision {
  const { input, built } = rulesFor(model, node, mode);
  if (built.mode === 'iptables') {
    const e = evaluateIptables(built.rules, packet, input.config, { mode: 'one-connection' });
    const dnat = e.verdict === 'dnat' ? e.destination : undefined;
    return {
      mode,
      verdict: e.verdict,
      dnat,
      pod: dnat ? podAt(input, dnat.ip, dnat.port) : undefined,
      masquerade: e.masquerade,
      matched: e.matched.map((h) => ({ where: `${h.table} ${h.chain}`, index: h.index, text: h.rule.text })),
      rulesVisited: e.rulesVisited,
      probability: dnat ? e.probability : undefined,
    };
  }
  const decision =
    built.mode === 'ipvs'
      ? evaluateIpvs(built.set, packet, input, emptyIpvsState())
      : built.mode === 'nftables'
        ? evaluateNftables(built.table, packet, input)
        : evaluateUserspace(built.set, packet, input, emptyUserspaceState());
  return {
    mode,
    verdict: decision.verdict,
    dnat: decision.dnat,
    pod:
      decision.endpoint?.pod ??
      (decision.dnat ? podAt(input, decision.dnat.ip, decision.dnat.port) : undefined),
    masquerade: decision.masquerade,
    matched: decision.matched,
    rulesVisited: decision.rulesVisited,
    probability: decision.probability,
  };
}
