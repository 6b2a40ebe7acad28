// The tests of a kube-proxy nftables rule against one packet (what the kernel's nft expressions
// compute for the matches pkg/proxy/nftables/proxier.go writes).

import { cidrContains } from '../../cluster/ipv4.ts';
import { cidrValue, ipValue } from '../parsed-address.ts';
import type { NftElement, NftMatch, NftTable } from './model.ts';
import { findSet } from './model.ts';

/** The packet as the walk rewrites it (DNAT changes the destination). */
export interface WalkPacket {
  readonly saddr: string;
  daddr: string;
  dport: number;
  readonly protocol: string;
  mark: number;
}

/** `ip` equals, or lies in `cidr` when written with a slash. */
export function addressMatches(ip: string, value: string): boolean {
  const n = ipValue(ip);
  if (n === undefined) return ip === value;
  if (!value.includes('/')) return ipValue(value) === n;
  const cidr = cidrValue(value);
  return cidr !== undefined && cidrContains(cidr, n);
}

/** Addresses `fib … type local` accepts: the node's own and loopback. */
export function isLocalAddress(ip: string, nodeIPs: readonly string[]): boolean {
  return nodeIPs.includes(ip) || addressMatches(ip, '127.0.0.0/8');
}

export interface MatchEnv {
  readonly table: NftTable;
  readonly nodeIPs: readonly string[];
  /** Dynamic set contents (affinity sets filled by `update`). */
  readonly dynamic: ReadonlyMap<string, readonly string[]>;
}

export function setHas(env: MatchEnv, set: string, ip: string): boolean {
  if (env.dynamic.get(set)?.includes(ip)) return true;
  return findSet(env.table, set)?.elements.some((e) => e.key[0] === ip) ?? false;
}

export function matchHolds(m: NftMatch, p: WalkPacket, env: MatchEnv): boolean {
  switch (m.m) {
    case 'ct-state-new':
      return true; // every walk is a new connection
    case 'addr':
      return addressMatches(m.field === 'saddr' ? p.saddr : p.daddr, m.value) !== m.negated;
    case 'addr-anon-set': {
      const ip = m.field === 'saddr' ? p.saddr : p.daddr;
      return m.values.some((v) => addressMatches(ip, v)) !== m.negated;
    }
    case 'addr-lookup':
      return setHas(env, m.set, m.field === 'saddr' ? p.saddr : p.daddr);
    case 'fib-local':
      return isLocalAddress(m.field === 'saddr' ? p.saddr : p.daddr, env.nodeIPs);
    case 'mark-clear':
      return (p.mark & m.mark) === 0;
  }
}

/** The verdict-map element for this packet (`ip daddr . meta l4proto . th dport` or the port pair). */
export function lookupElement(
  env: MatchEnv,
  map: string,
  key: 'dest' | 'port',
  p: WalkPacket,
): { element: NftElement; index: number } | undefined {
  const want = key === 'dest' ? [p.daddr, p.protocol, String(p.dport)] : [p.protocol, String(p.dport)];
  const elements = findSet(env.table, map)?.elements ?? [];
  const index = elements.findIndex(
    (e) => e.key.length === want.length && e.key.every((k, i) => k === want[i]),
  );
  const element = elements[index];
  return element ? { element, index } : undefined;
}
