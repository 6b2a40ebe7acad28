// The IPVS-mode state as the tools print it: `ipvsadm -Ln` (ipvsadm.c print_service_entry),
// `ipset save`, the iptables-restore text kube-proxy writes, and kube-ipvs0's addresses.

import { parseIPv4 } from '../../cluster/ipv4.ts';
import type { IpvsRuleSet, VirtualServer } from './model.ts';
import { realServerKey } from './model.ts';

const protoOrder: Record<string, number> = { TCP: 6, UDP: 17, SCTP: 132 };
const ipNum = (ip: string): number => parseIPv4(ip) ?? 0;

/** ipvsadm lists services by protocol, address, port; destinations by address, port. */
export function sortedVirtualServers(set: IpvsRuleSet): VirtualServer[] {
  return [...set.virtualServers].sort(
    (a, b) =>
      (protoOrder[a.protocol] ?? 0) - (protoOrder[b.protocol] ?? 0) ||
      ipNum(a.ip) - ipNum(b.ip) ||
      a.port - b.port,
  );
}

/** Connection counters for the ActiveConn/InActConn columns (realServerKey → count). */
export type ConnectionCounts = ReadonlyMap<string, { readonly active: number; readonly inactive: number }>;

export function renderIpvsadm(set: IpvsRuleSet, conns: ConnectionCounts = new Map()): string {
  const lines = [
    'IP Virtual Server version 1.2.1 (size=4096)',
    'Prot LocalAddress:Port Scheduler Flags',
    '  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn',
  ];
  for (const vs of sortedVirtualServers(set)) {
    const persistent = vs.persistentTimeout === undefined ? '' : ` persistent ${vs.persistentTimeout}`;
    lines.push(`${vs.protocol.padEnd(4)} ${vs.ip}:${vs.port} ${vs.scheduler}${persistent}`);
    const dests = [...vs.realServers].sort((a, b) => ipNum(a.ip) - ipNum(b.ip) || a.port - b.port);
    for (const rs of dests) {
      const c = conns.get(realServerKey(vs, rs)) ?? { active: 0, inactive: 0 };
      const cols = [
        `${rs.ip}:${rs.port}`.padEnd(28),
        'Masq'.padEnd(7),
        String(rs.weight).padEnd(6),
        String(c.active).padEnd(10),
        String(c.inactive).padEnd(10),
      ];
      lines.push(`  -> ${cols.join(' ')}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** `ipset save`: create lines (the kernel's random initval left out), then sorted members. */
export function renderIpsetSave(set: IpvsRuleSet): string {
  const lines: string[] = [];
  for (const s of set.ipsets) {
    lines.push(
      s.type === 'bitmap:port'
        ? `create ${s.name} bitmap:port range 0-65535`
        : `create ${s.name} ${s.type} family inet hashsize 1024 maxelem 65536`,
    );
    for (const e of [...s.entries].sort()) lines.push(`add ${s.name} ${e}`);
  }
  return `${lines.join('\n')}\n`;
}

/** kube-proxy's iptables-restore input (nat, then filter), then the jump rules it ensures. */
export function renderIpvsIptables(set: IpvsRuleSet): string {
  const out: string[] = ['*nat'];
  for (const c of set.natChains) out.push(`:${c} - [0:0]`);
  for (const r of set.rules.filter((x) => x.table === 'nat')) out.push(`-A ${r.chain} ${r.text}`);
  out.push('COMMIT', '*filter');
  for (const c of set.filterChains) out.push(`:${c} - [0:0]`);
  for (const r of set.rules.filter((x) => x.table === 'filter')) out.push(`-A ${r.chain} ${r.text}`);
  out.push('COMMIT', '# ensured jumps from built-in chains');
  for (const r of set.jumps) out.push(`-t ${r.table} -I ${r.chain} ${r.text}`);
  return `${out.join('\n')}\n`;
}

/** `ip -4 addr show kube-ipvs0`, the address lines. */
export function renderKubeIpvs0(set: IpvsRuleSet): string {
  const lines = ['kube-ipvs0: <BROADCAST,NOARP> mtu 1500 qdisc noop state DOWN group default'];
  for (const ip of set.dummyAddresses) {
    lines.push(`    inet ${ip}/32 scope global kube-ipvs0`, '       valid_lft forever preferred_lft forever');
  }
  return `${lines.join('\n')}\n`;
}
