// Splits a node's kube-proxy rules into one group per Service, so the inspector can fold them.
// A line is a Service's when it names it (iptables comments `"ns/name:port"`, nftables chain
// names `service-HASH-ns/name/tcp/port`), or, in `ipvsadm -Ln`, when it is one of the Service's
// virtual servers or a `->` real server under one. Everything else is kube-proxy's own.

import type { ClusterModel } from '../engine/index.ts';
import type { RuleGroup } from './protocol.ts';

// Namespaces and Service names are DNS labels: lowercase letters, digits and dashes.
const NAMED = /[a-z0-9-]+\/[a-z0-9-]+/g;
const VIRTUAL_SERVER = /^(TCP|UDP|SCTP)\s+(\S+):(\d+)\s/;
const REAL_SERVER = /^\s+->\s/;
const CHAIN_OPEN = /^(\s*)chain \S+ \{$/;

/** The Service a token like `46-default/whale-svc-a` names: the longest suffix after a dash that is one. */
function namedService(token: string, keys: ReadonlySet<string>): string | undefined {
  const slash = token.indexOf('/');
  for (let at = 0; ;) {
    const candidate = token.slice(at);
    if (keys.has(candidate)) return candidate;
    const dash = token.indexOf('-', at);
    if (dash < 0 || dash > slash) return undefined;
    at = dash + 1;
  }
}

function serviceNamedIn(line: string, keys: ReadonlySet<string>): string | undefined {
  for (const [token] of line.matchAll(NAMED)) {
    const key = namedService(token, keys);
    if (key) return key;
  }
  return undefined;
}

/** `PROTO ADDRESS:PORT` of every virtual server a Service gets (`*` for NodePorts on any node address). */
function virtualServers(model: ClusterModel): Map<string, string> {
  const owners = new Map<string, string>();
  for (const s of model.services) {
    const key = `${s.namespace}/${s.name}`;
    const addresses = [s.clusterIP, ...s.externalIPs, ...s.loadBalancerIPs].filter(
      (a): a is string => a !== undefined && a !== 'None' && a !== '',
    );
    for (const p of s.ports) {
      for (const a of addresses) owners.set(`${p.protocol} ${a}:${p.port}`, key);
      if (p.nodePort !== undefined) owners.set(`${p.protocol} *:${p.nodePort}`, key);
    }
  }
  return owners;
}

function virtualServerOwner(line: string, owners: ReadonlyMap<string, string>): string | undefined {
  const m = VIRTUAL_SERVER.exec(line);
  if (!m) return undefined;
  const [, proto, address, port] = m;
  return owners.get(`${proto} ${address}:${port}`) ?? owners.get(`${proto} *:${port}`);
}

/** Every line of `text` exactly once, in its original order within its group. */
export function groupRuleLines(model: ClusterModel, text: string): RuleGroup[] {
  const keys = new Set(model.services.map((s) => `${s.namespace}/${s.name}`));
  const servers = virtualServers(model);
  const byService = new Map<string, string[]>();
  const own: string[] = [];
  // A block whose owner its first line decides: an nftables chain, or a virtual server's real servers.
  let block: { owner: string; end: RegExp | undefined } | undefined;
  for (const line of text.replace(/\n$/, '').split('\n')) {
    let owner: string | undefined;
    if (block?.end) {
      owner = block.owner;
      if (block.end.test(line)) block = undefined;
    } else if (block && REAL_SERVER.test(line)) {
      owner = block.owner;
    } else {
      block = undefined;
      owner = serviceNamedIn(line, keys) ?? virtualServerOwner(line, servers);
      const chain = owner ? CHAIN_OPEN.exec(line) : null;
      if (owner && chain) block = { owner, end: new RegExp(`^${chain[1] ?? ''}\\}$`) };
      else if (owner && VIRTUAL_SERVER.test(line)) block = { owner, end: undefined };
    }
    if (owner === undefined) own.push(line);
    else {
      const lines = byService.get(owner);
      if (lines) lines.push(line);
      else byService.set(owner, [line]);
    }
  }
  const groups: RuleGroup[] = [...byService.keys()]
    .sort()
    .map((service) => ({ service, lines: byService.get(service) ?? [] }));
  if (own.length > 0) groups.push({ service: undefined, lines: own });
  return groups;
}
