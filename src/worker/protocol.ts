// The typed, versioned contract between the page and the engine worker. Everything here is
// structured-cloneable: plain data only.

import type {
  ClusterModel,
  Diagnostic,
  GraphEdge,
  GraphNamespace,
  GraphNode,
  PolicyType,
  Protocol,
  ProxyMode,
  RulesFormat,
  SimCounters,
  SimHop,
  SourceRange,
} from '../engine/index.ts';

export const PROTOCOL_VERSION = 4;

export interface ObjectSummary {
  readonly apiVersion: string;
  readonly kind: string;
  readonly name: string;
  readonly namespace: string | undefined;
  readonly index: number;
  readonly range: SourceRange;
  readonly simulated: boolean;
}

/** A graph node with its place: x/y relative to its parent group (or the canvas), in px. */
export interface PlacedNode extends GraphNode {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface LaidOutGraph {
  /** Groups come before their children. */
  readonly nodes: readonly PlacedNode[];
  readonly edges: readonly GraphEdge[];
  readonly namespaces: readonly GraphNamespace[];
  /** Milliseconds elk (and the pod grids) took. */
  readonly layoutMs: number;
}

export interface ParseSummary {
  readonly version: typeof PROTOCOL_VERSION;
  /** Increases with every parse; `inspect` names the reading it asks about. */
  readonly revision: number;
  readonly objects: readonly ObjectSummary[];
  /** The manifest stage's diagnostics (the cluster's semantic ones are in `cluster.diagnostics`). */
  readonly diagnostics: readonly Diagnostic[];
  /** True when the text read without errors and has objects: this reading may be drawn. */
  readonly good: boolean;
  /** What the control plane built; undefined when the text had no objects. */
  readonly cluster: ClusterModel | undefined;
  /** The laid-out picture; undefined without a cluster or above the layout limit. */
  readonly graph: LaidOutGraph | undefined;
  /** How many items the graph has (also when it was too large to lay out). */
  readonly graphSize: number;
  /** Milliseconds the engine spent (parse, cluster, graph, layout), for the status bar and benchmarks. */
  readonly elapsedMs: number;
}

export interface EnvLine {
  readonly name: string;
  readonly value: string;
  /** `service`: injected by kubelet for a Service; `declared`: written in the container spec. */
  readonly origin: 'service' | 'declared';
}

export interface ContainerEnv {
  readonly container: string;
  readonly env: readonly EnvLine[];
}

export interface ServiceDns {
  readonly name: string;
  readonly type: string;
  readonly data: string;
}

/** What the inspector shows for one graph item, computed in the worker from the model. */
export type Inspection =
  | {
      readonly kind: 'pod';
      readonly id: string;
      readonly env: readonly ContainerEnv[];
      readonly resolvConf: string;
    }
  | { readonly kind: 'service'; readonly id: string; readonly dns: readonly ServiceDns[] }
  | IngressInspection;

/** One row of an Ingress's route table: a location ingress-nginx made from one of its paths. */
export interface IngressRouteRow {
  /** Stable within a reading: `host path pathType`. */
  readonly key: string;
  /** As written; `*` when the rule has no host. */
  readonly host: string;
  readonly path: string;
  readonly pathType: string;
  /** How nginx compares paths here: `exact`, `prefix`, `string-prefix`, `regex`. */
  readonly match: string;
  /** `whale-svc-a:80`, or the controller's default backend. */
  readonly backend: string;
  readonly rewriteTarget: string | undefined;
  /** The TLS Secret for the host (SNI), when the host has TLS. */
  readonly tlsSecret: string | undefined;
  readonly isDefaultBackend: boolean;
  /** Graph ids a request taking this row passes: the Ingress, its Service, the endpoint pods. */
  readonly pathIds: readonly string[];
}

export interface IngressInspection {
  readonly kind: 'ingress';
  readonly id: string;
  readonly className: string | undefined;
  /** True when ingress-nginx takes this Ingress. */
  readonly served: boolean;
  /** Why it is ignored, when it is. */
  readonly ignoredReason: string | undefined;
  /** The controller's address, published in status.loadBalancer.ingress. */
  readonly address: string | undefined;
  readonly routes: readonly IngressRouteRow[];
  /** Conflicts and other notes about this Ingress (path already taken by an older Ingress, …). */
  readonly notes: readonly string[];
}

/** Why one host or path of the route table did or did not take a URL. */
export interface UrlCandidate {
  readonly label: string;
  readonly matched: boolean;
  readonly reason: string;
}

/** The answer to "try a URL": which rule, Service and pod, and why not the others. */
export type UrlAnswer =
  | { readonly ok: false; readonly error: string }
  | {
      readonly ok: true;
      readonly url: string;
      readonly httpStatus: number;
      readonly outcome: string;
      /** `ing/NS/NAME` and the rule's host and path, when a rule took it. */
      readonly rule: { readonly id: string; readonly host: string; readonly path: string } | undefined;
      readonly service: string | undefined;
      readonly pod: string | undefined;
      readonly endpoint: string | undefined;
      readonly upstreamPath: string;
      readonly explanation: readonly string[];
      readonly hosts: readonly UrlCandidate[];
      readonly paths: readonly UrlCandidate[];
      readonly pathIds: readonly string[];
    };

/** Lines of a node's rules that belong together: one Service's, or kube-proxy's own (`service` undefined). */
export interface RuleGroup {
  /** `NAMESPACE/NAME` of the Service these lines mention; undefined for kube-proxy's own chains. */
  readonly service: string | undefined;
  readonly lines: readonly string[];
}

/** One node's kube-proxy rules as the tool prints them (engine `nodeRules`), grouped per Service. */
export interface RulesReading {
  readonly node: string;
  readonly mode: ProxyMode;
  readonly format: RulesFormat;
  /** The tool that prints this text on a real node, e.g. `iptables-save`. */
  readonly tool: string;
  readonly text: string;
  /** Every line of `text` exactly once: the Services' groups by name, then kube-proxy's own. */
  readonly groups: readonly RuleGroup[];
}

/** View state that shapes the picture the worker lays out. */
export interface DrawOptions {
  /** Folded groups (`pods/NODE`, `services/NS`) the user opened: all their members are drawn. */
  readonly expandedGroups: readonly string[];
}

export interface EngineApi extends SimApi {
  parse(text: string, draw?: DrawOptions): Promise<ParseSummary>;
  /** Details of a graph item in the reading `revision` (the last few are kept); undefined if gone. */
  inspect(revision: number, id: string): Promise<Inspection | undefined>;
  /** A node's kube-proxy rules in reading `revision` for `mode` (the scenario's when undefined); undefined if gone. */
  rules(
    revision: number,
    nodeName: string,
    mode: ProxyMode | undefined,
    format: RulesFormat,
  ): Promise<RulesReading | undefined>;
  /** Where `url` goes through the ingress controller in reading `revision`. */
  tryUrl(revision: number, url: string): Promise<UrlAnswer>;
  /** A namespace's NetworkPolicies, the pods they select and (when asked) its connectivity matrix; undefined if gone. */
  networkPolicies(revision: number, query: NetpolQuery): Promise<NetpolAnswer | undefined>;
}

/** What `networkPolicies` is asked: one namespace, and which port the matrix probes. */
export interface NetpolQuery {
  readonly namespace: string;
  /** Whether to decide the pods × pods matrix (the pod inspector only needs the policies). */
  readonly matrix: boolean;
  /** One destination port for every cell; undefined: each destination's declared ports. */
  readonly port: number | undefined;
  /** TCP when a port is given without one; with no port, limits the declared ports to it. */
  readonly protocol: Protocol | undefined;
}

/** One enforced NetworkPolicy: whom it selects and its rules in plain words. */
export interface NetpolPolicy {
  /** `netpol/NS/NAME`: what the view selects for it. */
  readonly id: string;
  readonly namespace: string;
  readonly name: string;
  readonly range: SourceRange | undefined;
  /** After the API server's defaulting. */
  readonly policyTypes: readonly PolicyType[];
  readonly policyTypesDefaulted: boolean;
  /** `role=db`, or `{}` (every pod of the namespace). */
  readonly podSelector: string;
  /** Graph ids (`pod/NS/NAME`) of the pods it selects, by name. */
  readonly selects: readonly string[];
  /** One sentence per rule; empty with the type listed: that direction is denied entirely. */
  readonly ingress: readonly string[];
  readonly egress: readonly string[];
}

/** One side's verdict for one probe. */
export interface NetpolSide {
  readonly allowed: boolean;
  /** The pod isolated on this side (`NS/NAME`), when it is. */
  readonly isolatedPod: string | undefined;
  /** The policy whose rule allowed it (`NS/NAME`). */
  readonly policy: string | undefined;
  readonly explanation: string;
}

export interface NetpolProbe {
  readonly protocol: Protocol;
  /** undefined: the destination declares no port, the question was "every port?". */
  readonly port: number | undefined;
  readonly portName: string | undefined;
  readonly allowed: boolean;
  readonly egress: NetpolSide;
  readonly ingress: NetpolSide;
}

export interface NetpolCell {
  readonly allowed: 'all' | 'none' | 'some';
  readonly probes: readonly NetpolProbe[];
}

/** A port a pod of the namespace declares: a choice for the matrix's port selector. */
export interface DeclaredPort {
  readonly port: number;
  readonly protocol: Protocol;
  readonly name: string | undefined;
}

export interface NetpolAnswer {
  readonly namespace: string;
  /** Every enforced policy of the namespace, in the order the text stores them. */
  readonly policies: readonly NetpolPolicy[];
  /** The ports the namespace's pods declare, for the port selector. */
  readonly ports: readonly DeclaredPort[];
  /** The matrix, when asked and the namespace is small enough; rows are sources, columns destinations. */
  readonly matrix:
    | {
        readonly port: number | undefined;
        readonly protocol: Protocol | undefined;
        /** Graph ids of the pods, in row and column order. */
        readonly pods: readonly string[];
        readonly cells: readonly (readonly NetpolCell[])[];
      }
    | undefined;
  /** How many pods the namespace has when the matrix was skipped for size (0 otherwise). */
  readonly tooManyPods: number;
}

/** What a simulation run is started with (the Simulation document's values when absent). */
export interface SimSettings {
  readonly seed?: number;
  readonly traffic?: readonly { readonly from: string; readonly to: string; readonly rate?: number }[];
}

/** One animation frame: the packets in flight at virtual time `now`, and the hops made since the last frame. */
export interface SimFrame {
  readonly now: number;
  /** x, y (flow coordinates), flow index, state (0 ok, 1 failed, 2 reply) per packet. */
  readonly packets: Float32Array;
  readonly hops: readonly SimHop[];
  readonly inFlight: number;
}

/** The simulation half of the worker: one run at a time, on one reading. */
export interface SimApi {
  /** Starts (or restarts) a run on reading `revision`; false when that reading is gone or has no picture. */
  simStart(revision: number, settings: SimSettings): Promise<boolean>;
  /** Runs the engine to virtual time `now` (ms) and returns the frame (its buffer transferred); while `playing`, hops come in batches. */
  simFrame(now: number, playing: boolean): Promise<SimFrame | undefined>;
  /** A one-off request from `from` (`external`, `pod/NS/NAME`, `node/NAME`) to a URL or HOST:PORT. */
  simSend(from: string, to: string): Promise<number | undefined>;
  simCounters(): Promise<SimCounters | undefined>;
  simSetPodReady(namespace: string, name: string, ready: boolean): Promise<void>;
}

export type { SimCounters, SimHop };
