// Mirrors kube-proxy pkg/proxy/iptables/proxier.go iptablesJumpChains and
// iptablesKubeletJumpChains: the rules from built-in chains into kube-proxy's chains, installed
// one EnsureRule(Prepend, …) call each (not via iptables-restore), so later calls end up first.

import { parseRule } from './parse-rule.ts';
import type { IptablesRule, IptablesTable } from './types.ts';

interface JumpChain {
  readonly table: IptablesTable;
  readonly dstChain: string;
  readonly srcChain: string;
  readonly comment: string;
  readonly extraArgs: readonly string[];
}

const NEW = ['-m', 'conntrack', '--ctstate', 'NEW'] as const;

const JUMP_CHAINS: readonly JumpChain[] = [
  {
    table: 'filter',
    dstChain: 'KUBE-EXTERNAL-SERVICES',
    srcChain: 'INPUT',
    comment: 'kubernetes externally-visible service portals',
    extraArgs: NEW,
  },
  {
    table: 'filter',
    dstChain: 'KUBE-EXTERNAL-SERVICES',
    srcChain: 'FORWARD',
    comment: 'kubernetes externally-visible service portals',
    extraArgs: NEW,
  },
  {
    table: 'filter',
    dstChain: 'KUBE-NODEPORTS',
    srcChain: 'INPUT',
    comment: 'kubernetes health check service ports',
    extraArgs: [],
  },
  {
    table: 'filter',
    dstChain: 'KUBE-SERVICES',
    srcChain: 'FORWARD',
    comment: 'kubernetes service portals',
    extraArgs: NEW,
  },
  {
    table: 'filter',
    dstChain: 'KUBE-SERVICES',
    srcChain: 'OUTPUT',
    comment: 'kubernetes service portals',
    extraArgs: NEW,
  },
  {
    table: 'filter',
    dstChain: 'KUBE-FORWARD',
    srcChain: 'FORWARD',
    comment: 'kubernetes forwarding rules',
    extraArgs: [],
  },
  {
    table: 'filter',
    dstChain: 'KUBE-PROXY-FIREWALL',
    srcChain: 'INPUT',
    comment: 'kubernetes load balancer firewall',
    extraArgs: NEW,
  },
  {
    table: 'filter',
    dstChain: 'KUBE-PROXY-FIREWALL',
    srcChain: 'OUTPUT',
    comment: 'kubernetes load balancer firewall',
    extraArgs: NEW,
  },
  {
    table: 'filter',
    dstChain: 'KUBE-PROXY-FIREWALL',
    srcChain: 'FORWARD',
    comment: 'kubernetes load balancer firewall',
    extraArgs: NEW,
  },
  {
    table: 'nat',
    dstChain: 'KUBE-SERVICES',
    srcChain: 'OUTPUT',
    comment: 'kubernetes service portals',
    extraArgs: [],
  },
  {
    table: 'nat',
    dstChain: 'KUBE-SERVICES',
    srcChain: 'PREROUTING',
    comment: 'kubernetes service portals',
    extraArgs: [],
  },
  {
    table: 'nat',
    dstChain: 'KUBE-POSTROUTING',
    srcChain: 'POSTROUTING',
    comment: 'kubernetes postrouting rules',
    extraArgs: [],
  },
  // Duplicates of kubelet's KUBE-FIREWALL jumps (pkg/kubelet/kubelet_network_linux.go), no comment.
  { table: 'filter', dstChain: 'KUBE-FIREWALL', srcChain: 'INPUT', comment: '', extraArgs: [] },
  { table: 'filter', dstChain: 'KUBE-FIREWALL', srcChain: 'OUTPUT', comment: '', extraArgs: [] },
];

/** The chains EnsureChain creates, in call order. */
export function ensuredChains(): { table: IptablesTable; chain: string }[] {
  const seen = new Set<string>();
  const out: { table: IptablesTable; chain: string }[] = [];
  for (const j of JUMP_CHAINS) {
    const id = `${j.table}/${j.dstChain}`;
    if (!seen.has(id)) out.push({ table: j.table, chain: j.dstChain });
    seen.add(id);
  }
  return out;
}

/** One EnsureRule(Prepend, table, chain, args…) call, in kube-proxy's call order. */
export interface EnsureRuleCall {
  readonly table: IptablesTable;
  readonly chain: string;
  /** Arguments as passed to the iptables binary (no shell quoting). */
  readonly args: readonly string[];
}

export function ensureRuleCalls(): EnsureRuleCall[] {
  return JUMP_CHAINS.map((j) => ({
    table: j.table,
    chain: j.srcChain,
    args: [
      ...j.extraArgs,
      ...(j.comment === '' ? [] : ['-m', 'comment', '--comment', j.comment]),
      '-j',
      j.dstChain,
    ],
  }));
}

/** The jump rules as they end up in the built-in chains on a node where only kube-proxy added rules. */
export function jumpRules(): IptablesRule[] {
  const byChain = new Map<string, IptablesRule[]>();
  for (const call of ensureRuleCalls()) {
    const args = call.args.map((a) => (a.includes(' ') ? `"${a}"` : a));
    const id = `${call.table}/${call.chain}`;
    const list = byChain.get(id) ?? [];
    list.unshift(parseRule(call.table, call.chain, args, 'ensure-rule')); // Prepend
    byChain.set(id, list);
  }
  return [...byChain.values()].flat();
}
