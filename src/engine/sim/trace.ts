// One request from outside the cluster, hop by hop: the client, the cloud load balancer, the
// node's kube-proxy rules (walked by the mode's evaluator), the ingress controller's route table,
// and the pod. Seeded: the same scenario and seed give the same trace everywhere.

import { rngFor } from '../cluster/rng.ts';
import type { ClusterModel, ClusterPod, ClusterService, ProxyMode } from '../cluster/types.ts';
import { routeRequest } from '../ingress/route-request.ts';
import type { IngressRouteTable } from '../ingress/types.ts';
import { proxyAtNode } from './node-proxy.ts';
import { isIPv4, parseTraceTarget, type TraceTarget } from './target.ts';
import type { TraceAnswer, TraceHop, TraceOptions, TraceResult } from './trace-types.ts';

/** An address from TEST-NET-3 (RFC 5737): the outside client. */
export const EXTERNAL_CLIENT_IP = '203.0.113.10';

interface Walk {
  readonly model: ClusterModel;
  readonly table: IngressRouteTable | undefined;
  readonly mode: ProxyMode;
  readonly random: () => number;
  readonly hops: TraceHop[];
  at: number;
}

const addr = (ip: string, port: number) => `${ip}:${String(port)}`;

/** Rule texts that decide a packet's destination or fate, in every mode's printing. */
const DECISIVE = /-j DNAT|dnat to|^\s*->|-j REJECT|\breject\b|-j DROP|\bdrop$|-j REDIRECT/;

function hop(w: Walk, cost: number, h: Omit<TraceHop, 'at'>): void {
  w.at = Math.round((w.at + cost) * 1000) / 1000;
  w.hops.push({ at: w.at, ...h });
}

function ingressController(model: ClusterModel): ClusterService | undefined {
  return model.services.find((s) => s.namespace === 'ingress-nginx' && s.name === 'ingress-nginx-controller');
}

/** Which node an outside packet for `ip` reaches, and how. */
function entryNode(w: Walk, ip: string): { node: string; via: string } | undefined {
  const node = w.model.nodes.find((n) => n.internalIP === ip);
  if (node) return { node: node.name, via: `${ip} is node ${node.name}'s InternalIP` };
  const ready = w.model.nodes.filter((n) => n.ready);
  const pick = ready[Math.floor(w.random() * ready.length)];
  if (!pick) return undefined;
  const lb = w.model.services.find((s) => s.loadBalancerIPs.includes(ip));
  if (lb)
    return {
      node: pick.name,
      via: `the cloud load balancer of Service ${lb.namespace}/${lb.name} (${ip}) forwards to node ${pick.name}; the destination stays ${ip}, which kube-proxy matches`,
    };
  const ext = w.model.services.find((s) => s.externalIPs.includes(ip));
  if (ext)
    return {
      node: pick.name,
      via: `the network routes ${ip} (an externalIP of Service ${ext.namespace}/${ext.name}) to node ${pick.name}`,
    };
  return undefined;
}

function podByIP(model: ClusterModel, ip: string): ClusterPod | undefined {
  return model.pods.find((p) => p.ip === ip && !p.hostNetwork);
}

/** A container listens on its declared ports; a pod that declares none answers on any port. */
function listens(pod: ClusterPod, port: number): boolean {
  const declared = pod.containers.flatMap((c) => c.ports);
  return declared.length === 0 || declared.some((p) => p.containerPort === port && p.protocol === 'TCP');
}

/** From `node`, reach pod `ip:port`: the node network if it lives elsewhere, then the pod. */
function reachPod(
  w: Walk,
  fromNode: string,
  src: string,
  ip: string,
  port: number,
): ClusterPod | 'refused' | undefined {
  const pod = podByIP(w.model, ip);
  if (!pod) {
    hop(w, 0.1, {
      where: `node/${fromNode}`,
      kind: 'route',
      description: `No pod has ${ip}: the packet has nowhere to go.`,
    });
    return undefined;
  }
  if (pod.node !== fromNode) {
    const cidr = w.model.nodes.find((n) => n.name === pod.node)?.podCIDR ?? '?';
    hop(w, 0.2, {
      where: `node/${fromNode}`,
      kind: 'route',
      description: `${ip} is in node ${pod.node}'s pod CIDR ${cidr}: routed over the node network to ${pod.node}.`,
      before: { src, dst: addr(ip, port) },
    });
  }
  if (!listens(pod, port)) {
    hop(w, 0.1, {
      where: `pod/${pod.namespace}/${pod.name}`,
      kind: 'deliver',
      description: `No container of ${pod.name} listens on port ${String(port)}: the connection is refused (TCP RST).`,
    });
    return 'refused';
  }
  hop(w, 0.1, {
    where: `pod/${pod.namespace}/${pod.name}`,
    kind: 'deliver',
    description: `Delivered to pod ${pod.namespace}/${pod.name} (${ip}) on port ${String(port)}.`,
    after: { src, dst: addr(ip, port) },
  });
  return pod;
}

/** The node's kube-proxy decision for an outside packet, as a hop; the DNAT target when there is one. */
function kubeProxy(w: Walk, node: string, src: string, ip: string, port: number) {
  const d = proxyAtNode(w.model, node, w.mode, {
    sourceIP: src.split(':')[0] ?? src,
    destIP: ip,
    destPort: port,
    protocol: 'TCP',
    origin: 'forwarded',
    random: w.random,
  });
  // The rule that decided where the packet goes (not the MASQUERADE that follows it).
  const last = [...d.matched].reverse().find((m) => DECISIVE.test(m.text)) ?? d.matched[d.matched.length - 1];
  const after = d.dnat ? addr(d.dnat.ip, d.dnat.port) : addr(ip, port);
  // SNAT happens in POSTROUTING on the way out of this node: the pod sees the node as the client.
  const nodeIP = w.model.nodes.find((n) => n.name === node)?.internalIP ?? '';
  const afterSrc = d.masquerade ? addr(nodeIP, Number(src.split(':')[1] ?? 0)) : src;
  const odds =
    d.probability !== undefined && d.probability < 1
      ? ` (picked with probability ${d.probability.toFixed(4)})`
      : '';
  const what =
    d.verdict === 'dnat'
      ? `DNAT to ${after}${d.pod ? ` (pod ${d.pod})` : ''}${odds}${d.masquerade ? '; marked for masquerade, so the source becomes the node' : ''}`
      : d.verdict === 'reject'
        ? 'REJECT: the Service has no endpoints here'
        : d.verdict === 'drop'
          ? 'DROP'
          : 'no kube-proxy rule matches';
  hop(w, 0.1, {
    where: `node/${node}`,
    kind: 'kube-proxy',
    description: `kube-proxy's ${w.mode} rules on ${node} (${String(d.rulesVisited)} rules looked at): ${what}.`,
    ...(last ? { rule: last.text } : {}),
    before: { src, dst: addr(ip, port) },
    after: { src: afterSrc, dst: after },
  });
  return { ...d, afterSrc };
}

function ingressPath(w: Walk, target: TraceTarget, scheme: 'http' | 'https', redirects: number): TraceResult {
  const svc = ingressController(w.model);
  const table = w.table;
  const lbIP = svc?.loadBalancerIPs[0];
  if (!svc || !table || lbIP === undefined)
    return noRoute(
      w,
      `${target.host} does not resolve outside the cluster: no Ingress exposes it.`,
      'dns-failure',
    );
  const port = scheme === 'https' ? 443 : 80;
  const src = addr(EXTERNAL_CLIENT_IP, 40000 + Math.floor(w.random() * 20000));
  const url = `${scheme}://${target.host}${target.path}${target.query}`;
  hop(w, 0, {
    where: 'client',
    kind: 'send',
    description: isIPv4(target.host)
      ? `GET ${url} from the outside client.`
      : `GET ${url}: ${target.host} resolves to the ingress controller's address ${lbIP} (as \`curl --resolve ${target.host}:${String(port)}:${lbIP}\` does; outside DNS is not simulated).`,
    before: { src, dst: addr(lbIP, port) },
  });
  const entry = entryNode(w, lbIP);
  if (!entry) return noRoute(w, `No ready node can take traffic for ${lbIP}.`);
  hop(w, 1, { where: 'load-balancer', kind: 'forward', description: `Forwarded: ${entry.via}.` });
  const d = kubeProxy(w, entry.node, src, lbIP, port);
  if (d.verdict !== 'dnat' || !d.dnat) return verdictEnd(w, d.verdict);
  const controller = reachPod(w, entry.node, d.afterSrc, d.dnat.ip, d.dnat.port);
  if (controller === 'refused') return { outcome: 'rejected', hops: w.hops };
  if (!controller) return { outcome: 'no-route', hops: w.hops };

  const counter = Math.floor(w.random() * 1_000_000);
  const r = routeRequest(
    table,
    w.model,
    { scheme, host: isIPv4(target.host) ? '' : target.host, path: target.path },
    { counter },
  );
  const where = `pod/${controller.namespace}/${controller.name}`;
  const rule = r.ingress
    ? `Ingress ${r.ingress.namespace}/${r.ingress.name}: host ${r.ingress.host || '*'} path ${r.ingress.path}`
    : undefined;
  hop(w, 0.5, { where, kind: 'ingress', description: r.explanation.join(' '), ...(rule ? { rule } : {}) });
  const routed = {
    ...(r.ingress ? { ingress: r.ingress } : {}),
    ...(r.service ? { service: r.service } : {}),
  };
  if (r.outcome === 'redirect' && r.redirectTo !== undefined) {
    const next = parseTraceTarget(r.redirectTo);
    const why =
      r.redirectKind === 'ssl-redirect' ? 'the host has TLS (ssl-redirect)' : 'nginx adds the trailing slash';
    hop(w, 0.1, {
      where,
      kind: 'redirect',
      description: `${String(r.httpStatus)} to ${r.redirectTo}: ${why}.${next && redirects < 3 ? ' The client follows it.' : ''}`,
    });
    if (next?.scheme && redirects < 3) return ingressPath(w, next, next.scheme, redirects + 1);
    return { outcome: 'rejected', httpStatus: r.httpStatus, ...routed, hops: w.hops };
  }
  if (r.outcome !== 'proxied' || !r.endpoint) {
    hop(w, 0.1, { where, kind: 'respond', description: `ingress-nginx answers ${String(r.httpStatus)}.` });
    return { outcome: 'rejected', httpStatus: r.httpStatus, ...routed, hops: w.hops };
  }
  const ep = r.endpoint;
  const proxySrc = addr(controller.ip, 30000 + Math.floor(w.random() * 30000));
  hop(w, 0.1, {
    where,
    kind: 'proxy',
    description: `ingress-nginx opens its own connection to endpoint ${addr(ep.ip, ep.port)} directly (the Service's ClusterIP is not used), path ${r.upstreamPath}.`,
    before: { src, dst: addr(lbIP, port) },
    after: { src: proxySrc, dst: addr(ep.ip, ep.port) },
  });
  const backend = reachPod(w, controller.node, proxySrc, ep.ip, ep.port);
  if (backend === 'refused') {
    hop(w, 0.1, {
      where,
      kind: 'respond',
      description: 'The upstream refused the connection: ingress-nginx answers 502 Bad Gateway.',
    });
    return { outcome: 'rejected', httpStatus: 502, ...routed, hops: w.hops };
  }
  if (!backend) return { outcome: 'no-route', ...routed, hops: w.hops };
  return {
    outcome: 'delivered',
    httpStatus: 200,
    ...routed,
    backend: { namespace: backend.namespace, pod: backend.name, ip: ep.ip, port: ep.port },
    hops: w.hops,
  };
}

function verdictEnd(w: Walk, verdict: string): TraceResult {
  if (verdict === 'reject') return { outcome: 'rejected', hops: w.hops };
  if (verdict === 'drop') return { outcome: 'dropped', hops: w.hops };
  return { outcome: 'rejected', hops: [...w.hops] };
}

function noRoute(w: Walk, why: string, outcome: 'no-route' | 'dns-failure' = 'no-route'): TraceResult {
  hop(w, 0, { where: 'client', kind: 'send', description: why });
  return { outcome, hops: w.hops };
}

/** Straight to an address: a NodePort on a node, a LoadBalancer IP or an externalIP. */
function directPath(w: Walk, target: TraceTarget): TraceResult {
  const src = addr(EXTERNAL_CLIENT_IP, 40000 + Math.floor(w.random() * 20000));
  hop(w, 0, {
    where: 'client',
    kind: 'send',
    description: `The outside client connects to ${addr(target.host, target.port)}.`,
    before: { src, dst: addr(target.host, target.port) },
  });
  const entry = entryNode(w, target.host);
  if (!entry)
    return noRoute(
      w,
      `Nothing in the cluster answers for ${target.host}: it is no node, LoadBalancer IP or externalIP.`,
    );
  if (!w.model.nodes.some((n) => n.internalIP === target.host))
    hop(w, 1, { where: 'load-balancer', kind: 'forward', description: `Forwarded: ${entry.via}.` });
  const d = kubeProxy(w, entry.node, src, target.host, target.port);
  if (d.verdict !== 'dnat' || !d.dnat) {
    if (d.verdict === 'no-match' || d.verdict === 'accept')
      hop(w, 0.1, {
        where: `node/${entry.node}`,
        kind: 'respond',
        description: `Nothing on ${entry.node} listens on port ${String(target.port)}: connection refused.`,
      });
    return verdictEnd(w, d.verdict);
  }
  const pod = reachPod(w, entry.node, d.afterSrc, d.dnat.ip, d.dnat.port);
  if (pod === 'refused') return { outcome: 'rejected', hops: w.hops };
  if (!pod) return { outcome: 'no-route', hops: w.hops };
  return {
    outcome: 'delivered',
    backend: { namespace: pod.namespace, pod: pod.name, ip: d.dnat.ip, port: d.dnat.port },
    hops: w.hops,
  };
}

/** Traces one request; `table` is the ingress route table of the same model (undefined: no Ingress). */
export function traceRequest(
  model: ClusterModel,
  table: IngressRouteTable | undefined,
  options: TraceOptions,
): TraceAnswer {
  const target = parseTraceTarget(options.to);
  if (!target)
    return { ok: false, error: `--to must be a URL (http://HOST/PATH) or HOST:PORT, not "${options.to}"` };
  if (options.from !== 'external')
    return {
      ok: false,
      error: `--from ${options.from}: only "external" is traced so far (pods and nodes come with the packet simulator)`,
    };
  const rng = rngFor(options.seed ?? model.settings.seed, `trace\u0000${options.from}\u0000${options.to}`);
  const w: Walk = {
    model,
    table,
    mode: options.proxyMode ?? model.settings.proxyMode,
    random: () => rng() / 2 ** 32,
    hops: [],
    at: 0,
  };
  const lbIP = ingressController(model)?.loadBalancerIPs[0];
  const viaIngress =
    target.scheme !== undefined &&
    (!isIPv4(target.host) || (target.host === lbIP && (target.port === 80 || target.port === 443)));
  const result = viaIngress ? ingressPath(w, target, target.scheme ?? 'http', 0) : directPath(w, target);
  return { ok: true, result };
}
