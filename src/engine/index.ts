// The engine's one public entry. Pure TypeScript: no DOM, no Node built-ins.

export type {
  Diagnostic,
  FieldPath,
  JsonObject,
  JsonValue,
  ManifestObject,
  ParseResult,
  Severity,
  SourcePosition,
  SourceRange,
} from './manifest/types.ts';

/** Reads manifests (multi-document YAML, JSON, `kind: List`) into objects and located diagnostics. */
export { createParseCache, parseManifests, type ParseCache } from './manifest/parse.ts';
export { MAX_TEXT_BYTES } from './manifest/text.ts';

// The graph view model (renderer-agnostic nodes and edges with stable ids).
export type {
  GraphEdge,
  GraphEdgeKind,
  GraphModel,
  GraphNamespace,
  GraphNode,
  GraphNodeKind,
  GraphSource,
  GraphStatus,
} from './graph/types.ts';
/** The cluster model drawn as nodes and edges: cluster nodes holding pods, Services, Ingresses, the outside world. */
export {
  buildGraph,
  CLIENT_ID,
  LOAD_BALANCER_ID,
  UNSCHEDULED_ID,
  ingressId,
  kubeProxyId,
  nodeId,
  podId,
  serviceId,
} from './graph/build.ts';

// The cluster stage: what a control plane makes of the applied objects.
export type {
  ClusterContainer,
  ClusterIngress,
  ClusterModel,
  ClusterNamespace,
  ClusterNode,
  ClusterPod,
  ClusterQuota,
  ClusterService,
  ClusterSettings,
  ContainerPort,
  ControllerStatus,
  EndpointAddress,
  EndpointPort,
  EndpointSlice,
  EndpointSliceEndpoint,
  Endpoints,
  EndpointSubset,
  EnvVar,
  Labels,
  OwnerRef,
  Protocol,
  ProxyMode,
  Rejection,
  ServicePort,
  ServiceType,
  SourceRef,
} from './cluster/types.ts';
/** Applies the objects in document order to a fresh simulated cluster (seeded, deterministic): admission, controllers, scheduling, IPAM, system pods. */
export { buildCluster } from './cluster/build.ts';

// Endpoints, semantic checks, DNS, resolv.conf and service environment variables.
export type { PodDNSConfig } from './cluster/types.ts';
/** The endpoints and EndpointSlice controllers (plus Endpoints/EndpointSlices written for selectorless Services). */
export { buildEndpoints } from './cluster/endpoints.ts';
/** Located warnings about wiring that cannot work: selectors matching nothing, targetPorts not exposed, Ingress backends missing. */
export { semanticDiagnostics } from './cluster/semantic.ts';
export type { DnsAnswer, DnsLookupResult, DnsRecord, DnsRecordType } from './cluster/dns.ts';
/** The records CoreDNS serves, and a lookup following a pod's resolv.conf (ndots, search list). */
export { dnsRecords, lookup } from './cluster/dns.ts';
export type { ResolvConf } from './cluster/resolv-conf.ts';
/** The pod's /etc/resolv.conf as kubelet writes it for its dnsPolicy. */
export { resolvConf } from './cluster/resolv-conf.ts';
/** Service environment variables kubelet injects, and a container's whole environment with `$(VAR)` expanded. */
export { containerEnv, serviceEnv } from './cluster/env.ts';
