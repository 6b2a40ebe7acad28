// How a packet from outside reaches a node: straight to a node's InternalIP (a NodePort), through
// the cloud load balancer of a LoadBalancer Service (which health-checks nodes: under
// externalTrafficPolicy Local only nodes with a ready local endpoint pass, via healthCheckNodePort;
// kube-proxy pkg/proxy/healthcheck), or an externalIP the network routes to some node.

import type { ClusterModel, ClusterService } from '../cluster/types.ts';
import { placesOf } from './places.ts';
import {
  FAILED,
  hop,
  LATENCY,
  nodeId,
  type Fate,
  type Proc,
  type RequestState,
  type RunContext,
} from './run-context.ts';
import type { ClusterView } from './world.ts';

export const LOAD_BALANCER = 'external/load-balancer';

/** Nodes the cloud load balancer sends to, and why. */
function healthyNodes(
  view: ClusterView,
  model: ClusterModel,
  service: ClusterService,
): { nodes: string[]; why: string } {
  const ready = model.nodes.filter((n) => !view.isDown(n.name)).map((n) => n.name);
  if (service.externalTrafficPolicy !== 'Local')
    return { nodes: ready, why: 'every ready node passes its health check (externalTrafficPolicy Cluster)' };
  const local = new Set<string>();
  for (const slice of model.endpointSlices)
    if (slice.namespace === service.namespace && slice.serviceName === service.name)
      for (const ep of slice.endpoints)
        if (ep.conditions.ready && ep.nodeName !== undefined) local.add(ep.nodeName);
  const healthy = ready.filter((n) => local.has(n));
  if (healthy.length === 0)
    return {
      nodes: ready,
      why: `externalTrafficPolicy Local and no node has a ready endpoint: every health check on port ${String(service.healthCheckNodePort ?? 0)} fails, so the load balancer fails open to all nodes`,
    };
  return {
    nodes: healthy,
    why: `externalTrafficPolicy Local: only nodes with a ready endpoint (${healthy.join(', ')}) pass the health check on port ${String(service.healthCheckNodePort ?? 0)}`,
  };
}

export type Entry = { readonly node: string; readonly via: string } | { readonly fate: Fate };

/** Carries the outside client's packet for `ip` to a node; the hops are yielded. */
export function* enterFromOutside(ctx: RunContext, req: RequestState, ip: string): Proc<Entry> {
  const model = ctx.view.model;
  const places = placesOf(model);
  const client = 'external/client';
  const node = places.nodeByIP.get(ip);
  if (node) {
    if (ctx.wait(LATENCY.internet)) yield LATENCY.internet;
    const down = ctx.view.isDown(node.name);
    hop(
      req,
      client,
      nodeId(node.name),
      'forward',
      down
        ? `${ip} is node ${node.name}'s InternalIP, but the node is down: nothing answers.`
        : `${ip} is node ${node.name}'s InternalIP: the packet reaches the node.`,
      down ? FAILED : 0,
    );
    return down ? { fate: { outcome: 'timeout' } } : { node: node.name, via: client };
  }
  const lb = model.services.find((s) => s.loadBalancerIPs.includes(ip));
  const ext = lb ? undefined : model.services.find((s) => s.externalIPs.includes(ip));
  const service = lb ?? ext;
  if (!service) {
    hop(
      req,
      client,
      client,
      'route',
      `Nothing in the cluster answers for ${ip} from outside: it is no node, LoadBalancer IP or externalIP (pod IPs and ClusterIPs are not routable outside the cluster).`,
      FAILED,
    );
    return { fate: { outcome: 'no-route' } };
  }
  const svc = `${service.namespace}/${service.name}`;
  const health = lb
    ? healthyNodes(ctx.view, model, service)
    : { nodes: model.nodes.filter((n) => !ctx.view.isDown(n.name)).map((n) => n.name), why: '' };
  const pick = health.nodes[Math.floor(req.random() * health.nodes.length)];
  if (lb) {
    if (ctx.wait(LATENCY.internet)) yield LATENCY.internet;
    hop(
      req,
      client,
      LOAD_BALANCER,
      'forward',
      () => `To the cloud load balancer of Service ${svc} (${ip}).`,
      0,
    );
  }
  if (pick === undefined) {
    hop(
      req,
      lb ? LOAD_BALANCER : client,
      lb ? LOAD_BALANCER : client,
      'forward',
      'No node is up to take the traffic.',
      FAILED,
    );
    return { fate: { outcome: 'no-route' } };
  }
  const wait = lb ? LATENCY.loadBalancer : LATENCY.internet;
  if (ctx.wait(wait)) yield wait;
  hop(
    req,
    lb ? LOAD_BALANCER : client,
    nodeId(pick),
    'forward',
    () =>
      lb
        ? `Forwarded: the cloud load balancer of Service ${svc} (${ip}) forwards to node ${pick}; the destination stays ${ip}, which kube-proxy matches (${health.why}).`
        : `Forwarded: the network routes ${ip} (an externalIP of Service ${svc}) to node ${pick}.`,
    0,
  );
  return { node: pick, via: lb ? LOAD_BALANCER : client };
}
