// Where ingress-nginx sends a location's requests: the Service's ready endpoint addresses and
// target ports, read from its EndpointSlices (the ClusterIP is never used). Mirrors ingress-nginx
// internal/ingress/controller/controller.go serviceEndpoints, externalNamePorts, and
// internal/ingress/controller/endpointslices.go getEndpointsFromSlices.

import type { ClusterModel, ClusterService, ServicePort } from '../cluster/types.ts';
import type { IngressEndpoint, IngressUpstream } from './types.ts';

export interface ResolvedBackend {
  readonly service: ClusterService | undefined;
  /** The Service port the backend names (by number, name, or — as upstream allows — targetPort). */
  readonly servicePort: ServicePort | undefined;
  readonly endpoints: readonly IngressEndpoint[];
  /** Why there is nothing to send to, in plain words (undefined when endpoints exist). */
  readonly problem: string | undefined;
}

type ServiceUpstream = Extract<IngressUpstream, { kind: 'service' }>;

const nothing = (
  service: ClusterService | undefined,
  servicePort: ServicePort | undefined,
  problem: string,
): ResolvedBackend => ({
  service,
  servicePort,
  endpoints: [],
  problem,
});

/** controller.go serviceEndpoints: the first Service port whose number, targetPort or name is the backend port. */
function findServicePort(service: ClusterService, port: number | string): ServicePort | undefined {
  const wanted = String(port);
  return service.ports.find(
    (p) => String(p.port) === wanted || String(p.targetPort) === wanted || p.name === wanted,
  );
}

/** controller.go externalNamePorts and endpointslices.go: one "endpoint", the external name itself. */
function externalName(service: ClusterService, port: number | string): ResolvedBackend {
  const name = service.externalName ?? '';
  const byName = typeof port === 'string' ? service.ports.find((p) => p.name === port) : undefined;
  const byNumber = service.ports.find((p) => p.port === Number(port));
  const sp = byName ?? byNumber;
  const target = sp ? (typeof sp.targetPort === 'number' ? sp.targetPort : sp.port) : Number(port);
  if (name === 'localhost' || /^127\./.test(name) || name === '::1')
    return nothing(
      service,
      sp,
      `Service ${service.namespace}/${service.name} is an ExternalName for ${name}: ingress-nginx refuses it (Invalid attempt to use localhost name ${name}).`,
    );
  return {
    service,
    servicePort: sp,
    endpoints: [{ namespace: service.namespace, pod: undefined, ip: name, port: target, externalName: name }],
    problem: undefined,
  };
}

/** endpointslices.go getEndpointsFromSlices: ready endpoints × the slice port of this Service port, deduplicated. */
function endpointsFromSlices(
  model: ClusterModel,
  service: ClusterService,
  sp: ServicePort,
): IngressEndpoint[] {
  const out: IngressEndpoint[] = [];
  const seen = new Set<string>();
  for (const slice of model.endpointSlices) {
    if (slice.namespace !== service.namespace || slice.serviceName !== service.name) continue;
    const ports: number[] = [];
    if (slice.ports.length === 0 && typeof sp.targetPort === 'number') ports.push(sp.targetPort);
    for (const ep of slice.ports) {
      if (ep.protocol !== 'TCP') continue;
      let target = sp.name === '' || sp.name === ep.name ? ep.port : 0;
      // Upstream issue 7390: a numeric targetPort stands in when no port name matched.
      if (target === 0 && typeof sp.targetPort === 'number') target = sp.targetPort;
      if (target !== 0) ports.push(target);
    }
    for (const endpoint of slice.endpoints) {
      if (!endpoint.conditions.ready) continue;
      for (const port of ports)
        for (const ip of endpoint.addresses) {
          const key = `${ip}:${String(port)}`;
          if (seen.has(key)) continue;
          seen.add(key);
          out.push({
            namespace: service.namespace,
            pod: endpoint.targetRef?.name,
            ip,
            port,
            externalName: undefined,
          });
        }
    }
  }
  return out;
}

/** The endpoints behind a location's Service backend, or why there are none (nginx then answers 503). */
export function resolveBackend(model: ClusterModel, upstream: ServiceUpstream): ResolvedBackend {
  const id = `${upstream.namespace}/${upstream.service}`;
  const service = model.services.find(
    (s) => s.namespace === upstream.namespace && s.name === upstream.service,
  );
  if (!service)
    return nothing(undefined, undefined, `Service ${id} does not exist, so its upstream has no endpoints.`);
  if (service.type === 'ExternalName') return externalName(service, upstream.port);
  const sp = findServicePort(service, upstream.port);
  if (!sp) {
    const ports =
      service.ports.map((p) => (p.name ? `${p.name} (${String(p.port)})` : String(p.port))).join(', ') ||
      'none';
    return nothing(
      service,
      undefined,
      `Service ${id} has no port ${typeof upstream.port === 'number' ? String(upstream.port) : `"${upstream.port}"`} (its ports: ${ports}), so the upstream has no endpoints.`,
    );
  }
  const endpoints = endpointsFromSlices(model, service, sp);
  if (endpoints.length > 0) return { service, servicePort: sp, endpoints, problem: undefined };
  const notReady = model.endpointSlices.some(
    (s) =>
      s.namespace === service.namespace &&
      s.serviceName === service.name &&
      s.endpoints.some((e) => !e.conditions.ready),
  );
  return nothing(
    service,
    sp,
    notReady
      ? `Service ${id} has endpoints, but none is ready: ingress-nginx only balances over ready ones (Service "${id}" does not have any active Endpoint).`
      : `Service ${id} has no endpoints (no ready pod matches its selector): Service "${id}" does not have any active Endpoint.`,
  );
}
