// A view rule, not a Kubernetes one: past a limit, a cluster node draws its first pods and one
// "+K more pods" item (`pods/NODE`), a namespace its first Services and one "+K more Services" item
// (`services/NS`), so a large cluster stays readable and cheap to draw. First = model order.
// Edges to or from folded items go to the item standing for them: one per pair, with a count.

import type { GraphEdge, GraphModel, GraphNode, GraphNodeKind, GraphStatus } from './types.ts';

/** A cluster node with more pods than this draws its first POD_LIMIT and a `pods/NODE` item. */
export const POD_LIMIT = 14;
/** A namespace with more Services than this draws its first SERVICE_LIMIT and a `services/NS` item. */
export const SERVICE_LIMIT = 12;

/** `pods/NODE`: the item standing for the pods of `node/NODE` past the limit. */
export const podGroupId = (nodeGroupId: string) => `pods/${nodeGroupId.slice(nodeGroupId.indexOf('/') + 1)}`;
/** `services/NS`: the item standing for the Services of namespace NS past the limit. */
export const serviceGroupId = (namespace: string) => `services/${namespace}`;

export interface CollapseOptions {
  /** Groups (`pods/NODE`, `services/NS`) the user opened: all their members are drawn. */
  readonly expanded?: readonly string[];
  /** Limits other than POD_LIMIT and SERVICE_LIMIT (tests). */
  readonly podLimit?: number;
  readonly serviceLimit?: number;
}

type GroupKind = Extract<GraphNodeKind, 'pod-group' | 'service-group'>;

interface Group {
  readonly id: string;
  readonly kind: GroupKind;
  readonly parent: string | undefined;
  readonly namespace: string | undefined;
  readonly members: GraphNode[];
}

function groupStatus(hidden: readonly GraphNode[]): GraphStatus {
  if (hidden.some((p) => p.status === 'not-ready')) return 'not-ready';
  return hidden.length > 0 && hidden.every((p) => p.status === 'pending') ? 'pending' : 'ok';
}

function groupItem(group: Group, hidden: GraphNode[]): GraphNode {
  const total = group.members.length;
  const noun = group.kind === 'pod-group' ? ['pod', 'pods'] : ['Service', 'Services'];
  const notReady = hidden.filter((p) => p.status === 'not-ready').length;
  const open = hidden.length === 0;
  return {
    id: group.id,
    kind: group.kind,
    label: open
      ? `all ${total} ${noun[1]} shown`
      : `+${hidden.length} more ${noun[hidden.length === 1 ? 0 : 1]}`,
    namespace: group.namespace,
    parent: group.parent,
    detail: open ? 'select to show fewer' : `${total - hidden.length} of ${total} shown`,
    badges: notReady > 0 ? [`${notReady} not ready`] : [],
    status: groupStatus(hidden),
    sourceIndex: -1,
    sourceRange: undefined,
    hidden,
  };
}

/** Edges to or from folded items, redirected to their group: one per pair, `count` edges behind it. */
function redirectEdges(edges: readonly GraphEdge[], groupOf: ReadonlyMap<string, string>): GraphEdge[] {
  const out: GraphEdge[] = [];
  const merged = new Map<string, { index: number; count: number; ready: boolean }>();
  for (const e of edges) {
    const source = groupOf.get(e.source) ?? e.source;
    const target = groupOf.get(e.target) ?? e.target;
    if (source === e.source && target === e.target) {
      out.push(e);
      continue;
    }
    const id = `${source}->${target}`;
    const seen = merged.get(id);
    const count = (seen?.count ?? 0) + (e.count ?? 1);
    const ready = (seen?.ready ?? false) || e.ready;
    const index = seen?.index ?? out.length;
    merged.set(id, { index, count, ready });
    // Labels (hosts, ports) describe one edge; a merged one says only whether any is ready.
    const label = count === 1 ? e.label : ready ? undefined : 'not ready';
    out[index] = { id, source, target, kind: e.kind, ready, label, count };
  }
  return out;
}

function collectGroups(graph: GraphModel): Map<string, Group> {
  const groups = new Map<string, Group>();
  const add = (id: string, kind: GroupKind, node: GraphNode, parent: string | undefined, ns?: string) => {
    const group = groups.get(id);
    if (group) group.members.push(node);
    else groups.set(id, { id, kind, parent, namespace: ns, members: [node] });
  };
  for (const node of graph.nodes) {
    if (node.kind === 'pod' && node.parent !== undefined)
      add(podGroupId(node.parent), 'pod-group', node, node.parent);
    else if (node.kind === 'service' && node.namespace !== undefined)
      add(serviceGroupId(node.namespace), 'service-group', node, undefined, node.namespace);
  }
  return groups;
}

/**
 * Folds each cluster node's pods past the pod limit into a `pods/NODE` item (the node's last
 * child) and each namespace's Services past the Service limit into a `services/NS` item (after the
 * last Service), unless the group's id is in `expanded`: then every member is drawn and the item
 * offers to fold them again. Under the limits nothing changes: small scenarios look as before.
 */
export function collapseGraph(graph: GraphModel, options: CollapseOptions = {}): GraphModel {
  const limit = {
    'pod-group': options.podLimit ?? POD_LIMIT,
    'service-group': options.serviceLimit ?? SERVICE_LIMIT,
  };
  const expanded = new Set(options.expanded);
  const groupOf = new Map<string, string>();
  const items: GraphNode[] = [];
  for (const group of collectGroups(graph).values()) {
    if (group.members.length <= limit[group.kind]) continue;
    const hidden = expanded.has(group.id) ? [] : group.members.slice(limit[group.kind]);
    for (const member of hidden) groupOf.set(member.id, group.id);
    items.push(groupItem(group, hidden));
  }
  if (items.length === 0) return graph;
  const nodes = graph.nodes.filter((n) => !groupOf.has(n.id));
  // Service groups join the Services (the layout keeps model order); pod groups close their node.
  const lastService = nodes.findLastIndex((n) => n.kind === 'service');
  nodes.splice(lastService + 1, 0, ...items.filter((n) => n.kind === 'service-group'));
  nodes.push(...items.filter((n) => n.kind === 'pod-group'));
  return {
    nodes,
    edges: groupOf.size > 0 ? redirectEdges(graph.edges, groupOf) : graph.edges,
    namespaces: graph.namespaces,
  };
}
