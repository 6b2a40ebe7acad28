// The typed, versioned contract between the page and the engine worker. Everything here is
// structured-cloneable: plain data only.

import type {
  ClusterModel,
  Diagnostic,
  GraphEdge,
  GraphNamespace,
  GraphNode,
  ProxyMode,
  RulesFormat,
  SourceRange,
} from '../engine/index.ts';

export const PROTOCOL_VERSION = 3;

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
  | { readonly kind: 'service'; readonly id: string; readonly dns: readonly ServiceDns[] };

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

export interface EngineApi {
  parse(text: string): Promise<ParseSummary>;
  /** Details of a graph item in the reading `revision` (the last few are kept); undefined if gone. */
  inspect(revision: number, id: string): Promise<Inspection | undefined>;
  /** A node's kube-proxy rules in reading `revision` for `mode` (the scenario's when undefined); undefined if gone. */
  rules(
    revision: number,
    nodeName: string,
    mode: ProxyMode | undefined,
    format: RulesFormat,
  ): Promise<RulesReading | undefined>;
}
