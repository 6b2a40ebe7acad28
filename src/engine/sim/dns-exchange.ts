// A name resolved from a pod as its resolver does it (glibc res_nsearch: the search list first
// when the name has fewer than ndots:5 dots), each query a UDP exchange with kube-dns's ClusterIP
// that kube-proxy DNATs to a CoreDNS pod like any packet. The answers are CoreDNS's
// (cluster/dns.ts lookup); several A records are shuffled by CoreDNS's loadbalance plugin
// (kubeadm's Corefile) and the client takes the first.

import { lookup, type DnsLookupResult } from '../cluster/dns.ts';
import { clusterDnsIP, resolvConf } from '../cluster/resolv-conf.ts';
import type { ClusterModel, ClusterPod } from '../cluster/types.ts';
import { connect } from './open-connection.ts';
import type { Peer } from './peers.ts';
import { reply, type ReplyText } from './reply.ts';
import type { SimHop } from './sim-types.ts';
import {
  FAILED,
  addr,
  hop,
  LATENCY,
  localAddress,
  type Fate,
  type Proc,
  type RequestState,
  type RunContext,
} from './run-context.ts';

export type Resolved =
  | { readonly ok: true; readonly ip: string; readonly records: number }
  | { readonly ok: false; readonly fate: Fate; readonly cname?: string };

/** What a pod's resolver does for one name, computed once per model: the queries and their answers. */
export interface Resolution {
  readonly result: DnsLookupResult;
  /** The pod's first nameserver, and kube-dns's ClusterIP. */
  readonly server: string | undefined;
  readonly dnsIP: string | undefined;
  /** `dnsIP:53`. */
  readonly dnsAddr: string | undefined;
  readonly queries: readonly string[];
  /** What each query's answer hop says (reply.ts), one per query. */
  readonly replies: readonly ReplyText[];
  /** The answer's A records (the client takes one) and its CNAME, if any. */
  readonly a: readonly string[];
  readonly cname: string | undefined;
}

// Per model, per client pod object, per name: a request asks without making a key string.
const resolutions = new WeakMap<ClusterModel, Map<ClusterPod, Map<string, Resolution>>>();

export function resolution(model: ClusterModel, pod: ClusterPod, name: string): Resolution {
  let perModel = resolutions.get(model);
  if (!perModel) {
    perModel = new Map();
    resolutions.set(model, perModel);
  }
  let perPod = perModel.get(pod);
  if (!perPod) {
    perPod = new Map();
    perModel.set(pod, perPod);
  }
  const found = perPod.get(name);
  if (found) return found;
  const dnsIP = clusterDnsIP(model);
  const conf = resolvConf(model, pod);
  const result = lookup(model, pod, name, 'A');
  const ndots = conf.options.find((o) => o.startsWith('ndots:')) ?? 'ndots:1';
  const n = result.tried.length;
  const dots = name.split('.').length - 1;
  const queries = result.tried.map(
    (q, i) =>
      `The resolver asks kube-dns ${dnsIP ?? ''}:53 (udp) for ${q} A (${i === 0 ? `${name} has ${String(dots)} dots, ${ndots}: ${n > 1 ? 'the search list is tried' : 'asked as is'}` : `next name, ${String(i + 1)} of ${String(n)}`}).`,
  );
  const answers = result.tried.map((q, i) =>
    i < n - 1
      ? `NXDOMAIN for ${q}.`
      : result.rcode === 'NOERROR' && result.answers.length > 0
        ? `NOERROR: ${result.answers.map((a) => `${a.name} ${a.type} ${a.data}`).join('; ')}.`
        : result.rcode === 'NOERROR'
          ? 'NOERROR with no A record (the name exists, without an address).'
          : `NXDOMAIN for ${q}.`,
  );
  const r: Resolution = {
    result,
    server: conf.nameservers[0],
    dnsIP,
    dnsAddr: dnsIP === undefined ? undefined : addr(dnsIP, 53),
    queries,
    replies: answers.map((detail) => ({
      respond: dnsAnswer,
      respondKind: 'dns-answer',
      receive: received,
      detail,
    })),
    a: result.answers.filter((x) => x.type === 'A').map((x) => x.data),
    cname: result.answers.find((x) => x.type === 'CNAME')?.data,
  };
  perPod.set(name, r);
  return r;
}

/** CoreDNS's answer, from the pod the query reached (the hop's `from`). */
const dnsAnswer = (h: SimHop, text: ReplyText): string =>
  `CoreDNS ${h.from.slice(4)} answers ${text.detail ?? ''}`;

const received = (arrived: { readonly src: string }): string =>
  `The answer arrives from ${arrived.src}, the address the resolver asked (conntrack reversed the DNAT).`;

function failHere(req: RequestState, client: Peer, description: string): Resolved {
  hop(req, client.id, client.id, 'resolve', description, FAILED);
  return { ok: false, fate: { outcome: 'dns-failure' } };
}

/** A query that got no answer: the resolver times out, or the lookup fails. */
export const queryFailed = (fate: Fate): Fate => ({
  outcome: fate.outcome === 'timeout' ? 'timeout' : 'dns-failure',
});

/** DNS exchanges show only their decisive hops. */
export const COMPACT = { compact: true } as const;
export const NO_ANSWER: ReplyText = {
  respond: dnsAnswer,
  respondKind: 'dns-answer',
  receive: received,
  detail: '',
};

/** Resolves `name` for `client`; the queries and answers are hops. */
export function* resolveName(
  ctx: RunContext,
  req: RequestState,
  client: Peer,
  name: string,
  known?: { resolution: Resolution | undefined },
): Proc<Resolved> {
  const model = ctx.view.model;
  const pod = client.pod;
  if (!pod || client.kind === 'external')
    return failHere(
      req,
      client,
      `${name}: node ${client.node ?? ''}'s /etc/resolv.conf points at 8.8.8.8, outside the cluster; cluster names do not resolve on nodes (and the simulation has no internet).`,
    );
  // A flow keeps its name's resolution (request.ts TargetMemo): the same for the model and pod.
  const r = known?.resolution ?? resolution(model, pod, name);
  if (known) known.resolution = r;
  const { result, dnsIP, dnsAddr } = r;
  if (dnsIP === undefined || dnsAddr === undefined || r.server !== dnsIP)
    return failHere(
      req,
      client,
      `${name}: the pod's /etc/resolv.conf (dnsPolicy ${pod.dnsPolicy || 'ClusterFirst'}${pod.hostNetwork ? ', hostNetwork' : ''}) points at ${r.server ?? 'no nameserver'}, not kube-dns: cluster names do not resolve there (and the simulation has no internet).`,
    );
  for (let i = 0; i < result.tried.length; i++) {
    const sent = { src: localAddress(ctx, req, client.ip), dst: dnsAddr };
    if (ctx.wait(LATENCY.loopback)) yield LATENCY.loopback;
    hop(req, client.id, client.id, 'dns-query', r.queries[i] ?? '', 0, sent);
    const saved = req.service;
    const opened = yield* connect(ctx, req, client, sent, 'UDP', COMPACT);
    req.service = saved;
    if (!opened.ok) return { ok: false, fate: queryFailed(opened.fate) };
    if (ctx.wait(LATENCY.dns)) yield LATENCY.dns;
    const lost = yield* reply(ctx, req, opened.conn, r.replies[i] ?? NO_ANSWER);
    if (lost) return { ok: false, fate: lost };
  }
  const { a, cname } = r;
  if (a.length === 0) {
    if (cname !== undefined) return { ok: false, fate: { outcome: 'no-route' }, cname };
    return failHere(
      req,
      client,
      `${name} does not resolve: ${result.rcode} after trying ${result.tried.join(', ')}.`,
    );
  }
  const pick = a.length > 1 ? Math.floor(req.random() * a.length) : 0;
  return { ok: true, ip: a[pick] ?? '', records: a.length };
}
