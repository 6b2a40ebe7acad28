// The answer's way back: from the server along the first packet's path in reverse; at each node
// that translated the connection, conntrack matches the reply tuple and reverses the NAT
// (nf_nat_packet on the reply direction), so the client sees the address it dialled.

import type { Tuple } from './conntrack.ts';
import { releaseIpvs, timeout, type Connection, type PlannedPath } from './walk.ts';
import type { Writer } from './hop-record.ts';
import type { SimHop } from './sim-types.ts';
import {
  REPLY,
  FAILED,
  hop,
  LATENCY,
  type Fate,
  type Proc,
  type RequestState,
  type RunContext,
} from './run-context.ts';

export function moveKind(from: string, to: string): string {
  if (from.startsWith('pod/') && to.startsWith('node/')) return 'veth';
  if (to.startsWith('node/')) return 'route';
  if (to.startsWith('external/')) return 'forward';
  return 'deliver';
}

/** A reply's move between two places; `pkt` is the packet as it moves. */
const moveText: Writer<Tuple> = ({ from, to }, pkt) => {
  if (from.startsWith('pod/') && to.startsWith('node/'))
    return `Out of ${from.slice(4)}'s eth0 into node ${to.slice(5)}, towards ${pkt.dst}.`;
  if (to === 'external/load-balancer') return `Back out through the cloud load balancer, towards ${pkt.dst}.`;
  if (to.startsWith('node/')) return `Routed over the node network to ${to.slice(5)}, towards ${pkt.dst}.`;
  return `Towards ${pkt.dst}.`;
};

/** Conntrack un-NATs the reply at a node's netfilter (`kube-proxy/NODE`): the hop's before and after. */
const unNatText: Writer<undefined> = (h) => {
  const node = h.to.slice('kube-proxy/'.length);
  const before = h.before ?? { src: '', dst: '' };
  const after = h.after ?? before;
  return `Conntrack on ${node} matches the reply to its connection and reverses the NAT: the source ${before.src} becomes ${after.src}${after.dst === before.dst ? '' : `, the destination ${before.dst} becomes ${after.dst}`}.`;
};

const respondText: Writer<ReplyText> = (h, text) =>
  typeof text.respond === 'string' ? text.respond : text.respond(h, text);

/** The client's side: the packet as it arrived is the hop's `before`. */
const receiveText: Writer<ReplyText> = (h, text) => text.receive(h.before ?? { src: '', dst: '' }, text);

/** A DNS exchange's one hop back: the answer, then what the client makes of it (the hop's `after`). */
const compactText: Writer<ReplyText> = (h, text) =>
  `${respondText(h, text)} ${text.receive(h.after ?? { src: '', dst: '' }, text)}`;

const lost = (req: RequestState, from: string, to: string, pkt: Tuple, why: string) =>
  hop(req, from, to, 'drop', why, FAILED | REPLY, pkt);

/**
 * What the answer's hops say. Written when a hop is read, from the hop (its `from` is the server
 * on the answer's first hop) and these fields: module-level functions, no closure per request.
 */
export interface ReplyText {
  /** The server's answer, e.g. `HTTP/1.1 200 OK from NS/POD.` */
  readonly respond: string | ((h: SimHop, text: ReplyText) => string);
  /** What the client makes of it, given the packet as it arrives. */
  readonly receive: (arrived: Tuple, text: ReplyText) => string;
  readonly respondKind?: string;
  /** A value the sentences name (a DNS answer, an upstream path, the reason of a status). */
  readonly detail?: string;
  /** The HTTP status the sentences name. */
  readonly status?: number;
  /** The address the client dialled. */
  readonly dialled?: string;
}

/** Sends the reply back to the client; a Fate when it is lost on the way (the client times out). */
export function reply(
  ctx: RunContext,
  req: RequestState,
  conn: Connection,
  text: ReplyText,
): Proc<Fate | undefined> {
  return conn.planned ? plannedReply(ctx, req, conn, conn.planned, text) : walkReply(ctx, req, conn, text);
}

/** The reply along the stations the first packet passed. */
function* walkReply(
  ctx: RunContext,
  req: RequestState,
  conn: Connection,
  text: ReplyText,
): Proc<Fate | undefined> {
  const server = conn.server.id;
  const first: Tuple = { src: conn.seen.dst, dst: conn.seen.src };
  let pkt = first;
  if (!conn.compact)
    hop(req, server, server, text.respondKind ?? 'respond', respondText, REPLY, pkt, undefined, text);
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
      if (!conn.compact) hop(req, shown, s.id, 'conntrack', unNatText, REPLY, pkt, after);
      pkt = after;
    } else if (i === 0) {
      hop(
        req,
        conn.compact ? server : shown,
        s.id,
        conn.compact ? (text.respondKind ?? 'respond') : 'receive',
        conn.compact ? compactText : receiveText,
        REPLY,
        conn.compact ? first : pkt,
        conn.compact ? pkt : undefined,
        text,
      );
    } else if (!conn.compact) {
      hop(req, shown, s.id, moveKind(shown, s.id), moveText, REPLY, undefined, undefined, pkt);
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

/**
 * `walkReply` for a connection opened along a planned path: the same waits, checks and hops at the
 * places its stations would be (the client, its node (skipped: its kube-proxy follows), that
 * kube-proxy with the NAT entry, the server's node when it is another, the server).
 */
function* plannedReply(
  ctx: RunContext,
  req: RequestState,
  conn: Connection,
  path: PlannedPath,
  text: ReplyText,
): Proc<Fate | undefined> {
  const server = conn.server.id;
  const compact = conn.compact;
  const first: Tuple = { src: conn.seen.dst, dst: conn.seen.src };
  let pkt = first;
  if (!compact)
    hop(req, server, server, text.respondKind ?? 'respond', respondText, REPLY, pkt, undefined, text);
  let shown = server;
  if (path.cross !== undefined && path.crossId !== undefined) {
    // The server's node, reached from the server over its veth.
    if (ctx.wait(LATENCY.veth)) yield LATENCY.veth;
    if (ctx.view.isDown(path.cross)) {
      lost(req, shown, path.crossId, pkt, `Node ${path.cross} is down: the reply is lost.`);
      return yield* closeLost(ctx, req, conn);
    }
    if (!compact) {
      hop(req, shown, path.crossId, path.crossKind, moveText, REPLY, undefined, undefined, pkt);
      shown = path.crossId;
    }
  }
  // The client node's kube-proxy, from the server (its veth) or over the node network.
  const toProxy = path.cross === undefined ? LATENCY.veth : LATENCY.nodeNetwork;
  if (ctx.wait(toProxy)) yield toProxy;
  if (ctx.view.isDown(path.node)) {
    lost(req, shown, path.proxyId, pkt, `Node ${path.node} is down: the reply is lost.`);
    return yield* closeLost(ctx, req, conn);
  }
  const table = ctx.node(path.node).conntrack;
  const entry = table.findReply(conn.protocol, pkt);
  if (!entry) {
    lost(
      req,
      shown,
      path.proxyId,
      pkt,
      `Node ${path.node} has no conntrack entry for this reply any more (its table was lost), so it cannot be un-NATed: dropped.`,
    );
    return yield* closeLost(ctx, req, conn);
  }
  table.remove(entry);
  conn.nat = undefined;
  const after: Tuple = { src: entry.original.dst, dst: entry.original.src };
  if (!compact) {
    hop(req, shown, path.proxyId, 'conntrack', unNatText, REPLY, pkt, after);
    shown = path.proxyId;
  }
  pkt = after;
  // The client's node itself is skipped (its kube-proxy was the stop); then the client over its veth.
  if (ctx.wait(LATENCY.netfilter)) yield LATENCY.netfilter;
  if (ctx.wait(LATENCY.veth)) yield LATENCY.veth;
  if (ctx.view.isDown(path.node)) {
    lost(req, shown, conn.client.id, pkt, `Node ${path.node} is down: the reply is lost.`);
    return yield* closeLost(ctx, req, conn);
  }
  hop(
    req,
    compact ? server : shown,
    conn.client.id,
    compact ? (text.respondKind ?? 'respond') : 'receive',
    compact ? compactText : receiveText,
    REPLY,
    compact ? first : pkt,
    compact ? pkt : undefined,
    text,
  );
  close(ctx, conn);
  return undefined;
}

/** The connection is over: conntrack entries still held go, IPVS active counts drop. */
export function close(ctx: RunContext, conn: Connection): void {
  if (!conn.open) return;
  conn.open = false;
  if (conn.planned) {
    if (conn.nat) ctx.node(conn.planned.node).conntrack.remove(conn.nat);
    conn.nat = undefined;
  }
  for (const s of conn.stations)
    if (s.nat && s.node !== undefined) {
      ctx.node(s.node).conntrack.remove(s.nat);
      s.nat = undefined;
    }
  releaseIpvs(ctx, conn.ipvs);
  ctx.portsInUse.delete(conn.sent.src);
}
