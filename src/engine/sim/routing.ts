// Routing after the node's rules, as the kind/bridge CNI does it: one pod CIDR per node, node
// IPs on one L2 network; a pod IP goes to its node and through the veth into the pod, whose
// container accepts the port or the kernel refuses it; a node address is delivered locally (or
// to that node, whose kube-proxy sees its own address); anything else finds nothing. Delivery to a
// pod passes the network plugin's ingress NetworkPolicy check first (policy-step.ts).

import type { ClusterModel, ClusterPod, Protocol } from '../cluster/types.ts';
import { podPeer, type Peer } from './peers.ts';
import { listener, listens, placesOf } from './places.ts';
import { ingressCheck } from './policy-step.ts';
import { keep, recall } from './memo.ts';
import { FAILED, addr, hop, LATENCY, nodeId, protocolIndex, splitAddr, type Proc } from './run-context.ts';
import { fail, station, timeout, type Connected, type Connection, type Walk } from './walk.ts';

/** Over the node network to `node` (the caller has waited LATENCY.nodeNetwork); false when it is down (the packet is lost). */
export function toNode(w: Walk, node: string, description: string): boolean {
  const id = nodeId(node);
  const down = w.ctx.view.isDown(node);
  if (down || !w.compact)
    hop(
      w.req,
      w.shown,
      id,
      'route',
      down ? `${description} Node ${node} is down: the packet is lost.` : description,
      down ? FAILED : 0,
      w.pkt,
    );
  if (down) return false;
  if (!w.compact) w.shown = id;
  station(w, id, node, LATENCY.nodeNetwork);
  w.note = '';
  return true;
}

const delivered = new WeakMap<Peer, Map<number, string>>();
const routedToPod = new WeakMap<ClusterModel, Map<string, string>>();

/** The delivery hop's sentence; the same for every packet to this pod and port (a note is rare: written for the hop alone). */
export function deliveredText(
  server: Peer,
  port: number,
  protocol: Protocol,
  ok: boolean,
  note: string,
): string {
  if (note !== '') return writeDelivered(server, port, protocol, ok, note);
  const key = (port * 3 + protocolIndex(protocol)) * 2 + (ok ? 1 : 0);
  return (
    recall(delivered, server, key) ??
    keep(delivered, server, key, writeDelivered(server, port, protocol, ok, ''))
  );
}

function writeDelivered(server: Peer, port: number, protocol: Protocol, ok: boolean, note: string): string {
  const pod = server.pod;
  const what = `${protocol === 'UDP' ? 'udp' : 'tcp'} port ${String(port)}`;
  const into =
    server.kind === 'host'
      ? `Delivered on node ${server.node ?? ''} to hostNetwork pod ${server.id.slice(4)}`
      : `Delivered to pod ${server.id.slice(4)} (${server.ip}) through its veth`;
  return ok
    ? `${into}; container ${pod ? (listener(pod, port, protocol) ?? '') : ''} listens on ${what}.${note}`
    : `${into}: no container listens on ${what}, so the kernel answers ${protocol === 'TCP' ? 'RST (connection refused)' : 'ICMP port unreachable'}.${note}`;
}

/** The routing hop's sentence for a packet to pod address `ip` on another node. */
export function podRouteText(model: ClusterModel, ip: string, pod: ClusterPod, note: string): string {
  if (note !== '') return writePodRoute(model, ip, pod, note);
  return recall(routedToPod, model, ip) ?? keep(routedToPod, model, ip, writePodRoute(model, ip, pod, ''));
}

function writePodRoute(model: ClusterModel, ip: string, pod: ClusterPod, note: string): string {
  const cidr = placesOf(model).nodeByName.get(pod.node)?.podCIDR ?? '?';
  return `${ip} is in node ${pod.node}'s pod CIDR ${cidr}: routed over the node network to ${pod.node}.${note}`;
}

/** Through the veth into `server` (the caller has waited LATENCY.veth). */
function deliver(w: Walk, server: Peer): Connected {
  const pod = server.pod;
  const { port } = splitAddr(w.pkt.dst);
  // The network plugin's ingress check, before the container sees the packet.
  const denied = ingressCheck(w, server);
  if (denied) return fail(w, denied);
  const { protocol, note } = w;
  const ok = pod !== undefined && listens(pod, port, protocol);
  hop(
    w.req,
    w.shown,
    server.id,
    'deliver',
    deliveredText(server, port, protocol, ok, note),
    !ok ? FAILED : 0,
    undefined,
    w.pkt,
  );
  if (!ok) return fail(w, { outcome: 'rejected' });
  station(w, server.id, server.node, LATENCY.veth);
  const conn: Connection = {
    protocol: w.protocol,
    client: w.client,
    server,
    sent: w.sent,
    seen: w.pkt,
    stations: w.stations,
    ipvs: w.ipvs,
    compact: w.compact,
    open: true,
  };
  return { ok: true, conn };
}

/** Routes the (translated) packet from `node`: a pod, a node address, or nowhere. */
export function* route(w: Walk, node: string): Proc<Connected | { readonly node: string }> {
  const { ctx } = w;
  const model = ctx.view.model;
  const places = placesOf(model);
  const { ip, port } = splitAddr(w.pkt.dst);
  const pod = places.podByIP.get(ip);
  if (pod) {
    if (pod.node !== node) {
      const text = podRouteText(model, ip, pod, w.note);
      if (ctx.wait(LATENCY.nodeNetwork)) yield LATENCY.nodeNetwork;
      if (!toNode(w, pod.node, text)) return fail(w, yield* timeout(ctx, w.req, w.client));
    }
    if (ctx.wait(LATENCY.veth)) yield LATENCY.veth;
    return deliver(w, podPeer(model, pod));
  }
  const local = ip.startsWith('127.') ? places.nodeByName.get(node) : places.nodeByIP.get(ip);
  if (local) {
    if (local.name !== node) {
      const text = `${ip} is node ${local.name}'s address: routed over the node network.${w.note}`;
      if (ctx.wait(LATENCY.nodeNetwork)) yield LATENCY.nodeNetwork;
      if (!toNode(w, local.name, text)) return fail(w, yield* timeout(ctx, w.req, w.client));
      return { node: local.name };
    }
    // On the node's own addresses only declared ports count (kube-proxy's pod declares none).
    const host = places.hostPods
      .get(node)
      ?.find((p) => p.containers.some((c) => c.ports.length > 0) && listens(p, port, w.protocol));
    if (host) {
      if (ctx.wait(LATENCY.veth)) yield LATENCY.veth;
      return deliver(w, podPeer(model, host));
    }
    if (w.ctx.wait(LATENCY.netfilter)) yield LATENCY.netfilter;
    hop(
      w.req,
      w.shown,
      nodeId(node),
      'deliver',
      `Nothing on node ${node} listens on port ${String(port)}: the kernel answers RST (connection refused).${w.note}`,
      FAILED,
    );
    return fail(w, { outcome: 'rejected' });
  }
  if (places.inServiceCIDR(ip) || places.serviceIPs.has(ip)) {
    if (w.ctx.wait(LATENCY.netfilter)) yield LATENCY.netfilter;
    hop(
      w.req,
      w.shown,
      nodeId(node),
      'route',
      `${addr(ip, port)} is a Service address, but no rule serves port ${String(port)} there: no interface holds the address, so the packet follows the default route and nothing answers.${w.note}`,
      FAILED,
    );
    return fail(w, yield* timeout(ctx, w.req, w.client));
  }
  const owner = places.nodeOfPodIP(ip);
  if (w.ctx.wait(LATENCY.nodeNetwork)) yield LATENCY.nodeNetwork;
  hop(
    w.req,
    w.shown,
    owner ? nodeId(owner.name) : 'external/client',
    owner ? 'route' : 'leave',
    owner
      ? `No pod has ${ip} (node ${owner.name}'s pod CIDR): the node answers ICMP host unreachable.${w.note}`
      : `${ip} is outside the cluster: the packet leaves through node ${node} (masqueraded to its address). The simulation has no internet, so the request ends here.`,
    FAILED,
  );
  return fail(w, { outcome: 'no-route' });
}
