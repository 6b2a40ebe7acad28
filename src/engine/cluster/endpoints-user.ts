// Mirrors how a cluster treats Endpoints and EndpointSlices written by hand: kept for Services
// without a selector and mirrored into slices (pkg/controller/endpointslicemirroring/utils.go).

import { field, isJsonObject } from '../manifest/json-value.ts';
import type { JsonObject, JsonValue, ManifestObject } from '../manifest/types.ts';
import { endpointSliceName } from './endpoints-slice-name.ts';
import type {
  ClusterService,
  EndpointAddress,
  EndpointPort,
  Endpoints,
  EndpointSlice,
  EndpointSliceEndpoint,
  EndpointSubset,
  Protocol,
} from './types.ts';

export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';
const MANAGED_BY_LABEL = 'endpointslice.kubernetes.io/managed-by';
const SLICE_CONTROLLER = 'endpointslice-controller.k8s.io';
const MIRRORING_CONTROLLER = 'endpointslicemirroring-controller.k8s.io';
const SKIP_MIRROR_LABEL = 'endpointslice.kubernetes.io/skip-mirror';
/** --mirroring-max-endpoints-per-subset: addresses beyond this are not mirrored. */
const MAX_MIRRORED = 1000;

export interface UserEndpoints {
  /** Endpoints written for Services without a selector, by `namespace/name`. */
  readonly endpoints: ReadonlyMap<string, Endpoints>;
  /** The slices of Services without a selector: written ones plus those mirrored from Endpoints. */
  readonly slices: ReadonlyMap<string, readonly EndpointSlice[]>;
  /** Slices written for Services with a selector and managed by nobody we simulate (kube-proxy still reads them). */
  readonly extraSlices: ReadonlyMap<string, readonly EndpointSlice[]>;
}

type TargetRef = EndpointAddress['targetRef'];

const text = (v: JsonValue | undefined): string | undefined => (typeof v === 'string' ? v : undefined);
const list = (v: JsonValue | undefined): readonly JsonValue[] =>
  Array.isArray(v) ? (v as readonly JsonValue[]) : [];
const objects = (v: JsonValue | undefined): JsonObject[] => list(v).filter(isJsonObject);

function labelsOf(body: JsonObject): JsonObject | undefined {
  const metadata = field(body, 'metadata');
  const labels = isJsonObject(metadata) ? field(metadata, 'labels') : undefined;
  return isJsonObject(labels) ? labels : undefined;
}

function protocolOf(v: JsonValue | undefined): Protocol {
  return v === 'UDP' || v === 'SCTP' ? v : 'TCP';
}

function portsOf(v: JsonValue | undefined): EndpointPort[] {
  return objects(v).flatMap((p) => {
    const port = field(p, 'port');
    return typeof port === 'number'
      ? [{ name: text(field(p, 'name')), port, protocol: protocolOf(field(p, 'protocol')) }]
      : [];
  });
}

function targetRefOf(v: JsonValue | undefined, namespace: string): TargetRef {
  if (!isJsonObject(v) || field(v, 'kind') !== 'Pod') return undefined;
  return {
    kind: 'Pod',
    namespace: text(field(v, 'namespace')) ?? namespace,
    name: text(field(v, 'name')) ?? '',
  };
}

function addressesOf(v: JsonValue | undefined, namespace: string): EndpointAddress[] {
  return objects(v).flatMap((a) => {
    const ip = text(field(a, 'ip'));
    if (ip === undefined) return [];
    return [
      {
        ip,
        hostname: text(field(a, 'hostname')),
        nodeName: text(field(a, 'nodeName')),
        targetRef: targetRefOf(field(a, 'targetRef'), namespace),
      },
    ];
  });
}

function readEndpoints(o: ManifestObject, namespace: string): Endpoints {
  const subsets: EndpointSubset[] = objects(field(o.body, 'subsets')).map((s) => ({
    addresses: addressesOf(field(s, 'addresses'), namespace),
    notReadyAddresses: addressesOf(field(s, 'notReadyAddresses'), namespace),
    ports: portsOf(field(s, 'ports')),
  }));
  return { namespace, name: o.name, subsets, managedBy: 'user' };
}

function readSlice(o: ManifestObject, namespace: string, serviceName: string): EndpointSlice {
  const type = field(o.body, 'addressType');
  const endpoints: EndpointSliceEndpoint[] = objects(field(o.body, 'endpoints')).map((e) => {
    const c = field(e, 'conditions');
    const cond = (key: string): boolean | undefined => {
      const value = isJsonObject(c) ? field(c, key) : undefined;
      return typeof value === 'boolean' ? value : undefined;
    };
    // discovery/v1: an unset ready means ready; an unset serving follows ready.
    const ready = cond('ready') ?? true;
    return {
      addresses: list(field(e, 'addresses')).filter((a): a is string => typeof a === 'string'),
      conditions: { ready, serving: cond('serving') ?? ready, terminating: cond('terminating') ?? false },
      hostname: text(field(e, 'hostname')),
      nodeName: text(field(e, 'nodeName')),
      targetRef: targetRefOf(field(e, 'targetRef'), namespace),
    };
  });
  return {
    namespace,
    name: o.name,
    serviceName,
    addressType: type === 'IPv6' || type === 'FQDN' ? type : 'IPv4',
    endpoints,
    ports: portsOf(field(o.body, 'ports')),
    managedBy: 'user',
  };
}

/** endpointslicemirroring: ready addresses first, IPv4 only, grouped by port set, at most 1000. */
function mirror(endpoints: Endpoints): EndpointSlice[] {
  const groups = new Map<string, { ports: readonly EndpointPort[]; endpoints: EndpointSliceEndpoint[] }>();
  let mirrored = 0;
  for (const subset of endpoints.subsets) {
    const key = subset.ports.map((p) => `${p.name ?? ''}/${String(p.port)}/${p.protocol}`).join(',');
    let group = groups.get(key);
    if (group === undefined) {
      group = { ports: subset.ports, endpoints: [] };
      groups.set(key, group);
    }
    const add = (a: EndpointAddress, ready: boolean): void => {
      if (mirrored >= MAX_MIRRORED || a.ip.includes(':')) return;
      mirrored++;
      group.endpoints.push({
        addresses: [a.ip],
        conditions: { ready, serving: ready, terminating: false },
        hostname: a.hostname,
        nodeName: a.nodeName,
        targetRef: a.targetRef,
      });
    };
    for (const a of subset.addresses) add(a, true);
    for (const a of subset.notReadyAddresses) add(a, false);
  }
  return [...groups.values()]
    .filter((g) => g.endpoints.length > 0)
    .map((g, i) => ({
      namespace: endpoints.namespace,
      name: endpointSliceName(endpoints.namespace, endpoints.name, i),
      serviceName: endpoints.name,
      addressType: 'IPv4',
      endpoints: g.endpoints,
      ports: g.ports,
      managedBy: 'user',
    }));
}

/** Reads the Endpoints and EndpointSlices in the text and decides which ones the cluster keeps. */
export function readUserEndpoints(
  all: readonly ManifestObject[],
  services: readonly ClusterService[],
): UserEndpoints {
  const written = new Map<string, { endpoints: Endpoints; skipMirror: boolean }>();
  const slicesByService = new Map<string, { slice: EndpointSlice; manager: string | undefined }[]>();
  for (const o of all) {
    const namespace = o.namespace ?? 'default';
    const labels = labelsOf(o.body);
    if (o.kind === 'Endpoints') {
      written.set(`${namespace}/${o.name}`, {
        endpoints: readEndpoints(o, namespace),
        skipMirror: text(field(labels, SKIP_MIRROR_LABEL)) === 'true',
      });
    } else if (o.kind === 'EndpointSlice') {
      const serviceName = text(field(labels, SERVICE_NAME_LABEL));
      if (serviceName === undefined) continue;
      const key = `${namespace}/${serviceName}`;
      const entry = {
        slice: readSlice(o, namespace, serviceName),
        manager: text(field(labels, MANAGED_BY_LABEL)),
      };
      const existing = slicesByService.get(key);
      if (existing === undefined) slicesByService.set(key, [entry]);
      else existing.push(entry);
    }
  }
  const endpoints = new Map<string, Endpoints>();
  const slices = new Map<string, EndpointSlice[]>();
  const extraSlices = new Map<string, EndpointSlice[]>();
  for (const service of services) {
    const key = `${service.namespace}/${service.name}`;
    const found = slicesByService.get(key) ?? [];
    // Slices the controllers made (e.g. from `kubectl get -o yaml`) are made again, not kept.
    const own = found
      .filter((s) => s.manager !== SLICE_CONTROLLER && s.manager !== MIRRORING_CONTROLLER)
      .map((s) => s.slice);
    if (service.selector !== undefined && Object.keys(service.selector).length > 0) {
      if (own.length > 0) extraSlices.set(key, own);
      continue;
    }
    const ep = written.get(key);
    const copies = found.filter((s) => s.manager === MIRRORING_CONTROLLER).map((s) => s.slice);
    if (ep !== undefined) endpoints.set(key, ep.endpoints);
    const mirrored = ep === undefined || ep.skipMirror ? copies : mirror(ep.endpoints);
    slices.set(key, [...own, ...mirrored]);
  }
  return { endpoints, slices, extraSlices };
}
