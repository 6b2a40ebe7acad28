// The answer's way back: from the server along the first packet's path in reverse; at each node
// that translated the connection, conntrack matches the reply tuple and reverses the NAT
// (nf_nat_packet on the reply direction), so the client sees the address it dialled.

import type { Tuple } from './conntrack.ts';
import { releaseIpvs, timeout, type Connection } from './connection.ts';
import { textOf, type Text } from './hop-record.ts';
import { hop, type Fate, type Proc, type RequestState, type RunContext } from './run-context.ts';

function moveKind(from: string, to: string): string {
  if (from.startsWith('pod/') && to.startsWith('node/')) return 'veth';
  if (to.startsWith('node/')) return 'route';
  if (to.startsWith('external/')) return 'forward';
  return 'deliver';
}

function moveText(from: string, to: string, pkt: Tuple): string {
  if (from.startsWith('pod/') && to.startsWith('node/'))
    return `Out of ${from.slice(4)}'s eth0 into node ${to.slice(5)}, towards ${pkt.dst}.`;
  if (to === 'external/load-balancer') return `Back out through the cloud load balancer, towards ${pkt.dst}.`;
  if (to.startsWith('node/')) return `Routed over the node network to ${to.slice(5)}, towards ${pkt.dst}.`;
  return `Towards ${pkt.dst}.`;
}

const lost = (req: RequestState, from: string, to: string, pkt: Tuple, why: string) =>
  hop(req, { from, to, kind: 'drop', description: why, before: pkt, reply: true, failed: true });

export interface ReplyText {
  /** The server's answer, e.g. `HTTP/1.1 200 OK`. */
  readonly respond: Text;
  /** What the client makes of it, given the packet as it arrives. */
  readonly receive: (arrived: Tuple) => string;
  readonly respondKind?: string;
}

/** Sends the reply back to the client; a Fate when it is lost on the way (the client times out). */
export function* reply(
  ctx: RunContext,
  req: RequestState,
  conn: Connection,
  text: ReplyText,
): Proc<Fate | undefined> {
  const server = conn.server.id;
  const first: Tuple = { src: conn.seen.dst, dst: conn.seen.src };
  let pkt = first;
  if (!conn.compact)
    hop(req, {
      from: server,
      to: server,
      kind: text.respondKind ?? 'respond',
      description: text.respond,
      before: pkt,
      reply: true,
    });
  let shown = server;
  const st = conn.stations;
  for (let i = st.length - 2; i >= 0; i--) {
    const s = st[i];
    const next = st[i + 1];
    if (!s || !next) continue;
    if (ctx.wait(next.latency)) yield next.latency;
    if (s.skip) continue;
    if (s.node !== undefined && ctx.view.isDown(s.node)) {
      lost(req, shown, s.id, pkt, `Node ${s.node} is down: the reply is lost.`);
      return yield* closeLost(ctx, req, conn);
    }
    if (s.nat && s.node !== undefined) {
      const table = ctx.node(s.node).conntrack;
      const entry = table.findReply(conn.protocol, pkt);
      if (!entry) {
        lost(
          req,
          shown,
          s.id,
          pkt,
          `Node ${s.node} has no conntrack entry for this reply any more (its table was lost), so it cannot be un-NATed: dropped.`,
        );
        return yield* closeLost(ctx, req, conn);
      }
      table.remove(entry);
      s.nat = undefined;
      const after: Tuple = { src: entry.original.dst, dst: entry.original.src };
      const before = pkt;
      const node = s.node;
      if (!conn.compact)
        hop(req, {
          from: shown,
          to: s.id,
          kind: 'conntrack',
          description: () =>
            `Conntrack on ${node} matches the reply to its connection and reverses the NAT: the source ${before.src} becomes ${after.src}${after.dst === before.dst ? '' : `, the destination ${before.dst} becomes ${after.dst}`}.`,
          before,
          after,
          reply: true,
        });
      pkt = after;
    } else if (i === 0) {
      const arrived = pkt;
      hop(req, {
        from: conn.compact ? server : shown,
        to: s.id,
        kind: conn.compact ? (text.respondKind ?? 'respond') : 'receive',
        description: conn.compact
          ? () => `${textOf(text.respond)} ${text.receive(arrived)}`
          : () => text.receive(arrived),
        before: conn.compact ? first : pkt,
        after: conn.compact ? pkt : undefined,
        reply: true,
      });
    } else if (!conn.compact) {
      const from = shown;
      const moved = pkt;
      hop(req, {
        from,
        to: s.id,
        kind: moveKind(from, s.id),
        description: () => moveText(from, s.id, moved),
        reply: true,
      });
    }
    if (!conn.compact || i === 0) shown = s.id;
  }
  close(ctx, conn);
  return undefined;
}

function* closeLost(ctx: RunContext, req: RequestState, conn: Connection): Proc<Fate> {
  close(ctx, conn);
  return yield* timeout(ctx, req, conn.client);
}

/** The connection is over: conntrack entries still held go, IPVS active counts drop. */
export function close(ctx: RunContext, conn: Connection): void {
  if (!conn.open) return;
  conn.open = false;
  for (const s of conn.stations)
    if (s.nat && s.node !== undefined) {
      ctx.node(s.node).conntrack.remove(s.nat);
      s.nat = undefined;
    }
  releaseIpvs(ctx, conn.ipvs);
  ctx.portsInUse.delete(conn.sent.src);
}
