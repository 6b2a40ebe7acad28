// Where an address lives in a model: pods by IP, nodes by IP, Services by the addresses kube-proxy
// serves (ClusterIP, LoadBalancer and external IPs, node ports). Built once per model.

import { cidrContains, parseCidr, parseIPv4 } from '../cluster/ipv4.ts';
import type { ClusterModel, ClusterNode, ClusterPod, ClusterService, Protocol } from '../cluster/types.ts';

export interface ServicePortRef {
  readonly service: ClusterService;
  readonly port: number;
  readonly protocol: Protocol;
}

export interface Places {
  readonly podByIP: ReadonlyMap<string, ClusterPod>;
  readonly podByKey: ReadonlyMap<string, ClusterPod>;
  readonly nodeByIP: ReadonlyMap<string, ClusterNode>;
  readonly nodeByName: ReadonlyMap<string, ClusterNode>;
  /** hostNetwork pods per node. */
  readonly hostPods: ReadonlyMap<string, readonly ClusterPod[]>;
  /** `ip:port/PROTO` → the Service port kube-proxy serves there (ClusterIP, LB, external IPs). */
  readonly serviceAt: ReadonlyMap<string, ServicePortRef>;
  /** `nodePort/PROTO` → the Service port. */
  readonly nodePort: ReadonlyMap<string, ServicePortRef>;
  /** Every address a Service claims (ClusterIP, LoadBalancer, external IPs). */
  readonly serviceIPs: ReadonlySet<string>;
  /** The node whose pod CIDR holds `ip`. */
  nodeOfPodIP(ip: string): ClusterNode | undefined;
  inServiceCIDR(ip: string): boolean;
}

const cache = new WeakMap<ClusterModel, Places>();

export function placesOf(model: ClusterModel): Places {
  const found = cache.get(model);
  if (found) return found;
  const podByIP = new Map<string, ClusterPod>();
  const podByKey = new Map<string, ClusterPod>();
  const hostPods = new Map<string, ClusterPod[]>();
  for (const pod of model.pods) {
    podByKey.set(`${pod.namespace}/${pod.name}`, pod);
    if (pod.ip === '') continue;
    if (pod.hostNetwork) hostPods.set(pod.node, [...(hostPods.get(pod.node) ?? []), pod]);
    else podByIP.set(pod.ip, pod);
  }
  const serviceAt = new Map<string, ServicePortRef>();
  const nodePort = new Map<string, ServicePortRef>();
  const serviceIPs = new Set<string>();
  for (const service of model.services) {
    const ips = [
      ...(service.clusterIP && service.clusterIP !== 'None' ? [service.clusterIP] : []),
      ...service.loadBalancerIPs,
      ...service.externalIPs,
    ];
    for (const ip of ips) serviceIPs.add(ip);
    for (const p of service.ports) {
      const ref = { service, port: p.port, protocol: p.protocol };
      for (const ip of ips) serviceAt.set(`${ip}:${String(p.port)}/${p.protocol}`, ref);
      if (p.nodePort !== undefined) nodePort.set(`${String(p.nodePort)}/${p.protocol}`, ref);
    }
  }
  const cidrs = model.nodes.map((n) => ({ node: n, cidr: parseCidr(n.podCIDR) }));
  const serviceCIDR = parseCidr(model.settings.serviceCIDR);
  const places: Places = {
    podByIP,
    podByKey,
    nodeByIP: new Map(model.nodes.map((n) => [n.internalIP, n])),
    nodeByName: new Map(model.nodes.map((n) => [n.name, n])),
    hostPods,
    serviceAt,
    nodePort,
    serviceIPs,
    nodeOfPodIP: (ip) => {
      const v = parseIPv4(ip);
      if (v === undefined) return undefined;
      return cidrs.find((c) => c.cidr !== undefined && cidrContains(c.cidr, v))?.node;
    },
    inServiceCIDR: (ip) => {
      const v = parseIPv4(ip);
      return v !== undefined && serviceCIDR !== undefined && cidrContains(serviceCIDR, v);
    },
  };
  cache.set(model, places);
  return places;
}

/** The Service port a packet to `ip:port` targets, as kube-proxy on a node with `nodeIP` sees it. */
export function serviceFor(
  places: Places,
  ip: string,
  port: number,
  protocol: Protocol,
  local: boolean,
): ServicePortRef | undefined {
  return (
    places.serviceAt.get(`${ip}:${String(port)}/${protocol}`) ??
    (local ? places.nodePort.get(`${String(port)}/${protocol}`) : undefined)
  );
}

/** Does a container of `pod` listen on `port`? Declared containerPorts; none declared: any port. */
export function listens(pod: ClusterPod, port: number, protocol: Protocol): boolean {
  let declared = false;
  for (const c of pod.containers)
    for (const p of c.ports) {
      declared = true;
      if (p.containerPort === port && p.protocol === protocol) return true;
    }
  return !declared;
}

/** The container that answers on `port` (the first declaring it, else the first container). */
export function listener(pod: ClusterPod, port: number, protocol: Protocol): string | undefined {
  const declared = pod.containers.find((c) =>
    c.ports.some((p) => p.containerPort === port && p.protocol === protocol),
  );
  return (declared ?? pod.containers[0])?.name;
}
