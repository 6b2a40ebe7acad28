// Helpers for the kernel cross-checks: run commands in network namespaces we create (root only),
// install the tools with apt-get when missing, build a node with its pods and servers (a "lab"),
// and clean everything up afterwards.

import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
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

/** The port every lab server listens on; each connection gets the server's pod name, then FIN. */
export const SERVER_PORT = 8080;
const SERVER = `const name = process.argv[1];
require('net').createServer((s) => s.end(name)).listen(${SERVER_PORT}, '0.0.0.0', () => console.log('ready'));`;

/** A pod of the lab: its namespace is named after it; `serves` starts a server in it. */
export interface LabPod {
  readonly name: string;
  readonly ip: string;
  readonly serves: boolean;
}

/** A node namespace with its pods, the rules loaded and the servers listening. */
export interface NodeLab {
  readonly node: Netns;
  /** Pod name → its namespace. */
  readonly pods: ReadonlyMap<string, Netns>;
  /** Stops the servers (the namespaces go with `Netns.cleanup()`). */
  stop(): void;
}

/** Resolves once the server printed `ready`; rejects when it exits or stays silent for 10 s. */
function listening(server: ChildProcess, name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server in ${name} not listening after 10 s`)), 10_000);
    server.stdout?.setEncoding('utf8');
    server.stdout?.on('data', (chunk: string) => {
      if (!chunk.includes('ready')) return;
      clearTimeout(timer);
      resolve();
    });
    server.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server in ${name} exited (${code ?? 'signal'})`));
    });
  });
}

/**
 * One node namespace routing to pod namespaces (point-to-point veths, /32 routes, as Calico
 * does), the node's rules loaded like kube-proxy does, one Node server per serving pod.
 * `tag` names the namespaces and veths: short (the veth names stay under 15 characters) and
 * unique per test file.
 */
export async function buildNodeLab(
  tag: string,
  nodeIP: string,
  pods: readonly LabPod[],
  rules: IptablesRuleSet,
): Promise<NodeLab> {
  const gateway = '169.254.1.1';
  const node = new Netns(`${tag}-node`);
  const servers: ChildProcess[] = [];
  const stop = (): void => servers.forEach((s) => s.kill());
  try {
    node.exec('sysctl', ['-qw', 'net.ipv4.ip_forward=1']);
    node.exec('sysctl', ['-qw', 'net.ipv4.conf.all.route_localnet=1']);
    node.exec('ip', ['addr', 'add', `${nodeIP}/32`, 'dev', 'lo']); // LOCAL, like eth0's address
    // A default route, as a real node has (else Service IPs are unroutable before filter runs);
    // its veth peer stays inside the namespace, so nothing leaves.
    node.exec('ip', ['link', 'add', 'up0', 'type', 'veth', 'peer', 'name', 'up1']);
    node.exec('ip', ['link', 'set', 'up0', 'up']);
    node.exec('ip', ['link', 'set', 'up1', 'up']);
    node.exec('ip', ['addr', 'add', '192.0.2.1/24', 'dev', 'up0']);
    node.exec('ip', ['route', 'add', 'default', 'via', '192.0.2.2']);
    const podNs = new Map<string, Netns>();
    const ready: Promise<void>[] = [];
    pods.forEach((pod, i) => {
      const ns = new Netns(`${tag}-pod-${i}`);
      podNs.set(pod.name, ns);
      const host = `${tag}h${i}`;
      node.exec('ip', ['link', 'add', host, 'type', 'veth', 'peer', 'name', 'eth0', 'netns', ns.name]);
      node.exec('ip', ['addr', 'add', `${gateway}/32`, 'dev', host]);
      node.exec('ip', ['link', 'set', host, 'up']);
      node.exec('ip', ['route', 'add', `${pod.ip}/32`, 'dev', host]);
      ns.exec('ip', ['addr', 'add', `${pod.ip}/32`, 'dev', 'eth0']);
      ns.exec('ip', ['link', 'set', 'eth0', 'up']);
      ns.exec('ip', ['route', 'add', gateway, 'dev', 'eth0']);
      ns.exec('ip', ['route', 'add', 'default', 'via', gateway]);
      if (pod.serves) {
        const server = spawn('ip', ['netns', 'exec', ns.name, process.execPath, '-e', SERVER, pod.name], {
          stdio: ['ignore', 'pipe', 'ignore'],
        });
        servers.push(server);
        ready.push(listening(server, ns.name));
      }
    });
    loadLikeKubeProxy(node, rules);
    await Promise.all(ready);
    return { node, pods: podNs, stop };
  } catch (e) {
    stop();
    throw e;
  }
}
