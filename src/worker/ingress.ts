// The inspector's view of ingress-nginx, computed in the worker: an Ingress's route table (the
// locations the controller made from it) and "try a URL" (which rule, Service and pod, and why).

import {
  buildIngressRouteTable,
  ingressId,
  podId,
  routeRequest,
  serviceId,
  type ClusterModel,
  type IngressLocation,
  type IngressRouteTable,
  type IngressServer,
  type ManifestObject,
} from '../engine/index.ts';
import type { IngressInspection, IngressRouteRow, UrlAnswer } from './protocol.ts';

export interface Reading {
  readonly model: ClusterModel;
  readonly objects: readonly ManifestObject[];
}

const tables = new WeakMap<Reading, IngressRouteTable>();

/** The route table of a reading, built once when first asked. */
export function routeTableOf(reading: Reading): IngressRouteTable {
  let table = tables.get(reading);
  if (!table) tables.set(reading, (table = buildIngressRouteTable(reading.model, reading.objects)));
  return table;
}

function backendText(location: IngressLocation): string {
  const u = location.upstream;
  if (u.kind === 'service') return `${u.service}:${String(u.port)}`;
  if (u.kind === 'resource') return `${u.resourceKind} ${u.name}`;
  return 'default backend (404)';
}

/** The graph items a request taking `location` passes: Ingress, Service, the Service's endpoint pods. */
function pathIdsOf(model: ClusterModel, location: IngressLocation): string[] {
  const ids = location.ingress ? [ingressId(location.ingress.namespace, location.ingress.name)] : [];
  const u = location.upstream;
  if (u.kind !== 'service') return ids;
  if (!model.services.some((s) => s.namespace === u.namespace && s.name === u.service)) return ids;
  ids.push(serviceId(u.namespace, u.service));
  const endpoints = model.endpoints.find((e) => e.namespace === u.namespace && e.name === u.service);
  for (const subset of endpoints?.subsets ?? [])
    for (const a of subset.addresses)
      if (a.targetRef) ids.push(podId(a.targetRef.namespace, a.targetRef.name));
  return [...new Set(ids)];
}

const sameIngress = (l: IngressLocation, namespace: string, name: string) =>
  l.ingress?.namespace === namespace && l.ingress.name === name;

function row(model: ClusterModel, server: IngressServer, location: IngressLocation): IngressRouteRow {
  return {
    key: `${server.host} ${location.path} ${location.pathType}`,
    host: server.host === '_' ? '*' : server.host,
    path: location.path,
    pathType: location.pathType,
    match: location.match,
    backend: backendText(location),
    rewriteTarget: location.rewriteTarget,
    tlsSecret: server.tls ? (server.tls.secretName ?? '(default certificate)') : undefined,
    isDefaultBackend: location.isDefaultBackend,
    pathIds: pathIdsOf(model, location),
  };
}

export function inspectIngress(reading: Reading, id: string): IngressInspection | undefined {
  const [, namespace = '', name = ''] = id.split('/');
  const ingress = reading.model.ingresses.find((i) => i.namespace === namespace && i.name === name);
  if (!ingress) return undefined;
  const table = routeTableOf(reading);
  const ignored = table.ignored.find((i) => i.ingress.namespace === namespace && i.ingress.name === name);
  const routes = table.servers.flatMap((server) =>
    server.locations.filter((l) => sameIngress(l, namespace, name)).map((l) => row(reading.model, server, l)),
  );
  const notes = table.diagnostics.filter((d) => d.sourceIndex === ingress.source.index).map((d) => d.message);
  return {
    kind: 'ingress',
    id,
    className: ingress.ingressClassName,
    served: ignored === undefined,
    ignoredReason: ignored?.reason,
    address: ignored === undefined ? table.controller.address : undefined,
    routes,
    notes,
  };
}

/** Reads `url` (`http://host/path`, `host/path` or `/path`) and routes it through the controller. */
export function tryUrl(reading: Reading, url: string): UrlAnswer {
  const text = url.trim();
  const m = /^(?:(https?):\/\/)?([^/?#\s]*)([^?#\s]*)/i.exec(text);
  if (!m || text === '' || /\s/.test(text))
    return { ok: false, error: 'Type a URL such as http://a.whale.hey/ or /foo' };
  const scheme = (m[1] ?? 'http').toLowerCase() as 'http' | 'https';
  const host = (m[2] ?? '').replace(/:\d+$/, '').toLowerCase();
  const path = m[3] === undefined || m[3] === '' ? '/' : m[3];
  const table = routeTableOf(reading);
  const r = routeRequest(table, reading.model, { scheme, host, path }, { counter: 0 });
  const label = (s: IngressServer) => (s.host === '_' ? 'any other host (_)' : s.host);
  const locationLabel = (l: IngressLocation) =>
    `${l.path} (${l.pathType}${l.ingress ? `, ${l.ingress.name}` : ''})`;
  return {
    ok: true,
    url: `${scheme}://${host}${path}`,
    httpStatus: r.httpStatus,
    outcome: r.outcome,
    rule: r.ingress
      ? { id: ingressId(r.ingress.namespace, r.ingress.name), host: r.ingress.host, path: r.ingress.path }
      : undefined,
    service: r.service ? `${r.service.namespace}/${r.service.name}:${String(r.service.port)}` : undefined,
    pod: r.endpoint?.pod !== undefined ? `${r.endpoint.namespace}/${r.endpoint.pod}` : undefined,
    endpoint: r.endpoint ? `${r.endpoint.ip}:${String(r.endpoint.port)}` : undefined,
    upstreamPath: r.upstreamPath,
    explanation: r.explanation,
    hosts: r.servers.map((c) => ({ label: label(c.item), matched: c.matched, reason: c.reason })),
    paths: r.locations.map((c) => ({ label: locationLabel(c.item), matched: c.matched, reason: c.reason })),
    // This request's own path: the one pod it reached, not every endpoint.
    pathIds: r.location
      ? pathIdsOf(reading.model, r.location).filter(
          (id) =>
            !id.startsWith('pod/') ||
            (r.endpoint?.pod !== undefined && id === podId(r.endpoint.namespace, r.endpoint.pod)),
        )
      : [],
  };
}
