// The whole request, redirects followed. A pod asking for a name that kube-dns answers with one
// address (a Service by name: the resolver's queries, then the connection) runs as one process:
// each exchange's stages along its planned path (open-connection.ts, reply.ts) are called here
// between the waits, instead of a generator per connection and per answer (their objects and
// resumes were a third of a request's cost). Any connection the plan does not follow, and every
// other request, runs as request.ts attempt does; the two make the same hops (open-connection.test.ts).

import type { Protocol } from '../cluster/types.ts';
import { walkConnect, type Connected } from './connection.ts';
import { COMPACT, NO_ANSWER, queryFailed, resolution, type Resolution } from './dns-exchange.ts';
import { ingressNginx } from './ingress-step.ts';
import {
  exchange,
  planApply,
  planDecide,
  planDeliver,
  planDrop,
  planRoute,
  routeWait,
  walkOn,
  type Exchange,
} from './open-connection.ts';
import { pathFor, plannableNow, type FlowPath } from './planned-path.ts';
import type { Peer } from './peers.ts';
import {
  answerArrives,
  answerBegins,
  answerLeavesServerNode,
  answerUnNats,
  closeLost,
  reply,
  toProxyWait,
  type Answer,
  type ReplyText,
} from './reply.ts';
import { arrived, attempt, dial, targetMemo, type Attempt, type TargetMemo } from './request.ts';
import {
  hop,
  LATENCY,
  localAddress,
  type Fate,
  type Proc,
  type RequestState,
  type RunContext,
} from './run-context.ts';
import { isIPv4, type TraceTarget } from './target.ts';
import { timeout } from './walk.ts';

const MAX_REDIRECTS = 3;

/**
 * A flow's requests that can run as one process: the pod, the name's resolution, the one address.
 * What each request reads is copied here from the client and the resolution: a flow's objects
 * are out of cache when it comes round again, and each one read on the way was a miss.
 */
export interface Shape {
  readonly client: Peer;
  readonly clientId: string;
  readonly clientIp: string;
  readonly node: string;
  readonly r: Resolution;
  /** The resolver's queries (the search list tried), what each says, and what each answer says. */
  readonly queries: number;
  readonly queryTexts: readonly string[];
  readonly replies: readonly ReplyText[];
  readonly dnsAddr: string;
  readonly ip: string;
  /** The planned paths to kube-dns and to the address (open-connection.ts), once made. */
  dnsPath: FlowPath | undefined;
  tcpPath: FlowPath | undefined;
}

const HTTP_OK: Fate = { outcome: 'delivered', httpStatus: 200 };
const CONNECTED: Fate = { outcome: 'delivered' };

/** The shape of `memo`'s requests, or null when they run attempt by attempt (request.ts). */
function shapeOf(ctx: RunContext, memo: TargetMemo): Shape | null {
  const { client, target } = memo;
  if (typeof client === 'string' || client.kind !== 'pod' || client.pod === undefined) return null;
  if (target.host === 'localhost' || isIPv4(target.host)) return null;
  const r = memo.resolution ?? resolution(ctx.view.model, client.pod, target.host);
  memo.resolution = r;
  // As resolveName asks: kube-dns is the pod's nameserver; one A record, so no pick is drawn.
  if (r.dnsIP === undefined || r.dnsAddr === undefined || r.server !== r.dnsIP || r.a.length !== 1)
    return null;
  const ip = r.a[0];
  // Not the pod itself (attempt's loopback).
  if (ip === undefined || ip.startsWith('127.') || ip === client.ip || client.node === undefined) return null;
  return {
    client,
    clientId: client.id,
    clientIp: client.ip,
    node: client.node,
    r,
    queries: r.result.tried.length,
    queryTexts: r.queries,
    replies: r.replies,
    dnsAddr: r.dnsAddr,
    ip,
    dnsPath: undefined,
    tcpPath: undefined,
  };
}

/**
 * The whole request, redirects followed. Its first attempt runs in this process when the
 * request's shape allows (request.ts attempt with dns-exchange.ts resolveName, exchange by
 * exchange): one generator for the request, where one around each attempt was a second resume
 * at every wait.
 */
export function* runRequest(ctx: RunContext, req: RequestState, target: TraceTarget): Proc<Fate> {
  const memo = targetMemo(ctx, req, target);
  if (memo.shape === undefined) memo.shape = shapeOf(ctx, memo);
  const shape = memo.shape;
  // A client on a node that is down cannot send (attempt says so).
  if (!shape || ctx.view.isDown(shape.node)) {
    const end = yield* attempt(ctx, req, target);
    return 'redirect' in end ? yield* redirected(ctx, req, end, 0) : end;
  }
  const { client, queries } = shape;
  // Remade for each exchange (open-connection.ts Exchange).
  let x: Exchange | undefined;
  let a: Answer | undefined;
  // The resolver's queries, then the connection to the address they gave.
  for (let i = 0; i <= queries; i++) {
    const dns = i < queries;
    const protocol: Protocol = dns ? 'UDP' : 'TCP';
    if (!dns) dial(memo, client, 'dns', 1, shape.ip);
    const answer = memo.answer ?? NO_ANSWER;
    const sent = { src: localAddress(ctx, req, shape.clientIp), dst: dns ? shape.dnsAddr : memo.dialled };
    if (ctx.wait(LATENCY.loopback)) yield LATENCY.loopback;
    hop(
      req,
      shape.clientId,
      shape.clientId,
      dns ? 'dns-query' : 'send',
      dns ? (shape.queryTexts[i] ?? '') : memo.send,
      0,
      sent,
    );
    const saved = req.service;
    // open-connection.ts plannedConnect, its waits here.
    let opened: Connected;
    let plan: FlowPath | undefined;
    // The shape's client is a pod on a node, sending from its own address (plannable's other checks).
    if (plannableNow(ctx)) {
      // Kept while the model is the one they were made for (an event may come mid-request).
      plan = dns ? shape.dnsPath : shape.tcpPath;
      if (plan?.model !== ctx.view.model) {
        plan = pathFor(ctx, req, client, sent.dst, protocol);
        if (dns) shape.dnsPath = plan;
        else shape.tcpPath = plan;
      }
    }
    if (!plan) opened = yield* walkConnect(ctx, req, client, sent, protocol, dns ? COMPACT : {});
    else {
      x = exchange(client, sent, protocol, dns, plan, x);
      if (ctx.wait(LATENCY.veth)) yield LATENCY.veth;
      if (planDecide(ctx, req, x).kind === 'walk') opened = yield* walkOn(ctx, req, x);
      else {
        if (ctx.wait(LATENCY.netfilter)) yield LATENCY.netfilter;
        const ended = planApply(ctx, req, x);
        if (ended) opened = { ok: false, fate: ended };
        else {
          let up = true;
          if (routeWait(x) === LATENCY.nodeNetwork) {
            if (ctx.wait(LATENCY.nodeNetwork)) yield LATENCY.nodeNetwork;
            up = planRoute(ctx, req, x);
          }
          if (up) {
            if (ctx.wait(LATENCY.veth)) yield LATENCY.veth;
            opened = planDeliver(ctx, req, x);
          } else {
            const fate = yield* timeout(ctx, req, client);
            planDrop(ctx, x);
            opened = { ok: false, fate };
          }
        }
      }
    }
    let text: ReplyText;
    if (dns) {
      req.service = saved;
      if (!opened.ok) return queryFailed(opened.fate);
      if (ctx.wait(LATENCY.dns)) yield LATENCY.dns;
      text = shape.replies[i] ?? NO_ANSWER;
    } else {
      if (!opened.ok) return opened.fate;
      const ingress = arrived(req, opened.conn, memo.target);
      if (ingress) {
        const end = yield* ingressNginx(ctx, req, opened.conn, memo.target, ingress);
        return 'redirect' in end ? yield* redirected(ctx, req, end, 0) : end;
      }
      if (ctx.wait(LATENCY.app)) yield LATENCY.app;
      text = answer;
    }
    // reply.ts plannedReply, its waits here.
    const { conn } = opened;
    const path = conn.planned;
    let lost: Fate | undefined;
    if (!path) lost = yield* reply(ctx, req, conn, text);
    else {
      a = answerBegins(req, conn, path, text, a);
      let on = true;
      if (path.cross !== undefined) {
        if (ctx.wait(LATENCY.veth)) yield LATENCY.veth;
        on = answerLeavesServerNode(ctx, req, a);
      }
      if (on) {
        const wait = toProxyWait(a);
        if (ctx.wait(wait)) yield wait;
        on = answerUnNats(ctx, req, a);
      }
      if (on) {
        if (ctx.wait(LATENCY.netfilter)) yield LATENCY.netfilter;
        if (ctx.wait(LATENCY.veth)) yield LATENCY.veth;
        on = answerArrives(ctx, req, a);
      }
      if (!on) lost = yield* closeLost(ctx, req, conn);
    }
    if (lost) return lost;
  }
  return memo.target.scheme ? HTTP_OK : CONNECTED;
}

/** How attempt number `redirects` ended: its Fate, or the redirect followed (up to MAX_REDIRECTS). */
function* redirected(ctx: RunContext, req: RequestState, end: Attempt, redirects: number): Proc<Fate> {
  for (let n = redirects; ; n++) {
    if (!('redirect' in end)) return end;
    if (n >= MAX_REDIRECTS) return { outcome: 'rejected', httpStatus: 308 };
    end = yield* attempt(ctx, req, end.redirect);
  }
}
