// Helpers for the kernel cross-checks: run commands in network namespaces we create (root only),
// install the tools with apt-get when missing, and clean everything up afterwards.

import { execFileSync, spawnSync } from 'node:child_process';
import { ensureRuleCalls } from '../../src/engine/proxy/iptables/jump-chains.ts';
import { renderRestore } from '../../src/engine/proxy/iptables/render-restore.ts';
import type { IptablesRuleSet } from '../../src/engine/proxy/iptables/types.ts';

export function run(cmd: string, args: readonly string[], input?: string): string {
  return execFileSync(cmd, args, { encoding: 'utf8', input, stdio: ['pipe', 'pipe', 'pipe'] });
}

export function tryRun(
  cmd: string,
  args: readonly string[],
  input?: string,
): { ok: boolean; out: string; err: string } {
  const r = spawnSync(cmd, args, { encoding: 'utf8', input });
  return { ok: r.status === 0, out: r.stdout ?? '', err: r.stderr ?? '' };
}

export const has = (cmd: string): boolean => tryRun('sh', ['-c', `command -v ${cmd}`]).ok;

/** Why the kernel checks cannot run here, or undefined when they can (installing iptables/iproute2 if needed). */
export function kernelUnavailable(): string | undefined {
  if (process.platform !== 'linux') return 'not Linux';
  if (process.getuid?.() !== 0) return 'not root (ip netns and iptables-restore need CAP_NET_ADMIN)';
  const missing = ['ip', 'iptables-restore', 'iptables-save'].filter((c) => !has(c));
  if (missing.length > 0 && has('apt-get')) {
    tryRun('apt-get', ['update', '-qq']);
    tryRun('apt-get', ['install', '-y', '-qq', 'iptables', 'iproute2']);
  }
  const still = ['ip', 'iptables-restore', 'iptables-save'].filter((c) => !has(c));
  if (still.length > 0) return `missing ${still.join(', ')}`;
  const probe = `pwprobe${process.pid}`;
  const made = tryRun('ip', ['netns', 'add', probe]);
  if (!made.ok) return `ip netns add failed: ${made.err.trim()}`;
  const save = tryRun('ip', ['netns', 'exec', probe, 'iptables-save']);
  tryRun('ip', ['netns', 'del', probe]);
  return save.ok ? undefined : `iptables-save in a netns failed: ${save.err.trim()}`;
}

/** A network namespace that is deleted by `cleanup()`. */
export class Netns {
  private static all: Netns[] = [];
  constructor(readonly name: string) {
    run('ip', ['netns', 'add', name]);
    Netns.all.push(this);
    this.exec('ip', ['link', 'set', 'lo', 'up']);
  }
  exec(cmd: string, args: readonly string[], input?: string): string {
    return run('ip', ['netns', 'exec', this.name, cmd, ...args], input);
  }
  try(cmd: string, args: readonly string[], input?: string): { ok: boolean; out: string; err: string } {
    return tryRun('ip', ['netns', 'exec', this.name, cmd, ...args], input);
  }
  static cleanup(): void {
    for (const ns of Netns.all.splice(0)) tryRun('ip', ['netns', 'del', ns.name]);
  }
}

/** iptables-save output without its `#` comment lines, split into tables by name. */
export function saveTables(text: string): Map<string, string> {
  const tables = new Map<string, string>();
  let name = '';
  let lines: string[] = [];
  for (const line of text.split('\n')) {
    if (line.startsWith('#') || line.trim() === '') continue;
    if (line.startsWith('*')) {
      name = line.slice(1);
      lines = [line];
    } else lines.push(line);
    if (line === 'COMMIT') tables.set(name, `${lines.join('\n')}\n`);
  }
  return tables;
}

/** What kube-proxy does on a full sync: EnsureChain + EnsureRule(Prepend) per jump, then iptables-restore. */
export function loadLikeKubeProxy(ns: Netns, rules: IptablesRuleSet): void {
  for (const call of ensureRuleCalls()) {
    const target = call.args[call.args.length - 1] ?? '';
    ns.try('iptables', ['-t', call.table, '-N', target]); // EnsureChain: "already exists" is fine
    ns.exec('iptables', ['-t', call.table, '-I', call.chain, '1', ...call.args]);
  }
  ns.exec('iptables-restore', ['--noflush', '--counters'], renderRestore(rules));
}
