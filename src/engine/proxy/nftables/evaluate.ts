// Walks one new connection through the kube-proxy nftables table as the kernel would: base chains
// per hook in priority order, jump/goto/return, verdict maps, numgen, dnat, marks, masquerade.

import type { MatchedRule, Packet, ProxyDecision, ProxyEndpoint, ProxyInput } from '../types.ts';
import { elementBody } from './render-transaction.ts';
import { ruleText } from './rule-text.ts';
import { isLocalAddress, lookupElement, matchHolds, type MatchEnv, type WalkPacket } from './eval-match.ts';
import { findChain, type NftAction, type NftBaseChain, type NftTable } from './model.ts';
import { nftContext } from './setup.ts';

/** State kept between connections: the affinity sets' members (set name → client IPs). */
export interface NftState {
  readonly affinity: ReadonlyMap<string, readonly string[]>;
}

export interface NftEvaluation extends ProxyDecision {
  /** `update @affinity-…` statements that ran: add `ip` to `set` for the next connection. */
  readonly affinityUpdates: readonly { readonly set: string; readonly ip: string }[];
}

type Outcome =
  | { readonly kind: 'continue' }
  | { readonly kind: 'verdict'; readonly verdict: 'accept' | 'drop' | 'reject' };
const CONTINUE: Outcome = { kind: 'continue' };

class Walk {
  readonly matched: MatchedRule[] = [];
  readonly updates: { set: string; ip: string }[] = [];
  visited = 0;
  masquerade = false;
  dnat: { ip: string; port: number } | undefined;
  probability: number | undefined;
  reasons: string[] = [];
  private depth = 0;

  constructor(
    readonly env: MatchEnv,
    readonly p: WalkPacket,
    readonly random: () => number,
  ) {}

  run(chainName: string): Outcome {
    const chain = findChain(this.env.table, chainName);
    if (!chain || this.depth > 64) return CONTINUE;
    this.depth++;
    try {
      for (const [index, rule] of chain.rules.entries()) {
        this.visited++;
        if (!rule.matches.every((m) => matchHolds(m, this.p, this.env))) continue;
        this.matched.push({ where: chainName, index, text: ruleText(rule, true) });
        if (rule.comment !== undefined) this.reasons.push(rule.comment);
        const out = this.act(rule.action);
        if (out === 'next') continue;
        return out;
      }
      return CONTINUE;
    } finally {
      this.depth--;
    }
  }

  /** 'next' keeps evaluating the chain; an Outcome ends it. */
  private act(a: NftAction): Outcome | 'next' {
    switch (a.a) {
      case 'jump': {
        const out = this.run(a.chain);
        return out.kind === 'verdict' ? out : 'next';
      }
      case 'goto':
        return this.run(a.chain);
      case 'return':
        return CONTINUE;
      case 'drop':
      case 'reject':
        return { kind: 'verdict', verdict: a.a };
      case 'masquerade':
        this.masquerade = true;
        return { kind: 'verdict', verdict: 'accept' };
      case 'mark-or':
        this.p.mark |= a.mark;
        return 'next';
      case 'mark-xor':
        this.p.mark ^= a.mark;
        return 'next';
      case 'update':
        this.updates.push({ set: a.set, ip: this.p.saddr });
        return 'next';
      case 'dnat':
        this.dnat = { ip: a.ip, port: a.port };
        this.p.daddr = a.ip;
        this.p.dport = a.port;
        return { kind: 'verdict', verdict: 'accept' };
      case 'vmap': {
        const hit = lookupElement(this.env, a.map, a.key, this.p);
        if (!hit) return 'next';
        this.matched.push({ where: a.map, index: hit.index, text: elementBody(hit.element) });
        return this.verdict(hit.element.value ?? '');
      }
      case 'numgen': {
        const n = a.targets.length;
        const pick = Math.min(n - 1, Math.floor(this.random() * n));
        this.probability = 1 / n;
        this.reasons.push(`numgen random mod ${n} gave ${pick}: each endpoint has probability 1/${n}`);
        return this.run(a.targets[pick] ?? '');
      }
    }
  }

  /** A map element's verdict: `goto X`, `jump X`, `drop`, `reject`. */
  private verdict(text: string): Outcome | 'next' {
    const [word, target] = text.split(' ');
    if (word === 'goto' && target) return this.run(target);
    if (word === 'jump' && target) {
      const out = this.run(target);
      return out.kind === 'verdict' ? out : 'next';
    }
    if (word === 'drop' || word === 'reject') return { kind: 'verdict', verdict: word };
    return 'next';
  }
}

/** Base chains on one hook, lowest priority first (kube-proxy's order breaks ties). */
function hookChains(table: NftTable, hook: NftBaseChain['hook']): string[] {
  return table.chains
    .filter((c) => c.base?.hook === hook)
    .sort((a, b) => (a.base?.priority ?? 0) - (b.base?.priority ?? 0))
    .map((c) => c.name);
}

function findEndpoint(input: ProxyInput, ip: string, port: number): ProxyEndpoint | undefined {
  for (const svc of input.services) {
    const ep = svc.endpoints.find((e) => e.ip === ip && e.port === port);
    if (ep) return ep;
  }
  return undefined;
}

/** Evaluates one new connection; `packet.random` feeds `numgen` (0 when absent). */
export function evaluateNftables(
  table: NftTable,
  packet: Packet,
  input: ProxyInput,
  state: NftState = { affinity: new Map() },
): NftEvaluation {
  const env: MatchEnv = { table, nodeIPs: input.config.nodeIPs, dynamic: state.affinity };
  const p: WalkPacket = {
    saddr: packet.sourceIP,
    daddr: packet.destIP,
    dport: packet.destPort,
    protocol: packet.protocol.toLowerCase(),
    mark: 0,
  };
  const walk = new Walk(env, p, packet.random ?? (() => 0));
  const before: NftBaseChain['hook'][] = packet.origin === 'local' ? ['output'] : ['prerouting'];
  let final: 'drop' | 'reject' | undefined;
  const runHook = (hook: NftBaseChain['hook']): void => {
    for (const name of hookChains(table, hook)) {
      const out = walk.run(name);
      if (out.kind === 'verdict' && out.verdict !== 'accept') {
        final = out.verdict;
        return;
      }
    }
  };
  for (const hook of before) if (final === undefined) runHook(hook);
  // Routing: after DNAT, a local destination goes to input, anything else is forwarded.
  if (final === undefined && packet.origin === 'forwarded') {
    runHook(isLocalAddress(p.daddr, input.config.nodeIPs) ? 'input' : 'forward');
  }
  if (final === undefined) runHook('postrouting');
  return decide(walk, final, input, nftContext(input.config).mark);
}

function decide(
  walk: Walk,
  final: 'drop' | 'reject' | undefined,
  input: ProxyInput,
  mark: number,
): NftEvaluation {
  const verdict = final ?? (walk.dnat ? 'dnat' : 'no-match');
  const dnat = verdict === 'dnat' ? walk.dnat : undefined;
  const endpoint = dnat ? findEndpoint(input, dnat.ip, dnat.port) : undefined;
  const sticky = walk.matched.some((m) => m.text.includes('@affinity-') && m.text.startsWith('ip saddr @'));
  let why = walk.reasons.join('; ');
  if (sticky)
    why = `ClientIP session affinity: the client is in the endpoint's affinity set, so it sticks to it`;
  if (verdict === 'no-match') why = 'no kube-proxy rule matched; the packet goes on untouched';
  else if (why === '') {
    const last = walk.matched[walk.matched.length - 1];
    why =
      verdict === 'dnat'
        ? `DNAT to ${dnat?.ip ?? ''}:${dnat?.port ?? 0}`
        : `${verdict} by ${last?.where ?? ''}: ${last?.text ?? ''}`;
  }
  return {
    verdict,
    dnat,
    endpoint,
    masquerade: walk.masquerade || (verdict === 'dnat' && (walk.p.mark & mark) !== 0),
    matched: walk.matched,
    rulesVisited: walk.visited,
    probability: verdict === 'dnat' ? (sticky ? 1 : (walk.probability ?? 1)) : undefined,
    why,
    affinityUpdates: walk.updates,
  };
}
