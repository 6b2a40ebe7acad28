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
  // The reply tuple of the connection's conntrack entry is the answer as the server sends it.
  const first: Tuple = conn.nat?.reply ?? { src: conn.seen.dst, dst: conn.seen.src };
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
      const entry = table.takeReply(conn.protocol, pkt);
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

export function* closeLost(ctx: RunContext, req: RequestState, conn: Connection): Proc<Fate> {
  close(ctx, conn);
  return yield* timeout(ctx, req, conn.client);
}

/**
 * A planned connection's answer on its way back: what its stages pass on between the waits (the
 * one-process request remakes one for each exchange, open-connection.ts Exchange).
 */
export interface Answer {
  conn: Connection;
  path: PlannedPath;
  text: ReplyText;
  /** The answer as the server sends it. */
  first: Tuple;
  pkt: Tuple;
  shown: string;
}

/** The server answers (its hop unless compact); the first wait is its veth. `reuse` is remade into the answer. */
export function answerBegins(
  req: RequestState,
  conn: Connection,
  path: PlannedPath,
  text: ReplyText,
  reuse?: Answer,
): Answer {
  const server = conn.server.id;
  // The reply tuple of the connection's conntrack entry is the answer as the server sends it.
  const first: Tuple = conn.nat?.reply ?? { src: conn.seen.dst, dst: conn.seen.src };
  if (!conn.compact)
    hop(req, server, server, text.respondKind ?? 'respond', respondText, REPLY, first, undefined, text);
  if (!reuse) return { conn, path, text, first, pkt: first, shown: server };
  reuse.conn = conn;
  reuse.path = path;
  reuse.text = text;
  reuse.first = first;
  reuse.pkt = first;
  reuse.shown = server;
  return reuse;
}

/** After the veth wait, when the server is on another node: false when that node is down (the caller loses it). */
export function answerLeavesServerNode(ctx: RunContext, req: RequestState, a: Answer): boolean {
  const { path } = a;
  const crossId = path.crossId ?? '';
  if (ctx.view.isDown(path.cross ?? '')) {
    lost(req, a.shown, crossId, a.pkt, `Node ${path.cross ?? ''} is down: the reply is lost.`);
    return false;
  }
  if (!a.conn.compact) {
    hop(req, a.shown, crossId, path.crossKind, moveText, REPLY, undefined, undefined, a.pkt);
    a.shown = crossId;
  }
  return true;
}

/** The wait before the client node's kube-proxy: from the server's veth, or over the node network. */
export const toProxyWait = (a: Answer): number =>
  a.path.cross === undefined ? LATENCY.veth : LATENCY.nodeNetwork;

/** At the client node's kube-proxy: conntrack un-NATs the answer; false when it is lost there. */
export function answerUnNats(ctx: RunContext, req: RequestState, a: Answer): boolean {
  const { path, conn } = a;
  if (ctx.view.isDown(path.node)) {
    lost(req, a.shown, path.proxyId, a.pkt, `Node ${path.node} is down: the reply is lost.`);
    return false;
  }
  const table = ctx.node(path.node).conntrack;
  // The answer is the entry's reply tuple (answerBegins), so the entry is looked for as itself.
  const entry = conn.nat ? table.takeEntry(conn.nat) : table.takeReply(conn.protocol, a.pkt);
  if (!entry) {
    lost(
      req,
      a.shown,
      path.proxyId,
      a.pkt,
      `Node ${path.node} has no conntrack entry for this reply any more (its table was lost), so it cannot be un-NATed: dropped.`,
    );
    return false;
  }
  conn.nat = undefined;
  const after: Tuple = { src: entry.original.dst, dst: entry.original.src };
  if (!conn.compact) {
    hop(req, a.shown, path.proxyId, 'conntrack', unNatText, REPLY, a.pkt, after);
    a.shown = path.proxyId;
  }
  a.pkt = after;
  return true;
}

/**
 * After the netfilter and veth waits (the client's node itself is skipped: its kube-proxy was the
 * stop): the client receives the answer, and the connection closes; false when it is lost.
 */
export function answerArrives(ctx: RunContext, req: RequestState, a: Answer): boolean {
  const { conn, path } = a;
  if (ctx.view.isDown(path.node)) {
    lost(req, a.shown, conn.client.id, a.pkt, `Node ${path.node} is down: the reply is lost.`);
    return false;
  }
  const compact = conn.compact;
  hop(
    req,
    compact ? conn.server.id : a.shown,
    conn.client.id,
    compact ? (a.text.respondKind ?? 'respond') : 'receive',
    compact ? compactText : receiveText,
    REPLY,
    compact ? a.first : a.pkt,
    compact ? a.pkt : undefined,
    a.text,
  );
  close(ctx, conn);
  return true;
}

/** `walkReply` for a connection opened along a planned path: the same waits, checks and hops. */
function* plannedReply(
  ctx: RunContext,
  req: RequestState,
  conn: Connection,
  path: PlannedPath,
  text: ReplyText,
): Proc<Fate | undefined> {
  const a = answerBegins(req, conn, path, text);
  if (path.cross !== undefined) {
    if (ctx.wait(LATENCY.veth)) yield LATENCY.veth;
    if (!answerLeavesServerNode(ctx, req, a)) return yield* closeLost(ctx, req, conn);
  }
  const wait = toProxyWait(a);
  if (ctx.wait(wait)) yield wait;
  if (!answerUnNats(ctx, req, a)) return yield* closeLost(ctx, req, conn);
  if (ctx.wait(LATENCY.netfilter)) yield LATENCY.netfilter;
  if (ctx.wait(LATENCY.veth)) yield LATENCY.veth;
  if (!answerArrives(ctx, req, a)) return yield* closeLost(ctx, req, conn);
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
  ctx.portsInUse.release(conn.sent.src);
}
