// The graph view model: the cluster as nodes and edges, renderer-agnostic plain data.
// Ids are stable (`pod/NS/NAME`, `svc/NS/NAME`, …) so a redraw after a small edit keeps its shape.

import type { SourceRange } from '../manifest/types.ts';

export type GraphNodeKind =
  | 'cluster-node'
  | 'pod'
  | 'pod-group'
  | 'kube-proxy'
  | 'service'
  | 'service-group'
  | 'ingress'
  | 'client'
  | 'load-balancer';

/** `ok`: running and ready; `not-ready`: failing its readiness; `pending`: not scheduled. */
export type GraphStatus = 'ok' | 'not-ready' | 'pending';

export interface GraphNode {
  /** Stable id: `node/NAME`, `pod/NS/NAME`, `kube-proxy/NODE`, `svc/NS/NAME`, `ing/NS/NAME`, `external/…`; folded groups `pods/NODE`, `services/NS`. */
  readonly id: string;
  readonly kind: GraphNodeKind;
  /** The object's name (untrusted text: render as text only). */
  readonly label: string;
  /** undefined for cluster-scoped items and the outside world. */
  readonly namespace: string | undefined;
  /** The group (a cluster node's id) this item sits in; undefined at the top level. */
  readonly parent: string | undefined;
  /** One short line under the name: a pod's IP, a Service's type and ClusterIP, … */
  readonly detail: string;
  /** Short facts shown as chips: `NodePort 30301`, `a.whale.hey`, `iptables`. */
  readonly badges: readonly string[];
  readonly status: GraphStatus;
  /** ManifestObject.index of the object in the text that made it; -1 when the cluster made it. */
  readonly sourceIndex: number;
  /** Where that object is written; undefined when it was not written in the text. */
  readonly sourceRange: SourceRange | undefined;
  /** Groups only (collapse.ts): the items it stands for, in model order; empty when expanded. */
  readonly hidden?: readonly GraphNode[];
}

export type GraphEdgeKind = 'selects' | 'routes';

export interface GraphEdge {
  /** `SOURCE->TARGET` */
  readonly id: string;
  readonly source: string;
  readonly target: string;
  /** `selects`: a Service's endpoint pod; `routes`: traffic from outside or from an Ingress. */
  readonly kind: GraphEdgeKind;
  /** False for a not-ready endpoint (drawn dashed). */
  readonly ready: boolean;
  readonly label: string | undefined;
  /** An edge to or from a folded group (collapse.ts): how many edges of the full graph it stands for. */
  readonly count?: number;
}

export interface GraphNamespace {
  readonly name: string;
  /** 0–7: a palette slot derived from the name alone, so a namespace keeps its colour. */
  readonly colour: number;
  /** Quota usage as `kubectl describe quota` counts it: `pods 3/3`. */
  readonly quota: readonly string[];
  readonly sourceIndex: number;
}

export interface GraphModel {
  /** Groups (cluster nodes) come before their children. */
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
  readonly namespaces: readonly GraphNamespace[];
}

/** What the graph needs from the text: where each object is written, and its body. */
export interface GraphSource {
  readonly index: number;
  readonly range: SourceRange;
  readonly body: unknown;
}
