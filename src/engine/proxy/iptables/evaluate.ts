// Mirrors the netfilter walk of one new connection through kube-proxy's rules (nat PREROUTING or
// OUTPUT, filter, nat POSTROUTING), and, in "trace-all" mode, upstream's test tracer
// (pkg/proxy/iptables/proxier_test.go tracePacket): both branches of every `-m statistic`.

import { cidrContains, parseCidr } from '../../cluster/ipv4.ts';
import { ipValue } from '../parsed-address.ts';
import type { Packet, ProxyConfig } from '../types.ts';
import { kernelProbability } from './probability.ts';
import { recentSetName, ruleMatches, type PacketState } from './match.ts';
import { chainsOf } from './render-save.ts';
import type { IptablesRule, IptablesRuleSet, IptablesTable } from './types.ts';

export type IptablesVerdict = 'accept' | 'dnat' | 'reject' | 'drop' | 'no-match';

/** A rule that matched, where it sits (index in its chain as iptables-save lists it). */
export interface RuleHit {
  readonly table: IptablesTable;
  readonly chain: string;
  readonly index: number;
  readonly rule: IptablesRule;
  /** At a `-m statistic` rule: the probability of the branch taken (trace-all: of jumping). */
  readonly probability?: number;
}

export interface IptablesEvaluation {
  readonly verdict: IptablesVerdict;
  /** Where the connection was DNATed to (trace-all: the first destination). */
  readonly destination: { readonly ip: string; readonly port: number } | undefined;
  /** Upstream tracer's outputs: every DNAT destination (`ip:port`) and filter ACCEPT/REJECT/DROP, in order. */
  readonly outputs: readonly string[];
  /** `outputs` joined by ", " (the packet-flow tables' `output`). */
  readonly output: string;
  /** The connection reached MASQUERADE in KUBE-POSTROUTING (it was marked by KUBE-MARK-MASQ). */
  readonly masquerade: boolean;
  readonly matched: readonly RuleHit[];
  /** One-connection mode: the probability of this path (product of the statistic branches taken). */
  readonly probability: number;
  /** `-m recent --set` lists this connection adds its source to (session affinity). */
  readonly recentSet: readonly string[];
  /** Rules the kernel compared the packet against (iptables walks chains linearly). */
  readonly rulesVisited: number;
}

export interface EvaluateOptions {
  /** `trace-all` (default): follow both branches of statistic rules; `one-connection`: draw `packet.random()`. */
  readonly mode?: 'trace-all' | 'one-connection';
  /** xt_recent state for ClientIP affinity (one-connection): list name → source IP → seconds of last --set. */
  readonly recent?: ReadonlyMap<string, ReadonlyMap<string, number>>;
  /** Current time in seconds (for `--rcheck --seconds`). */
  readonly now?: number;
}

type Outcome = 'terminal' | 'continue';

const index = new WeakMap<IptablesRuleSet, Record<IptablesTable, Map<string, IptablesRule[]>>>();
function chainIndex(rules: IptablesRuleSet): Record<IptablesTable, Map<string, IptablesRule[]>> {
  let found = index.get(rules);
  if (!found) {
    found = { filter: chainsOf(rules, 'filter', true), nat: chainsOf(rules, 'nat', true) };
    index.set(rules, found);
  }
  return found;
}

const option = (rule: IptablesRule, name: string): string | undefined =>
  rule.target?.options.find((o) => o.name === name)?.values[0];

function splitHostPort(text: string): { ip: string; port: number } {
  const at = text.lastIndexOf(':');
  return { ip: text.slice(0, at).replace(/^\[|\]$/g, ''), port: Number(text.slice(at + 1)) };
}

/** Evaluates the rules themselves for one packet of a new connection. */
export function evaluateIptables(
  rules: IptablesRuleSet,
  packet: Packet,
  config: ProxyConfig,
  options: EvaluateOptions = {},
): IptablesEvaluation {
  const traceAll = (options.mode ?? 'trace-all') === 'trace-all';
  const chains = chainIndex(rules);
  const loopback = parseCidr('127.0.0.0/8');
  const isLocal = (ip: string): boolean => {
    const v = ipValue(ip);
    return (
      config.nodeIPs.includes(ip) ||
      ip === '::1' ||
      (v !== undefined && loopback !== undefined && cidrContains(loopback, v))
    );
  };
  const random = packet.random ?? (() => 0);
  let mark = 0;
  let dnat: { ip: string; port: number } | undefined;
  let masquerade = false;
  let probability = 1;
  let filterVerdict: string | undefined;
  const outputs: string[] = [];
  const matched: RuleHit[] = [];
  const recentSet: string[] = [];
  let rulesVisited = 0;
  let destIP = packet.destIP;
  let destPort = packet.destPort;

  // What the rules see changes only when a rule rewrites it: one PacketState until then, and one
  // statistic callback for the walk (not one object and one closure per rule visited).
  const protocol = packet.protocol.toLowerCase();
  const recent = traceAll ? new Map<string, ReadonlyMap<string, number>>() : (options.recent ?? new Map());
  let state: PacketState | undefined;
  const packetNow = (): PacketState => {
    if (
      state?.destIP !== destIP ||
      state.destPort !== destPort ||
      state.mark !== mark ||
      state.dnat !== (dnat !== undefined)
    )
      state = {
        sourceIP: packet.sourceIP,
        destIP,
        destPort,
        protocol,
        mark,
        dnat: dnat !== undefined,
        isLocal,
        recent,
        now: options.now ?? 0,
      };
    return state;
  };
  let branch: number | undefined;
  let statistic = false;
  const decide = (text: string): boolean => {
    statistic = true;
    const p = kernelProbability(text);
    if (traceAll) {
      branch = p;
      return true;
    }
    const taken = random() < p;
    branch = taken ? p : 1 - p;
    probability *= branch;
    return taken;
  };

  const run = (table: IptablesTable, chain: string, depth: number): Outcome => {
    const list = chains[table].get(chain) ?? [];
    if (depth > 32) return 'continue';
    for (let i = 0; i < list.length; i++) {
      const rule = list[i];
      if (!rule) continue;
      rulesVisited++;
      branch = undefined;
      statistic = false;
      if (!ruleMatches(rule, packetNow(), decide)) continue;
      // Read now: a jump below walks other rules, which set them again.
      const taken = branch;
      const drawn = statistic;
      matched.push({
        table,
        chain,
        index: i,
        rule,
        ...(taken === undefined ? {} : { probability: taken }),
      });
      const setName = recentSetName(rule);
      if (setName !== undefined && !traceAll) recentSet.push(setName);
      const target = rule.target?.name;
      if (target === undefined) continue;
      switch (target) {
        case 'MARK': {
          const or = option(rule, '--or-mark');
          const xor = option(rule, '--xor-mark');
          if (or !== undefined) mark = (mark | Number.parseInt(or, 16)) >>> 0;
          if (xor !== undefined) mark = (mark ^ Number.parseInt(xor, 16)) >>> 0;
          continue;
        }
        case 'RETURN':
          return 'continue';
        case 'ACCEPT':
        case 'REJECT':
        case 'DROP':
          if (table === 'filter') {
            outputs.push(target);
            filterVerdict ??= target;
          }
          return 'terminal';
        case 'DNAT': {
          const to = option(rule, '--to-destination') ?? '';
          outputs.push(to);
          dnat ??= splitHostPort(to);
          return 'terminal';
        }
        case 'MASQUERADE':
          masquerade = true;
          return 'terminal';
        default: {
          const outcome = run(table, target, depth + 1);
          // A probabilistic jump that terminated: the tracer keeps collecting the other branches.
          if (outcome === 'terminal' && !(traceAll && drawn)) return 'terminal';
        }
      }
    }
    return 'continue';
  };

  run('nat', packet.origin === 'local' ? 'OUTPUT' : 'PREROUTING', 0);
  if (dnat) {
    destIP = dnat.ip;
    destPort = dnat.port;
  }
  if (traceAll) {
    for (const chain of ['KUBE-SERVICES', 'KUBE-EXTERNAL-SERVICES', 'KUBE-NODEPORTS', 'KUBE-PROXY-FIREWALL'])
      run('filter', chain, 0);
  } else {
    run('filter', packet.origin === 'local' ? 'OUTPUT' : isLocal(destIP) ? 'INPUT' : 'FORWARD', 0);
  }
  const dropped = filterVerdict === 'REJECT' || filterVerdict === 'DROP';
  if (!dropped && (traceAll || !isLocal(destIP))) run('nat', 'POSTROUTING', 0);

  const verdict: IptablesVerdict =
    filterVerdict === 'REJECT'
      ? 'reject'
      : filterVerdict === 'DROP'
        ? 'drop'
        : dnat
          ? 'dnat'
          : filterVerdict === 'ACCEPT'
            ? 'accept'
            : 'no-match';
  return {
    verdict,
    destination: dnat,
    outputs,
    output: outputs.join(', '),
    masquerade,
    matched,
    probability,
    recentSet,
    rulesVisited,
  };
}
