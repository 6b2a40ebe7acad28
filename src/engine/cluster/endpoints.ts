// Mirrors kubernetes pkg/controller/endpoint/endpoints_controller.go (syncService, RepackSubsets) and
// the EndpointSlice controller (staging/src/k8s.io/endpointslice/reconciler.go, utils.go).

import type { ManifestObject } from '../manifest/types.ts';
import { endpointSliceName } from './endpoints-slice-name.ts';
import { indexPods } from './endpoints-pod-index.ts';
import { readUserEndpoints } from './endpoints-user.ts';
import type {
  ClusterPod,
  ClusterService,
  EndpointAddress,
  EndpointPort,
  Endpoints,
  EndpointSlice,
  EndpointSliceEndpoint,
  EndpointSubset,
  ServicePort,
} from './types.ts';

/** discovery.k8s.io maxEndpointsPerSlice default (kube-controller-manager --max-endpoints-per-slice). */
export const MAX_ENDPOINTS_PER_SLICE = 100;

export interface EndpointsInput {
  readonly services: readonly ClusterService[];
  readonly pods: readonly ClusterPod[];
  readonly objects: readonly ManifestObject[];
}

/** A resolved port of one pod for one Service port; `order` keeps the Service's port order. */
interface PodPort {
  readonly order: number;
  readonly port: EndpointPort;
}

interface Member {
  readonly pod: ClusterPod;
  readonly address: EndpointAddress;
  readonly ready: boolean;
  readonly ports: readonly PodPort[];
}

/** A Service without a selector (or with an empty one, which the API server stores as none). */
export function isSelectorless(service: ClusterService): boolean {
  return service.selector === undefined || Object.keys(service.selector).length === 0;
}

/** endpointsliceutil.ShouldPodBeInEndpoints: an IPv4 address assigned, not Pending. */
export function shouldPodBeInEndpoints(pod: ClusterPod): boolean {
  return pod.phase !== 'Pending' && pod.ip !== '' && !pod.ip.includes(':');
}

/** podutil.FindPort: a number is used as is; a name is looked up in this pod, same protocol. */
export function findPort(pod: ClusterPod, servicePort: ServicePort): number | undefined {
  const target = servicePort.targetPort;
  if (typeof target === 'number') return target;
  for (const container of pod.containers) {
    for (const port of container.ports) {
      if (port.name === target && port.protocol === servicePort.protocol) return port.containerPort;
    }
  }
  return undefined;
}

function member(service: ClusterService, pod: ClusterPod): Member {
  // endpointsliceutil.ShouldSetHostname: hostname set and subdomain naming this Service.
  const hostname =
    pod.hostname !== undefined && pod.hostname !== '' && pod.subdomain === service.name
      ? pod.hostname
      : undefined;
  const address: EndpointAddress = {
    ip: pod.ip,
    hostname,
    nodeName: pod.node === '' ? undefined : pod.node,
    targetRef: { kind: 'Pod', namespace: pod.namespace, name: pod.name },
  };
  const ports: PodPort[] = [];
  service.ports.forEach((sp, order) => {
    const port = findPort(pod, sp);
    if (port !== undefined)
      ports.push({
        order,
        port: { name: sp.name === '' ? undefined : sp.name, port, protocol: sp.protocol },
      });
  });
  return { pod, address, ready: service.publishNotReadyAddresses || pod.ready, ports };
}

function byAddress(a: Member, b: Member): number {
  if (a.address.ip !== b.address.ip) return a.address.ip < b.address.ip ? -1 : 1;
  return a.pod.name < b.pod.name ? -1 : a.pod.name > b.pod.name ? 1 : 0;
}

function subsetOf(members: readonly Member[], ports: readonly EndpointPort[]): EndpointSubset {
  return {
    addresses: members.filter((m) => m.ready).map((m) => m.address),
    notReadyAddresses: members.filter((m) => !m.ready).map((m) => m.address),
    ports,
  };
}

/** Endpoints subsets: each distinct port gets its address set, then ports sharing a set share a subset. */
function repackSubsets(service: ClusterService, members: readonly Member[]): EndpointSubset[] {
  if (service.ports.length === 0) {
    // Headless Services may have no ports: one subset of addresses only.
    return service.clusterIP === 'None' && members.length > 0 ? [subsetOf(members, [])] : [];
  }
  const byPort = new Map<string, { port: PodPort; members: Member[] }>();
  for (const m of members) {
    for (const p of m.ports) {
      const key = `${String(p.order)}/${String(p.port.port)}`;
      const entry = byPort.get(key);
      if (entry === undefined) byPort.set(key, { port: p, members: [m] });
      else entry.members.push(m);
    }
  }
  const groups = new Map<string, { ports: PodPort[]; members: Member[] }>();
  for (const entry of byPort.values()) {
    const key = entry.members.map((m) => `${m.pod.name}${m.ready ? '+' : '-'}`).join(',');
    const group = groups.get(key);
    if (group === undefined) groups.set(key, { ports: [entry.port], members: entry.members });
    else group.ports.push(entry.port);
  }
  const sorted = [...groups.values()].map((g) => ({
    ports: g.ports.sort((a, b) => a.order - b.order || a.port.port - b.port.port),
    members: g.members,
  }));
  sorted.sort((a, b) => {
    const pa = a.ports[0];
    const pb = b.ports[0];
    return (pa?.order ?? 0) - (pb?.order ?? 0) || (pa?.port.port ?? 0) - (pb?.port.port ?? 0);
  });
  return sorted.map((g) =>
    subsetOf(
      g.members,
      g.ports.map((p) => p.port),
    ),
  );
}

function sliceEndpoint(m: Member): EndpointSliceEndpoint {
  return {
    addresses: [m.address.ip],
    // utils.go podToEndpoint: serving is the pod's readiness; ready is forced by publishNotReadyAddresses.
    conditions: { ready: m.ready, serving: m.pod.ready, terminating: false },
    hostname: m.address.hostname,
    nodeName: m.address.nodeName,
    targetRef: m.address.targetRef,
  };
}

/** The reconciler groups endpoints by their port set, at most 100 to a slice; none → one placeholder. */
function controllerSlices(service: ClusterService, members: readonly Member[]): EndpointSlice[] {
  const groups = new Map<string, { ports: readonly EndpointPort[]; members: Member[] }>();
  for (const m of members) {
    const key = m.ports.map((p) => `${String(p.order)}/${String(p.port.port)}`).join(',');
    const group = groups.get(key);
    if (group === undefined) groups.set(key, { ports: m.ports.map((p) => p.port), members: [m] });
    else group.members.push(m);
  }
  const slices: EndpointSlice[] = [];
  const make = (ports: readonly EndpointPort[], endpoints: readonly EndpointSliceEndpoint[]): void => {
    slices.push({
      namespace: service.namespace,
      name: endpointSliceName(service.namespace, service.name, slices.length),
      serviceName: service.name,
      addressType: 'IPv4',
      endpoints,
      ports,
      managedBy: 'controller',
    });
  };
  for (const group of groups.values()) {
    for (let i = 0; i < group.members.length; i += MAX_ENDPOINTS_PER_SLICE) {
      make(group.ports, group.members.slice(i, i + MAX_ENDPOINTS_PER_SLICE).map(sliceEndpoint));
    }
  }
  if (slices.length === 0) make([], []);
  return slices;
}

/**
 * Runs the endpoints and EndpointSlice controllers over every Service with a selector; for
 * Services without one, returns the Endpoints and EndpointSlices the user wrote (mirrored into slices).
 */
export function buildEndpoints(input: EndpointsInput): {
  endpoints: Endpoints[];
  endpointSlices: EndpointSlice[];
} {
  const index = indexPods(input.pods);
  const user = readUserEndpoints(input.objects, input.services);
  const endpoints: Endpoints[] = [];
  const endpointSlices: EndpointSlice[] = [];
  for (const service of input.services) {
    if (service.type === 'ExternalName') continue;
    const key = `${service.namespace}/${service.name}`;
    endpointSlices.push(...(user.extraSlices.get(key) ?? []));
    if (isSelectorless(service)) {
      const written = user.endpoints.get(key);
      if (written !== undefined) endpoints.push(written);
      endpointSlices.push(...(user.slices.get(key) ?? []));
      continue;
    }
    const members = index
      .select(service.namespace, service.selector ?? {})
      .filter(shouldPodBeInEndpoints)
      .map((pod) => member(service, pod))
      .sort(byAddress);
    endpoints.push({
      namespace: service.namespace,
      name: service.name,
      subsets: repackSubsets(service, members),
      managedBy: 'controller',
    });
    endpointSlices.push(...controllerSlices(service, members));
  }
  return { endpoints, endpointSlices };
}
