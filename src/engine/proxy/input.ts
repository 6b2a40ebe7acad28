// Mirrors kube-proxy's informer side (pkg/proxy/serviceport.go newBaseServiceInfo,
// endpointslicecache.go): Services and EndpointSlices become ProxyServicePorts with their
// endpoints, from raw objects (conformance data, no API-server defaulting) or from the ClusterModel.

import { formatIPv4, parseCidr, parseIPv4 } from '../cluster/ipv4.ts';
import { portBudgets } from '../cluster/proxy-budget.ts';
import type { ClusterModel, EndpointSlice, Protocol, ProxyMode, ServiceType } from '../cluster/types.ts';
import { field, isJsonObject } from '../manifest/json-value.ts';
import type { JsonObject, JsonValue, ManifestObject } from '../manifest/types.ts';
import type { ProxyConfig, ProxyEndpoint, ProxyInput, ProxyServicePort } from './types.ts';

/** The Service fields kube-proxy reads. */
interface ServiceView {
  readonly namespace: string;
  readonly name: string;
  readonly type: ServiceType;
  readonly clusterIP: string | undefined;
  readonly ports: readonly {
    readonly name: string;
    readonly protocol: Protocol;
    readonly port: number;
    readonly nodePort: number | undefined;
  }[];
  readonly externalIPs: readonly string[];
  readonly loadBalancerIPs: readonly string[];
  readonly loadBalancerSourceRanges: readonly string[];
  readonly sessionAffinity: 'None' | 'ClientIP';
  readonly sessionAffinityTimeoutSeconds: number;
  readonly externalTrafficPolicy: 'Cluster' | 'Local';
  readonly internalTrafficPolicy: 'Cluster' | 'Local';
  readonly healthCheckNodePort: number | undefined;
}

/** kube-proxy's defaults when nothing else is known: the upstream flag defaults. */
export function defaultProxyConfig(overrides: Partial<ProxyConfig> = {}): ProxyConfig {
  return {
    mode: 'iptables',
    nodeName: 'node-1',
    nodeIPs: [],
    clusterCIDR: undefined,
    serviceCIDRs: [],
    masqueradeAll: false,
    masqueradeBit: 14,
    localhostNodePorts: true,
    nodePortAddresses: [],
    randomFully: false,
    conntrackTCPBeLiberal: false,
    nfacct: { ctStateInvalidDroppedPkts: false, localhostNodePortsAcceptedPkts: false },
    ipvsScheduler: 'rr',
    ...overrides,
  };
}

/** ParseIPSloppy + String(): IPv4 only (this proxier's family), leading zeros accepted. */
const canonicalIP = (text: string): string | undefined => {
  const ip = parseIPv4(text.trim());
  return ip === undefined ? undefined : formatIPv4(ip);
};
/** ParseCIDRSloppy + String(): leading zeros accepted in the address and the prefix (`/025`). */
const canonicalCIDR = (text: string): string | undefined => {
  const [ip = '', prefix = '', ...rest] = text.trim().split('/');
  if (rest.length > 0 || !/^[0-9]{1,3}$/.test(prefix) || Number(prefix) > 32) return undefined;
  const cidr = parseCidr(`${canonicalIP(ip) ?? ''}/${Number(prefix)}`);
  return cidr === undefined ? undefined : `${formatIPv4(cidr.base)}/${cidr.prefix}`;
};
const defined = <T>(v: T | undefined): v is T => v !== undefined;

function endpointsFor(
  svc: ServiceView,
  portName: string,
  protocol: Protocol,
  slices: readonly EndpointSlice[],
  nodeName: string,
): ProxyEndpoint[] {
  const byKey = new Map<string, ProxyEndpoint>();
  for (const slice of slices) {
    if (slice.namespace !== svc.namespace || slice.serviceName !== svc.name || slice.addressType !== 'IPv4')
      continue;
    for (const port of slice.ports) {
      if ((port.name ?? '') !== portName || port.protocol !== protocol || !port.port) continue;
      for (const ep of slice.endpoints) {
        const ip = canonicalIP(ep.addresses[0] ?? '');
        if (ip === undefined) continue;
        const isLocal = ep.nodeName === nodeName;
        const key = `${ip}:${port.port}`;
        // Duplicates across slices: a local copy wins (endpointslicecache addEndpoints).
        if (byKey.has(key) && !isLocal) continue;
        const pod = ep.targetRef ? `${ep.targetRef.namespace}/${ep.targetRef.name}` : undefined;
        byKey.set(key, { ip, port: port.port, ...ep.conditions, isLocal, pod });
      }
    }
  }
  // byEndpoint: sorted by the `ip:port` string.
  return [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, ep]) => ep);
}

function servicePorts(
  services: readonly ServiceView[],
  slices: readonly EndpointSlice[],
  nodeName: string,
): ProxyServicePort[] {
  const out: ProxyServicePort[] = [];
  const budgets = portBudgets(services, slices);
  for (const svc of services) {
    if (svc.type === 'ExternalName') continue;
    const clusterIP = canonicalIP(svc.clusterIP ?? '');
    if (clusterIP === undefined) continue; // "", "None" (headless) or another family: not proxied
    const kept = budgets.get(`${svc.namespace}/${svc.name}`)?.kept ?? svc.ports.length;
    for (const p of svc.ports.slice(0, kept)) {
      out.push({
        namespace: svc.namespace,
        name: svc.name,
        portName: p.name,
        protocol: p.protocol,
        clusterIP,
        port: p.port,
        nodePort: p.nodePort ?? 0,
        externalIPs: svc.externalIPs.map(canonicalIP).filter(defined),
        loadBalancerIPs: svc.loadBalancerIPs.map(canonicalIP).filter(defined),
        loadBalancerSourceRanges: svc.loadBalancerSourceRanges.map(canonicalCIDR).filter(defined),
        externalTrafficPolicy: svc.externalTrafficPolicy,
        internalTrafficPolicy: svc.internalTrafficPolicy,
        sessionAffinity: svc.sessionAffinity,
        sessionAffinityTimeoutSeconds: svc.sessionAffinityTimeoutSeconds,
        healthCheckNodePort: svc.healthCheckNodePort ?? 0,
        type: svc.type,
        endpoints: endpointsFor(svc, p.name, p.protocol, slices, nodeName),
      });
    }
  }
  return out;
}

// Raw objects ------------------------------------------------------------------------------

const obj = (v: JsonValue | undefined): JsonObject | undefined => (isJsonObject(v) ? v : undefined);
const list = (v: JsonValue | undefined): readonly JsonValue[] =>
  Array.isArray(v) ? (v as readonly JsonValue[]) : [];
const str = (v: JsonValue | undefined): string | undefined => (typeof v === 'string' ? v : undefined);
const num = (v: JsonValue | undefined): number | undefined => (typeof v === 'number' ? v : undefined);
const strings = (v: JsonValue | undefined): string[] => list(v).map(str).filter(defined);
const protocolOf = (v: JsonValue | undefined): Protocol => (v === 'UDP' || v === 'SCTP' ? v : 'TCP');
const policy = (v: JsonValue | undefined): 'Cluster' | 'Local' => (v === 'Local' ? 'Local' : 'Cluster');
const SERVICE_TYPES: readonly ServiceType[] = ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'];

function serviceView(o: ManifestObject): ServiceView {
  const spec = obj(field(o.body, 'spec'));
  const type = SERVICE_TYPES.find((t) => t === field(spec, 'type')) ?? 'ClusterIP';
  const ingress = list(field(obj(field(obj(field(o.body, 'status')), 'loadBalancer')), 'ingress'));
  const affinity = field(spec, 'sessionAffinity') === 'ClientIP' ? 'ClientIP' : 'None';
  const timeout = num(
    field(obj(field(obj(field(spec, 'sessionAffinityConfig')), 'clientIP')), 'timeoutSeconds'),
  );
  return {
    namespace: o.namespace ?? 'default',
    name: o.name,
    type,
    clusterIP: str(field(spec, 'clusterIP')),
    ports: list(field(spec, 'ports')).map((p) => {
      const port = obj(p);
      return {
        name: str(field(port, 'name')) ?? '',
        protocol: protocolOf(field(port, 'protocol')),
        port: num(field(port, 'port')) ?? 0,
        nodePort: num(field(port, 'nodePort')),
      };
    }),
    externalIPs: strings(field(spec, 'externalIPs')),
    loadBalancerIPs: ingress.map((i) => str(field(obj(i), 'ip'))).filter(defined),
    loadBalancerSourceRanges: strings(field(spec, 'loadBalancerSourceRanges')),
    sessionAffinity: affinity,
    sessionAffinityTimeoutSeconds: timeout ?? 10800,
    externalTrafficPolicy: policy(field(spec, 'externalTrafficPolicy')),
    internalTrafficPolicy: policy(field(spec, 'internalTrafficPolicy')),
    healthCheckNodePort: num(field(spec, 'healthCheckNodePort')),
  };
}

function sliceView(o: ManifestObject): EndpointSlice {
  const labels = obj(field(obj(field(o.body, 'metadata')), 'labels'));
  const addressType = str(field(o.body, 'addressType'));
  return {
    namespace: o.namespace ?? 'default',
    name: o.name,
    serviceName: str(field(labels, 'kubernetes.io/service-name')) ?? '',
    addressType: addressType === 'IPv6' || addressType === 'FQDN' ? addressType : 'IPv4',
    endpoints: list(field(o.body, 'endpoints')).map((e) => {
      const ep = obj(e);
      const cond = obj(field(ep, 'conditions'));
      // Unset conditions: ready; serving follows ready; terminating false.
      const ready = field(cond, 'ready') !== false;
      const serving = typeof field(cond, 'serving') === 'boolean' ? field(cond, 'serving') === true : ready;
      const ref = obj(field(ep, 'targetRef'));
      const refName = str(field(ref, 'name'));
      return {
        addresses: strings(field(ep, 'addresses')),
        conditions: { ready, serving, terminating: field(cond, 'terminating') === true },
        hostname: str(field(ep, 'hostname')),
        nodeName: str(field(ep, 'nodeName')),
        targetRef: refName
          ? {
              kind: 'Pod' as const,
              namespace: str(field(ref, 'namespace')) ?? o.namespace ?? 'default',
              name: refName,
            }
          : undefined,
      };
    }),
    ports: list(field(o.body, 'ports')).map((p) => {
      const port = obj(p);
      return {
        name: str(field(port, 'name')) ?? '',
        port: num(field(port, 'port')) ?? 0,
        protocol: protocolOf(field(port, 'protocol')),
      };
    }),
    managedBy: 'user',
  };
}

/** Service and EndpointSlice objects fed straight to the proxier (no defaulting, no allocation). */
export function proxyInputFromObjects(objects: readonly ManifestObject[], config: ProxyConfig): ProxyInput {
  const services = objects.filter((o) => o.kind === 'Service').map(serviceView);
  const slices = objects.filter((o) => o.kind === 'EndpointSlice').map(sliceView);
  return { config, services: servicePorts(services, slices, config.nodeName) };
}

// The cluster model ------------------------------------------------------------------------

/** The proxier on `nodeName` of a simulated cluster: its config and every Service port it serves. */
/** `mode` defaults to the scenario's (the rules a view or a run asks for may differ). */
export function proxyInputFromModel(
  model: ClusterModel,
  nodeName: string,
  mode: ProxyMode = model.settings.proxyMode,
): ProxyInput {
  const node = model.nodes.find((n) => n.name === nodeName);
  const config = defaultProxyConfig({
    mode,
    nodeName,
    // Only this node's own addresses are LOCAL to its kernel.
    nodeIPs: node ? [node.internalIP] : [],
    clusterCIDR: model.settings.podCIDR,
    serviceCIDRs: [model.settings.serviceCIDR],
  });
  const services: ServiceView[] = model.services.map((s) => ({
    ...s,
    ports: s.ports.map((p) => ({ name: p.name, protocol: p.protocol, port: p.port, nodePort: p.nodePort })),
  }));
  return { config, services: servicePorts(services, model.endpointSlices, nodeName) };
}
