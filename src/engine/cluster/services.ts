// Mirrors the Service REST storage (pkg/registry/core/service/storage/alloc.go): defaults from
// pkg/apis/core/v1/defaults.go, a ClusterIP (kept when written, else the next free one), node
// ports for NodePort/LoadBalancer (initNodePorts: a port number shared by TCP and UDP gets one
// nodePort), a health-check node port for LoadBalancer + Local, and a fake cloud's ingress IP.

import { formatPath } from '../manifest/field-errors.ts';
import type { JsonObject } from '../manifest/types.ts';
import { arrAt, at, boolAt, numAt, objAt, strAt, stringMap } from './body-fields.ts';
import type { ClusterState } from './cluster-state.ts';
import { readProtocol } from './pod-spec.ts';
import { rngFor } from './rng.ts';
import type { ClusterService, Labels, ServicePort, ServiceType, SourceRef } from './types.ts';

export interface ServiceInput {
  readonly namespace: string;
  readonly name: string;
  readonly body: JsonObject;
  readonly source: SourceRef;
}

/** A storage error: the field error (for a located diagnostic) and where it points. */
export interface ServiceError {
  readonly fieldMessage: string;
  readonly path: readonly (string | number)[];
}

export type ServiceResult =
  { readonly ok: true; readonly service: ClusterService } | ({ readonly ok: false } & ServiceError);

const TYPES: readonly ServiceType[] = ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'];
const DEFAULT_AFFINITY_TIMEOUT = 10800;

const goStrings = (values: readonly string[]): string =>
  `[]string{${values.map((v) => JSON.stringify(v)).join(', ')}}`;

function readPorts(body: JsonObject): ServicePort[] {
  return arrAt(body, 'spec', 'ports').map((p) => {
    const port = numAt(p, 'port') ?? 0;
    const target = at(p, 'targetPort');
    const nodePort = numAt(p, 'nodePort');
    return {
      name: strAt(p, 'name') ?? '',
      protocol: readProtocol(strAt(p, 'protocol')),
      port,
      targetPort:
        typeof target === 'number' && target !== 0
          ? target
          : typeof target === 'string' && target !== ''
            ? target
            : port,
      nodePort: nodePort === 0 ? undefined : nodePort,
      appProtocol: strAt(p, 'appProtocol'),
    };
  });
}

/** The clusterIP the text asks for ('' for none). */
function requestedClusterIP(body: JsonObject): string {
  return strAt(body, 'spec', 'clusterIP') ?? strAt(body, 'spec', 'clusterIPs', 0) ?? '';
}

type Alloc<T> = { ok: true; value: T } | ({ ok: false } & ServiceError);

function allocateClusterIP(
  state: ClusterState,
  key: string,
  requested: string,
  previous: ClusterService | undefined,
): Alloc<string | undefined> {
  if (requested === 'None') return { ok: true, value: 'None' };
  const kept = previous?.clusterIP;
  if (kept !== undefined && kept !== 'None' && (requested === '' || requested === kept))
    return { ok: true, value: kept };
  if (kept !== undefined && requested !== '' && requested !== kept) {
    return {
      ok: false,
      fieldMessage: `spec.clusterIPs[0]: Invalid value: ${goStrings([requested])}: may not change once set`,
      path: ['spec', 'clusterIP'],
    };
  }
  if (requested === '') {
    const ip = state.clusterIPs.allocateNext(key);
    if (ip !== undefined) return { ok: true, value: ip };
    return {
      ok: false,
      fieldMessage: 'Internal error occurred: failed to allocate a serviceIP: range is full',
      path: ['spec'],
    };
  }
  const err = state.clusterIPs.allocate(requested, key);
  if (err === undefined) return { ok: true, value: requested };
  const reason =
    err.kind === 'allocated'
      ? 'provided IP is already allocated'
      : `the provided IP (${requested}) is not in the valid range. The range of valid IPs is ${state.clusterIPs.cidrText}`;
  return {
    ok: false,
    fieldMessage: `spec.clusterIPs: Invalid value: ${goStrings([requested])}: failed to allocate IP ${requested}: ${reason}`,
    path: ['spec', 'clusterIP'],
  };
}

function portError(
  state: ClusterState,
  path: readonly (string | number)[],
  port: number,
  kind: 'not-in-range' | 'allocated',
  prefix = '',
): ServiceError {
  const reason =
    kind === 'allocated'
      ? 'provided port is already allocated'
      : `provided port is not in the valid range. The range of valid ports is ${state.nodePorts.rangeText}`;
  return { fieldMessage: `${formatPath(path)}: Invalid value: ${port}: ${prefix}${reason}`, path };
}

/** initNodePorts: user ports first-come, a port number shared across protocols reuses one nodePort. */
function allocateNodePorts(
  state: ClusterState,
  input: ServiceInput,
  ports: ServicePort[],
  allocate: boolean,
  previous: ClusterService | undefined,
  taken: number[],
): Alloc<ServicePort[]> {
  const rng = rngFor(state.settings.seed, `Service/${input.namespace}/${input.name}`);
  const byPort = new Map<number, number>();
  const out: ServicePort[] = [];
  for (let i = 0; i < ports.length; i++) {
    const sp = ports[i] as ServicePort;
    const kept = previous?.ports.find((p) => p.port === sp.port && p.protocol === sp.protocol)?.nodePort;
    const wanted = sp.nodePort ?? kept;
    if (wanted === undefined && !allocate) {
      out.push(sp);
      continue;
    }
    let nodePort = byPort.get(sp.port);
    if (nodePort === undefined || (wanted !== undefined && wanted !== nodePort)) {
      const requested = wanted ?? ports.find((p) => p.port === sp.port && p.nodePort !== undefined)?.nodePort;
      if (requested !== undefined) {
        const err = state.nodePorts.allocate(requested);
        if (err !== undefined)
          return { ok: false, ...portError(state, ['spec', 'ports', i, 'nodePort'], requested, err.kind) };
        taken.push(requested);
        nodePort = requested;
      } else {
        nodePort = state.nodePorts.allocateNext(rng);
        if (nodePort === undefined)
          return {
            ok: false,
            fieldMessage: 'Internal error occurred: failed to allocate a nodePort: range is full',
            path: ['spec', 'ports', i],
          };
        taken.push(nodePort);
      }
      if (!byPort.has(sp.port)) byPort.set(sp.port, nodePort);
    }
    out.push({ ...sp, nodePort });
  }
  return { ok: true, value: out };
}

function loadBalancerIPs(
  state: ClusterState,
  body: JsonObject,
  previous: ClusterService | undefined,
): string[] {
  const written = arrAt(body, 'status', 'loadBalancer', 'ingress').flatMap((i) => strAt(i, 'ip') ?? []);
  if (written.length > 0) return written;
  if (previous !== undefined && previous.loadBalancerIPs.length > 0) return [...previous.loadBalancerIPs];
  const asked = strAt(body, 'spec', 'loadBalancerIP');
  if (asked !== undefined && asked !== '') {
    state.loadBalancers.claim(asked);
    return [asked];
  }
  const ip = state.loadBalancers.allocate();
  return ip === undefined ? [] : [ip];
}

function storeWithPortsFree(
  state: ClusterState,
  input: ServiceInput,
  previous: ClusterService | undefined,
): ServiceResult {
  const { body } = input;
  const typeText = strAt(body, 'spec', 'type');
  const type = TYPES.find((t) => t === typeText) ?? 'ClusterIP';
  const key = `${input.namespace}/${input.name}`;
  let clusterIP: string | undefined;
  if (type !== 'ExternalName') {
    const ip = allocateClusterIP(state, key, requestedClusterIP(body), previous);
    if (!ip.ok) return ip;
    clusterIP = ip.value;
  }
  const release = (ports: readonly number[]) => {
    for (const p of ports) state.nodePorts.release(p);
    if (clusterIP !== undefined && clusterIP !== 'None' && clusterIP !== previous?.clusterIP)
      state.clusterIPs.release(clusterIP);
  };
  const taken: number[] = [];
  let ports = readPorts(body);
  const external = type === 'NodePort' || type === 'LoadBalancer';
  if (external) {
    const allocate = type === 'NodePort' || boolAt(body, 'spec', 'allocateLoadBalancerNodePorts') !== false;
    const result = allocateNodePorts(state, input, ports, allocate, previous, taken);
    if (!result.ok) {
      release(taken);
      return result;
    }
    ports = result.value;
  } else ports = ports.map((p) => ({ ...p, nodePort: undefined }));
  const externalTrafficPolicy =
    external && strAt(body, 'spec', 'externalTrafficPolicy') === 'Local' ? 'Local' : 'Cluster';
  let healthCheckNodePort: number | undefined;
  if (type === 'LoadBalancer' && externalTrafficPolicy === 'Local') {
    const asked = numAt(body, 'spec', 'healthCheckNodePort') ?? previous?.healthCheckNodePort;
    if (asked !== undefined && asked !== 0) {
      const err = state.nodePorts.allocate(asked);
      if (err !== undefined) {
        release(taken);
        return {
          ok: false,
          ...portError(
            state,
            ['spec', 'healthCheckNodePort'],
            asked,
            err.kind,
            `failed to allocate requested HealthCheck NodePort ${asked}: `,
          ),
        };
      }
      healthCheckNodePort = asked;
    } else
      healthCheckNodePort = state.nodePorts.allocateNext(
        rngFor(state.settings.seed, `Service/${key}/healthCheckNodePort`),
      );
  }
  const selector = objAt(body, 'spec', 'selector');
  const affinity = strAt(body, 'spec', 'sessionAffinity') === 'ClientIP' ? 'ClientIP' : 'None';
  const service: ClusterService = {
    namespace: input.namespace,
    name: input.name,
    type,
    clusterIP,
    ports,
    selector: selector === undefined ? undefined : (stringMap(selector) satisfies Labels),
    externalName: type === 'ExternalName' ? strAt(body, 'spec', 'externalName') : undefined,
    externalIPs: arrAt(body, 'spec', 'externalIPs').filter((v): v is string => typeof v === 'string'),
    loadBalancerIPs: type === 'LoadBalancer' ? loadBalancerIPs(state, body, previous) : [],
    loadBalancerSourceRanges: arrAt(body, 'spec', 'loadBalancerSourceRanges').filter(
      (v): v is string => typeof v === 'string',
    ),
    sessionAffinity: affinity,
    sessionAffinityTimeoutSeconds:
      numAt(body, 'spec', 'sessionAffinityConfig', 'clientIP', 'timeoutSeconds') ?? DEFAULT_AFFINITY_TIMEOUT,
    externalTrafficPolicy,
    internalTrafficPolicy: strAt(body, 'spec', 'internalTrafficPolicy') === 'Local' ? 'Local' : 'Cluster',
    healthCheckNodePort,
    publishNotReadyAddresses: boolAt(body, 'spec', 'publishNotReadyAddresses') ?? false,
    labels: stringMap(objAt(body, 'metadata', 'labels')),
    createOrder: previous?.createOrder ?? state.nextSequence(),
    source: input.source,
  };
  return { ok: true, service };
}

function nodePortsOf(service: ClusterService | undefined): number[] {
  if (service === undefined) return [];
  const ports = service.ports.flatMap((p) => (p.nodePort === undefined ? [] : [p.nodePort]));
  return service.healthCheckNodePort === undefined ? ports : [...ports, service.healthCheckNodePort];
}

/** Stores a Service (create, or update of `previous`): allocations, or the API server's error. */
export function storeService(
  state: ClusterState,
  input: ServiceInput,
  previous: ClusterService | undefined,
): ServiceResult {
  // An update may keep its node ports: free them first, and take them back if the update fails.
  const held = [...new Set(nodePortsOf(previous))];
  for (const p of held) state.nodePorts.release(p);
  const result = storeWithPortsFree(state, input, previous);
  if (!result.ok) for (const p of held) state.nodePorts.allocate(p);
  return result;
}

/** Puts a stored Service into the state (replacing `previous` in place on update). */
export function putService(state: ClusterState, service: ClusterService): void {
  const key = `${service.namespace}/${service.name}`;
  const index = state.serviceIndex.get(key);
  if (index !== undefined) state.services[index] = service;
  else {
    state.serviceIndex.set(key, state.services.length);
    state.services.push(service);
  }
}
