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
/** Large clusters: pods past POD_LIMIT per node, Services past SERVICE_LIMIT per namespace drawn as one item, unless opened. */
export {
  collapseGraph,
  podGroupId,
  POD_LIMIT,
  SERVICE_LIMIT,
  serviceGroupId,
  type CollapseOptions,
} from './graph/collapse.ts';

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

// kube-proxy's nftables, IPVS and userspace modes: rules as data, the tools' renderings, evaluators.
export type { MatchedRule, ProxyDecision } from './proxy/types.ts';
export type { NftChain, NftElement, NftRule, NftSet, NftTable } from './proxy/nftables/model.ts';
/** The `ip kube-proxy` table kube-proxy (pkg/proxy/nftables) builds for one node. */
export { buildNftablesRuleset } from './proxy/nftables/build.ts';
/** The nft transaction text kube-proxy sends (`add table ip kube-proxy …`). */
export { renderNftablesTransaction } from './proxy/nftables/render-transaction.ts';
/** The table as `nft list ruleset` prints it. */
export { renderNftListRuleset } from './proxy/nftables/render-list.ts';
/** Walks one new connection through the nftables rules (numgen consumes `packet.random`). */
export { evaluateNftables, type NftEvaluation, type NftState } from './proxy/nftables/evaluate.ts';
export type { Ipset, IpvsRuleSet, RealServer, VirtualServer } from './proxy/ipvs/model.ts';
/** IPVS mode for one node: virtual/real servers, ipsets, kube-ipvs0 addresses, its iptables rules. */
export { buildIpvsRuleSet } from './proxy/ipvs/build.ts';
/** `ipvsadm -Ln`, `ipset save`, the IPVS-mode iptables text and kube-ipvs0's addresses. */
export { renderIpsetSave, renderIpvsadm, renderIpvsIptables, renderKubeIpvs0 } from './proxy/ipvs/render.ts';
/** One connection in IPVS mode: iptables/ipset first, then the virtual server and its scheduler. */
export { evaluateIpvs, type IpvsEvaluation } from './proxy/ipvs/evaluate.ts';
export { emptyIpvsState, type IpvsState } from './proxy/ipvs/scheduler.ts';
/** The historical userspace mode: proxy ports and the REDIRECT/DNAT portal rules. */
export {
  buildUserspaceRuleSet,
  renderUserspaceRules,
  type UserspaceRuleSet,
} from './proxy/userspace/build.ts';
/** One connection in userspace mode: the portal rule, then round robin with retry and ClientIP affinity. */
export {
  emptyUserspaceState,
  evaluateUserspace,
  type UserspaceEvaluation,
  type UserspaceState,
} from './proxy/userspace/evaluate.ts';

// kube-proxy's input (Services + EndpointSlices as the proxier sees them) and iptables mode.
/** The proxier's input: from raw Service/EndpointSlice objects (no API-server defaulting) or from the cluster model; kube-proxy's flag defaults. */
export { defaultProxyConfig, proxyInputFromModel, proxyInputFromObjects } from './proxy/input.ts';
/** SHA-256 and base32 as kube-proxy uses them for chain names, and the KUBE-SVC/SVL/EXT/FW/SEP names themselves. */
export { base32, sha256, utf8Bytes } from './proxy/sha256.ts';
export {
  portProtoHash,
  serviceExternalChainName,
  serviceFirewallChainName,
  servicePortEndpointChainName,
  servicePortNameString,
  servicePortPolicyClusterChain,
  servicePortPolicyLocalChainName,
} from './proxy/chain-names.ts';
export type {
  AddressMatch,
  IptablesRule,
  IptablesRuleSet,
  IptablesTable,
  IptablesTableRules,
  ModuleMatch,
  RuleOption,
  RuleTarget,
} from './proxy/iptables/types.ts';
export type { SyncOptions as IptablesSyncOptions } from './proxy/iptables/context.ts';
/** kube-proxy iptables mode: one full syncProxyRules as structured rules (filter + nat, plus the built-in chain jumps). */
export { syncProxyRules as syncIptablesRules } from './proxy/iptables/sync.ts';
/** The text kube-proxy feeds `iptables-restore`. */
export { renderRestore as renderIptablesRestore } from './proxy/iptables/render-restore.ts';
export type { SaveOptions as IptablesSaveOptions } from './proxy/iptables/render-save.ts';
/** What `iptables-save` prints on the node afterwards (jump rules from built-in chains included by default). */
export { renderSave as renderIptablesSave } from './proxy/iptables/render-save.ts';
export type {
  EvaluateOptions as IptablesEvaluateOptions,
  IptablesEvaluation,
  IptablesVerdict,
  RuleHit as IptablesRuleHit,
} from './proxy/iptables/evaluate.ts';
/** Walks the iptables rules for one packet: every possible endpoint (trace-all) or one seeded connection, with each matched rule located. */
export { evaluateIptables } from './proxy/iptables/evaluate.ts';
/** One node's kube-proxy rules for a mode, as `iptables-save` / `ipvsadm -Ln` / `nft list ruleset` print them (or kube-proxy's restore input). */
export { nodeRules, type NodeRules, type RulesFormat } from './proxy/node-rules.ts';
export type { Packet, ProxyConfig, ProxyEndpoint, ProxyInput, ProxyServicePort } from './proxy/types.ts';

// The ingress stage: ingress-nginx's route table (its nginx.conf as data) and one request through it.
export type {
  IngressCandidate,
  IngressEndpoint,
  IngressLocation,
  IngressPathType,
  IngressRef,
  IngressRequest,
  IngressRouteTable,
  IngressRouting,
  IngressServer,
  IngressUpstream,
  LocationMatch,
} from './ingress/types.ts';
/** The server blocks and locations ingress-nginx builds from the Ingresses it serves, what it ignores and why (located diagnostics). */
export { buildIngressRouteTable } from './ingress/route-table.ts';
/** One request through ingress-nginx: server by Host, location by path, https redirect, rewrite, round robin over ready endpoints. */
export { routeRequest } from './ingress/route-request.ts';

// The simulation stage: one request traced hop by hop (a one-request run of the simulator).
export type {
  TraceAddresses,
  TraceAnswer,
  TraceHop,
  TraceOptions,
  TraceOutcome,
  TraceResult,
} from './sim/trace-types.ts';
/** One request from outside, a pod or a node, hop by hop: DNS, kube-proxy's rules (the mode's evaluator), routing, the Ingress route table, the pod, the reply through conntrack. */
export { EXTERNAL_CLIENT_IP, traceRequest } from './sim/trace.ts';
export type { TracedHop } from './sim/trace.ts';
/** One new connection through one node's kube-proxy rules, whatever the mode (optionally with the state the rules keep between connections). */
export {
  emptyProxyState,
  proxyAtNode,
  type NodeProxyDecision,
  type ProxyState,
  type WalkContext,
} from './sim/node-proxy.ts';

// The discrete-event simulator: requests hop by hop in virtual time, seeded.
export type {
  FlowCounters,
  HopPick,
  SimClusterEvent,
  SimCounters,
  SimHop,
  SimRequestResult,
  Simulation,
  SimulationOptions,
  TrafficFlow,
} from './sim/sim-types.ts';
/** A run of the cluster: the Simulation document's traffic and events (or the options'), one-off `send`s, readiness toggles; `advance(ms)` returns the hops. */
export { createSimulation, requestProblem } from './sim/simulation.ts';
/** A hop as a plain object with its sentence written (hops write theirs on first read): what may cross postMessage. */
export { plainHop } from './sim/hop-record.ts';
/** The Simulation document's `spec.traffic` and `spec.events` as the simulator reads them. */
export { EVENT_ACTIONS, readEvents, readTraffic, type SimAction, type SimEvent } from './sim/scenario.ts';
/** The rule-walk memo (per packet class) and its class key, for tests and benchmarks. */
export { memoisedDecision, packetClass } from './sim/rule-memo.ts';

// NetworkPolicy (networking.k8s.io/v1) as the network plugin enforces it: per direction, per connection, per namespace.
export type {
  ClusterNetworkPolicy,
  ConnectionDecision,
  DecisionReason,
  IPBlock,
  LabelSelector,
  LabelSelectorRequirement,
  NetpolConnection,
  NetpolEndpoint,
  NetworkPolicyPeer,
  NetworkPolicyPort,
  NetworkPolicyRule,
  PodRef,
  PolicyDecision,
  PolicyRef,
  PolicyType,
  RuleRef,
} from './netpol/types.ts';
/** The NetworkPolicies the API server stored (valid, admitted, first of duplicates), after defaulting. */
export { readNetworkPolicies } from './netpol/read-policies.ts';
/** Policies indexed against a model; the endpoint (pod or bare address) behind an IP. */
export {
  endpointAt,
  indexNetworkPolicies,
  networkPolicyIndex,
  type NetworkPolicyIndex,
} from './netpol/policy-index.ts';
/** One connection: egress on the source, ingress on the destination (after DNAT), replies of allowed connections. */
export {
  decideConnection,
  decideDirection,
  decidePacket,
  policiesFor,
  replyDecision,
} from './netpol/decide.ts';
/** Pods × pods of a namespace, port-aware, and its e2e-style truth table (`.` allowed, `X` blocked). */
export {
  connectivityMatrix,
  renderMatrix,
  type ConnectivityMatrix,
  type MatrixCell,
  type MatrixOptions,
  type MatrixProbe,
} from './netpol/matrix.ts';
/** Selectors, peers and ports in words, as the decisions' explanations word them. */
export { describePeer } from './netpol/decide.ts';
export { describePort, describeSelector } from './netpol/match.ts';
/** Located warnings: peers ORed where AND was likely meant, allow-all `- {}`, ignored rules, no DNS egress. */
export { networkPolicyDiagnostics } from './netpol/warnings.ts';
