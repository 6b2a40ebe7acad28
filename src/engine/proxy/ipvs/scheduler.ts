// The IPVS schedulers kube-proxy offers (--ipvs-scheduler), as the kernel's ip_vs_rr.c, ip_vs_lc.c,
// ip_vs_dh.c, ip_vs_sh.c, ip_vs_sed.c, ip_vs_nq.c choose; plus persistence (ip_vs_core.c templates).

import { parseIPv4 } from '../../cluster/ipv4.ts';
import type { RealServer, VirtualServer } from './model.ts';
import { realServerKey, virtualServerKey } from './model.ts';

/** Scheduler state between connections; evaluators return an updated copy. */
export interface IpvsState {
  /** rr: index of the last server used, per virtual server. */
  readonly rrLast: ReadonlyMap<string, number>;
  /** Active connections per real server (lc, sed, nq read them). */
  readonly active: ReadonlyMap<string, number>;
  /** Persistence templates: `vsKey|clientIP` → real server `ip:port`. */
  readonly persistence: ReadonlyMap<string, string>;
}

export const emptyIpvsState = (): IpvsState => ({
  rrLast: new Map(),
  active: new Map(),
  persistence: new Map(),
});

export interface Choice {
  readonly server: RealServer;
  readonly reason: string;
  readonly probability: number | undefined;
}

/** ip_vs_dh / ip_vs_sh: 256 buckets filled round-robin, keyed by a multiplicative hash of the address. */
function hashBucket(ip: string): number {
  return (Math.imul(parseIPv4(ip) ?? 0, 2654435761 | 0) >>> 0) >>> 24;
}

export function schedule(
  vs: VirtualServer,
  servers: readonly RealServer[],
  clientIP: string,
  state: IpvsState,
): Choice | undefined {
  const n = servers.length;
  if (n === 0) return undefined;
  const conns = (rs: RealServer): number => state.active.get(realServerKey(vs, rs)) ?? 0;
  switch (vs.scheduler) {
    case 'lc': {
      const best = servers.reduce((a, b) => (conns(b) < conns(a) ? b : a));
      return {
        server: best,
        reason: `lc: least connections (${conns(best)} active)`,
        probability: undefined,
      };
    }
    case 'dh':
    case 'sh': {
      const ip = vs.scheduler === 'dh' ? vs.ip : clientIP;
      const bucket = hashBucket(ip);
      const server = servers[bucket % n] ?? servers[0];
      if (!server) return undefined;
      const what = vs.scheduler === 'dh' ? 'destination' : 'source';
      return {
        server,
        reason: `${vs.scheduler}: ${what} ${ip} hashes to bucket ${bucket}, always the same server`,
        probability: 1,
      };
    }
    case 'sed':
    case 'nq': {
      if (vs.scheduler === 'nq') {
        const idle = servers.find((rs) => conns(rs) === 0);
        if (idle) return { server: idle, reason: 'nq: an idle server never queues', probability: undefined };
      }
      const best = servers.reduce((a, b) => ((conns(b) + 1) / b.weight < (conns(a) + 1) / a.weight ? b : a));
      return {
        server: best,
        reason: `${vs.scheduler}: shortest expected delay (${conns(best) + 1}/${best.weight})`,
        probability: undefined,
      };
    }
    default: {
      const last = state.rrLast.get(virtualServerKey(vs)) ?? -1;
      const index = (last + 1) % n;
      const server = servers[index] ?? servers[0];
      if (!server) return undefined;
      return { server, reason: `rr: round robin, server ${index + 1} of ${n}`, probability: 1 / n };
    }
  }
}

/** The state after a connection to `server` (rr pointer, active count, persistence template). */
export function afterConnection(
  vs: VirtualServer,
  servers: readonly RealServer[],
  server: RealServer,
  clientIP: string,
  state: IpvsState,
): IpvsState {
  const rrLast = new Map(state.rrLast);
  rrLast.set(virtualServerKey(vs), servers.indexOf(server));
  const active = new Map(state.active);
  const key = realServerKey(vs, server);
  active.set(key, (active.get(key) ?? 0) + 1);
  const persistence = new Map(state.persistence);
  if (vs.persistentTimeout !== undefined)
    persistence.set(`${virtualServerKey(vs)}|${clientIP}`, `${server.ip}:${server.port}`);
  return { rrLast, active, persistence };
}
