// One request from start to end: the client, the name resolved (CoreDNS from a pod; the ingress
// controller's address from outside, as `curl --resolve`), the connection, the server's answer
// (or ingress-nginx's routing), the reply, and redirects followed (at most 3).

import type { ClusterModel } from '../cluster/types.ts';
import { connect } from './open-connection.ts';
import { resolveName, type Resolution } from './dns-exchange.ts';
import { ingressNginx } from './ingress-step.ts';
import { peerFor, type Peer } from './peers.ts';
import { listener, listens } from './places.ts';
import type { Tuple } from './conntrack.ts';
import { remembered } from './memo.ts';
import { reply, type ReplyText } from './reply.ts';
import {
  REPLY,
  FAILED,
  addr,
  flowMemo,
  hop,
  LATENCY,
  localAddress,
  serverAddr,
  splitAddr,
  type Fate,
  type Proc,
  type RequestState,
  type RunContext,
} from './run-context.ts';
import type { SimHop } from './sim-types.ts';
import type { Shape } from './run-request.ts';
import { isIPv4, type TraceTarget } from './target.ts';
import type { Connection } from './walk.ts';

const ingressAddresses = new WeakMap<ClusterModel, { readonly ip: string | undefined }>();

/** The ingress controller's LoadBalancer address, found once per model. */
function ingressAddress(ctx: RunContext): string | undefined {
  const model = ctx.view.model;
  let found = ingressAddresses.get(model);
  if (!found) {
    const svc = model.services.find(
      (s) => s.namespace === 'ingress-nginx' && s.name === 'ingress-nginx-controller',
    );
    found = { ip: svc?.loadBalancerIPs[0] };
    ingressAddresses.set(model, found);
  }
  return found.ip;
}

const urlOf = (t: TraceTarget): string =>
  t.scheme
    ? `${t.scheme}://${t.host}${t.port === (t.scheme === 'https' ? 443 : 80) ? '' : `:${String(t.port)}`}${t.path}${t.query}`
    : `${t.host}:${String(t.port)}`;

/** Containers of one pod share its network namespace: `localhost` reaches them over lo. */
function* loopback(
  ctx: RunContext,
  req: RequestState,
  client: Peer,
  target: TraceTarget,
  ip: string,
): Proc<Fate> {
  const pod = client.pod;
  const ok = pod !== undefined && listens(pod, target.port, 'TCP');
  const sent = { src: addr(ip, 32768 + Math.floor(req.random() * 28232)), dst: addr(ip, target.port) };
  hop(
    req,
    client.id,
    client.id,
    'send',
    `${target.scheme ? `GET ${urlOf(target)}` : `Connect to ${urlOf(target)}`} from inside pod ${client.id.slice(4)}.`,
    0,
    sent,
  );
  if (ctx.wait(LATENCY.loopback)) yield LATENCY.loopback;
  const container = pod ? listener(pod, target.port, 'TCP') : undefined;
  hop(
    req,
    client.id,
    client.id,
    'loopback',
    ok
      ? `Over lo inside the pod's network namespace, which all its containers share: container ${container ?? ''} listens on port ${String(target.port)}.`
      : `Over lo inside the pod's network namespace: no container of the pod listens on port ${String(target.port)}, so the kernel answers RST (connection refused).`,
    !ok ? FAILED : 0,
    undefined,
    sent,
  );
  if (!ok || !pod) return { outcome: 'rejected' };
  req.backend = { namespace: pod.namespace, pod: pod.name, ip, port: target.port };
  if (ctx.wait(LATENCY.app)) yield LATENCY.app;
  hop(
    req,
    client.id,
    client.id,
    'receive',
    `${target.scheme ? 'HTTP/1.1 200 OK' : 'The connection is accepted'} from ${container ?? ''}, back over lo.`,
    REPLY,
    { src: sent.dst, dst: sent.src },
  );
  return target.scheme ? { outcome: 'delivered', httpStatus: 200 } : { outcome: 'delivered' };
}

export type Attempt = Fate | { readonly redirect: TraceTarget };

/** The send hop: the request, and how its host became the address dialled. */
function sendSentence(
  target: TraceTarget,
  client: Peer,
  how: 'literal' | 'ingress' | 'dns',
  records: number,
  dialled: string,
): string {
  const said =
    how === 'ingress'
      ? `: ${target.host} resolves to the ingress controller's address ${dialled} (as \`curl --resolve ${target.host}:${String(target.port)}:${dialled}\` does; outside DNS is not simulated)`
      : how === 'literal'
        ? ''
        : records > 1
          ? `: ${target.host} has ${String(records)} A records (a headless Service: pod IPs, no ClusterIP); CoreDNS's loadbalance plugin shuffles them and the client takes the first, ${dialled}`
          : `: ${target.host} is ${dialled}`;
  return `${target.scheme ? `GET ${urlOf(target)}` : `Connect to ${urlOf(target)}`}${said}${client.kind === 'external' ? ' from the outside client' : ''}.`;
}

const sendSentences = new WeakMap<TraceTarget, Map<string, string>>();

// The answer's sentences (reply.ts): the respond hop comes from the server.
const httpOk = (h: SimHop): string => `HTTP/1.1 200 OK from ${h.from.slice(4)}.`;
const synAck = (h: SimHop): string => `${h.from.slice(4)} accepts the connection (SYN-ACK).`;
const clientReceives = (arrived: Tuple, text: ReplyText): string =>
  `The client receives the answer from ${arrived.src}${arrived.src === text.dialled ? ', the address it dialled' : ''}.`;

/** What a flow's requests to one target share, worked out once per model (the flow's memo). */
export interface TargetMemo {
  readonly target: TraceTarget;
  readonly client: Peer | string;
  /** The host's resolution from the client pod (dns-exchange.ts). */
  resolution: Resolution | undefined;
  /** Whether its requests run as one process (run-request.ts), once known. */
  shape: Shape | null | undefined;
  /** The address dialled last, and what the send hop and the answer say for it. */
  ip: string | undefined;
  send: string;
  dialled: string;
  answer: ReplyText | undefined;
}

/** The memo's send sentence, address and answer texts for dialling `ip` (kept while it is the same). */
export function dial(
  memo: TargetMemo,
  client: Peer,
  how: 'literal' | 'ingress' | 'dns',
  records: number,
  ip: string,
): void {
  if (memo.ip === ip && records === 1) return;
  const { target } = memo;
  const write = () => sendSentence(target, client, how, records, ip);
  // One sentence per target and address: a target is parsed once per flow, which has one client.
  memo.send = records === 1 ? remembered(sendSentences, target, ip, write) : write();
  memo.dialled = serverAddr(ip, target.port);
  memo.answer = { respond: target.scheme ? httpOk : synAck, receive: clientReceives, dialled: memo.dialled };
  memo.ip = records === 1 ? ip : undefined;
}

export function targetMemo(ctx: RunContext, req: RequestState, target: TraceTarget): TargetMemo {
  const memo = flowMemo(ctx, req);
  const found = memo.target;
  if (found?.target === target) return found;
  const made: TargetMemo = {
    target,
    client: peerFor(ctx.view.model, req.from),
    resolution: undefined,
    shape: undefined,
    ip: undefined,
    send: '',
    dialled: '',
    answer: undefined,
  };
  memo.target = made;
  return made;
}

/**
 * Where the connection arrived: ingress-nginx on 80 or 443 takes an HTTP request over (its scheme
 * is returned); any other pod is the request's backend.
 */
export function arrived(
  req: RequestState,
  conn: Connection,
  target: TraceTarget,
): 'http' | 'https' | undefined {
  const server = conn.server.pod;
  const planned = conn.planned?.backend;
  const port = planned ? planned.port : splitAddr(conn.seen.dst).port;
  if (server?.system === 'ingress-nginx' && target.scheme && (port === 80 || port === 443))
    return port === 443 ? 'https' : 'http';
  if (server)
    req.backend = planned ?? { namespace: server.namespace, pod: server.name, ip: conn.server.ip, port };
  return undefined;
}

export function* attempt(ctx: RunContext, req: RequestState, target: TraceTarget): Proc<Attempt> {
  const memo = targetMemo(ctx, req, target);
  const client = memo.client;
  const fromId = req.from === 'external' ? 'external/client' : req.from;
  if (typeof client === 'string' || (client.node !== undefined && ctx.view.isDown(client.node))) {
    hop(
      req,
      fromId,
      fromId,
      'send',
      typeof client === 'string'
        ? `Cannot send: ${client}.`
        : `Cannot send: node ${client.node ?? ''} is down, so ${client.id} is not running.`,
      FAILED,
    );
    return { outcome: 'no-route' };
  }
  let ip = target.host === 'localhost' ? '127.0.0.1' : target.host;
  // How the name became an address: `how` says it (written once per target and address).
  let how: 'literal' | 'ingress' | 'dns' = 'literal';
  let records = 1;
  if (!isIPv4(ip)) {
    if (client.kind === 'external') {
      const lb = ingressAddress(ctx);
      if (lb === undefined) {
        hop(
          req,
          client.id,
          client.id,
          'send',
          `${target.host} does not resolve outside the cluster: no Ingress exposes it.`,
          FAILED,
        );
        return { outcome: 'dns-failure' };
      }
      ip = lb;
      how = 'ingress';
    } else {
      const resolved = yield* resolveName(ctx, req, client, target.host, memo);
      if (!resolved.ok) {
        if (resolved.cname !== undefined) {
          hop(
            req,
            client.id,
            'external/client',
            'leave',
            `${target.host} is a CNAME to ${resolved.cname}, outside the cluster (an ExternalName Service: no proxying, only DNS). The connection would leave through node ${client.node ?? ''}, masqueraded to its address; the simulation has no internet, so the request ends here.`,
            FAILED,
          );
        }
        return resolved.fate;
      }
      ip = resolved.ip;
      how = 'dns';
      records = resolved.records;
    }
  }
  if (client.kind === 'pod' && (ip.startsWith('127.') || ip === client.ip))
    return yield* loopback(ctx, req, client, target, ip);
  dial(memo, client, how, records, ip);
  const sent = { src: localAddress(ctx, req, client.ip), dst: memo.dialled };
  if (ctx.wait(LATENCY.loopback)) yield LATENCY.loopback;
  hop(req, client.id, client.id, 'send', memo.send, 0, sent);
  const answer = memo.answer ?? { respond: httpOk, receive: clientReceives };
  const opened = yield* connect(ctx, req, client, sent, 'TCP');
  if (!opened.ok) return opened.fate;
  const conn = opened.conn;
  const ingress = arrived(req, conn, target);
  if (ingress) return yield* ingressNginx(ctx, req, conn, target, ingress);
  if (ctx.wait(LATENCY.app)) yield LATENCY.app;
  const lost = yield* reply(ctx, req, conn, answer);
  if (lost) return lost;
  return target.scheme ? { outcome: 'delivered', httpStatus: 200 } : { outcome: 'delivered' };
}
