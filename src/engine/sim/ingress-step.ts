// A request that reached ingress-nginx's controller pod: the route table decides (routeRequest:
// server by Host, location by path, redirects), then nginx opens its own connection to the
// chosen endpoint — the pod IP directly, not the Service's ClusterIP — and relays the answer.
// Round robin per upstream as ingress-nginx's lua/balancer/round_robin.lua (openresty
// lua-resty-balancer lib/resty/roundrobin.lua: from a random start, then in turn).

import type { ClusterModel } from '../cluster/types.ts';
import { routeRequest } from '../ingress/route-request.ts';
import type { IngressRouteTable, IngressRouting } from '../ingress/types.ts';
import type { Connection } from './walk.ts';
import { connect } from './open-connection.ts';
import { podPeer } from './peers.ts';
import type { Tuple } from './conntrack.ts';
import { close, reply, type ReplyText } from './reply.ts';
import type { SimHop } from './sim-types.ts';
import {
  hop,
  LATENCY,
  localAddress,
  serverAddr,
  type Fate,
  type Proc,
  type RequestState,
  type RunContext,
} from './run-context.ts';
import { parseTraceTarget, isIPv4, type TraceTarget } from './target.ts';

export type IngressEnd = Fate | { readonly redirect: TraceTarget };

interface Routed {
  readonly first: IngressRouting;
  readonly firstText: string;
  /** The routing with round-robin position `counter` (routeRequest picks endpoint counter mod n). */
  pick(counter: number): { readonly routing: IngressRouting; readonly text: string };
}

const routings = new WeakMap<IngressRouteTable, Map<string, Routed>>();

/** routeRequest is pure: each request shape and endpoint position is routed once per table. */
function route(
  table: IngressRouteTable,
  model: ClusterModel,
  scheme: 'http' | 'https',
  host: string,
  path: string,
): Routed {
  let perTable = routings.get(table);
  if (!perTable) {
    perTable = new Map();
    routings.set(table, perTable);
  }
  const key = `${scheme}://${host}${path}`;
  const found = perTable.get(key);
  if (found) return found;
  const request = { scheme, host, path };
  const first = routeRequest(table, model, request, { counter: 0 });
  const n = Math.max(1, first.endpoints.length);
  const picks: ({ routing: IngressRouting; text: string } | undefined)[] = [];
  const routed: Routed = {
    first,
    firstText: first.explanation.join(' '),
    pick: (counter) => {
      const i = counter % n;
      let p = picks[i];
      if (!p) {
        const routing = routeRequest(table, model, request, { counter: i });
        p = { routing, text: routing.explanation.join(' ') };
        picks[i] = p;
      }
      return p;
    },
  };
  perTable.set(key, routed);
  return routed;
}

// The answers' sentences (reply.ts), from the status and reason or the upstream path they carry.
const nginxAnswers = (_: SimHop, t: ReplyText): string =>
  `ingress-nginx answers ${String(t.status ?? 0)}: ${t.detail ?? ''}`;
const clientReceives = (arrived: Tuple, t: ReplyText): string =>
  `The client receives ${String(t.status ?? 0)} from ${arrived.src}.`;
const upstreamAnswers = (h: SimHop, t: ReplyText): string =>
  `HTTP/1.1 200 OK from ${h.from.slice(4)} for ${t.detail ?? ''}.`;
const nginxReceives = (): string => 'ingress-nginx receives the upstream answer.';
/** nginx's own connection to the endpoint: the hop's `after` is what it sends. */
const opensUpstream = (h: SimHop, upstreamPath: string): string =>
  `ingress-nginx opens its own connection to endpoint ${h.after?.dst ?? ''} directly (the Service's ClusterIP is not used), path ${upstreamPath}.`;

/** Answers the client over `conn` with `status`; the request ends with `fate`. */
function* answer(
  ctx: RunContext,
  req: RequestState,
  conn: Connection,
  status: number,
  why: string,
): Proc<Fate> {
  if (ctx.wait(LATENCY.proxy)) yield LATENCY.proxy;
  const lost = yield* reply(ctx, req, conn, {
    respond: nginxAnswers,
    receive: clientReceives,
    status,
    detail: why,
  });
  return lost ?? { outcome: status < 400 ? 'delivered' : 'rejected', httpStatus: status };
}

export function* ingressNginx(
  ctx: RunContext,
  req: RequestState,
  conn: Connection,
  target: TraceTarget,
  scheme: 'http' | 'https',
): Proc<IngressEnd> {
  const model = ctx.view.model;
  const table = ctx.view.table;
  const controller = conn.server;
  const where = controller.id;
  if (!table) return yield* answer(ctx, req, conn, 404, 'no Ingress is served.');
  const routed = route(
    table,
    model,
    scheme,
    isIPv4(target.host) ? '' : target.host,
    target.path + target.query,
  );
  let r = routed.first;
  let explanation = routed.firstText;
  const choices = r.endpoints.length;
  if (r.outcome === 'proxied' && r.service && r.endpoints.length > 1) {
    const key = `${r.service.namespace}/${r.service.name}:${String(r.service.port)}`;
    // resty.roundrobin starts at a random endpoint, then takes them in turn.
    const counter = ctx.upstreamCounters.get(key) ?? Math.floor(req.random() * r.endpoints.length);
    ctx.upstreamCounters.set(key, counter + 1);
    const pick = routed.pick(counter);
    r = pick.routing;
    explanation = pick.text;
  }
  if (r.ingress) req.ingress = r.ingress;
  if (r.service) req.service = r.service;
  if (ctx.wait(LATENCY.ingress)) yield LATENCY.ingress;
  hop(req, where, where, 'ingress', explanation, 0, undefined, undefined, undefined, {
    rule: r.ingress
      ? `Ingress ${r.ingress.namespace}/${r.ingress.name}: host ${r.ingress.host || '*'} path ${r.ingress.path}`
      : undefined,
    via: r.ingress ? `ing/${r.ingress.namespace}/${r.ingress.name}` : undefined,
  });
  if (r.outcome === 'redirect' && r.redirectTo !== undefined) {
    const next = parseTraceTarget(r.redirectTo);
    const why =
      r.redirectKind === 'ssl-redirect' ? 'the host has TLS (ssl-redirect)' : 'nginx adds the trailing slash';
    hop(
      req,
      where,
      where,
      'redirect',
      `${String(r.httpStatus)} to ${r.redirectTo}: ${why}.${next ? ' The client follows it.' : ''}`,
      0,
    );
    const end = yield* answer(ctx, req, conn, r.httpStatus, `Location: ${r.redirectTo}.`);
    if (end.outcome !== 'delivered' || !next?.scheme) return { ...end, outcome: 'rejected' };
    return { redirect: next };
  }
  if (r.outcome !== 'proxied' || !r.endpoint)
    return yield* answer(
      ctx,
      req,
      conn,
      r.httpStatus,
      r.outcome === 'not-found' ? 'no rule matches (default backend).' : 'no ready endpoint for the backend.',
    );
  const ep = r.endpoint;
  if (ep.externalName !== undefined)
    return yield* answer(
      ctx,
      req,
      conn,
      502,
      `the upstream is the external name ${ep.externalName}, outside the cluster (the simulation has no internet).`,
    );
  const pod = controller.pod;
  if (!pod) return yield* answer(ctx, req, conn, 502, 'no controller pod.');
  const self = podPeer(model, pod);
  const sent = { src: localAddress(ctx, req, self.ip), dst: serverAddr(ep.ip, ep.port) };
  if (ctx.wait(LATENCY.proxy)) yield LATENCY.proxy;
  const upstreamPath = r.upstreamPath;
  hop(req, where, where, 'proxy', opensUpstream, 0, conn.seen, sent, upstreamPath, {
    pick:
      ep.pod === undefined
        ? undefined
        : { pod: `${ep.namespace}/${ep.pod}`, how: 'round-robin', probability: 1 / choices, of: choices },
  });
  const saved = req.service;
  const upstream = yield* connect(ctx, req, self, sent, 'TCP');
  req.service = saved;
  if (!upstream.ok) {
    // A silent drop (kube-proxy DROP, NetworkPolicy) is a connect timeout for nginx, not a refusal.
    const silent = upstream.fate.outcome === 'timeout' || upstream.fate.outcome === 'dropped';
    const status = silent ? 504 : 502;
    return yield* answer(
      ctx,
      req,
      conn,
      status,
      status === 504
        ? 'Gateway Timeout: the upstream did not answer.'
        : 'Bad Gateway: the upstream refused the connection.',
    );
  }
  req.backend = {
    namespace: ep.namespace,
    pod: ep.pod ?? upstream.conn.server.id.split('/')[2] ?? '',
    ip: ep.ip,
    port: ep.port,
  };
  if (ctx.wait(LATENCY.app)) yield LATENCY.app;
  const lost = yield* reply(ctx, req, upstream.conn, {
    respond: upstreamAnswers,
    receive: nginxReceives,
    detail: upstreamPath,
  });
  close(ctx, upstream.conn);
  if (lost) return yield* answer(ctx, req, conn, 504, 'Gateway Timeout: the upstream answer was lost.');
  return yield* answer(ctx, req, conn, 200, 'it relays the upstream answer.');
}
