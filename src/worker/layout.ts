// Places the graph: elk's layered algorithm lays the flow out left to right (outside world →
// Ingresses → Services → cluster nodes); pods sit in a grid inside their node, in model order.
// Stability: the input order is the model's (stable ids, text order) and elk is told to keep it;
// the result is shifted so that most items already on screen stay where they were. (Previous
// positions as semi-interactive hints changed nothing measurable for layered, so they are not sent.)

import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api';
import type { GraphModel, GraphNode, GraphNodeKind } from '../engine/index.ts';
import type { LaidOutGraph, PlacedNode } from './protocol.ts';

const SIZE: Record<Exclude<GraphNodeKind, 'cluster-node'>, readonly [number, number]> = {
  pod: [236, 62],
  'pod-group': [236, 62],
  'kube-proxy': [236, 62],
  service: [240, 70],
  'service-group': [240, 70],
  ingress: [240, 70],
  client: [160, 62],
  'load-balancer': [180, 62],
};
const GAP = 12;
const HEADER = 44;
/** Above this many items the graph is not drawn (the objects list still shows everything). */
export const LAYOUT_LIMIT = 6000;
/** Past these, elk takes seconds: the column layout takes over. */
const ELK_MAX_NODES = 150;
const ELK_MAX_EDGES = 500;
const COLUMN: Record<GraphNodeKind, number> = {
  client: 0,
  'load-balancer': 0,
  ingress: 1,
  service: 2,
  'service-group': 2,
  'cluster-node': 3,
  pod: 3,
  'pod-group': 3,
  'kube-proxy': 3,
};

/** Outside world | Ingresses | Services | nodes, each column stacked in model order. */
function columnLayout(top: readonly GraphNode[], boxes: readonly ElkNode[]): ElkNode[] {
  const x = [0, 320, 680, 1060];
  const y = [0, 0, 0, 0];
  return top.map((node, i) => {
    const box = boxes[i] ?? { id: node.id };
    const column = COLUMN[node.kind];
    const placed = { ...box, x: x[column] ?? 0, y: y[column] ?? 0 };
    y[column] = (y[column] ?? 0) + (box.height ?? 0) + 28;
    return placed;
  });
}

/**
 * elk's last few answers by input. elk is most of an edit's time on a small scenario; an edit that
 * moves nothing (a port, an image, a label) or an undo gives it an input it has seen, and the same
 * input always gets the same answer.
 */
const elkAnswers = new Map<string, readonly ElkNode[]>();
const ELK_ANSWERS_KEPT = 8;

async function layoutWithElk(children: ElkNode[], edges: ElkExtendedEdge[]): Promise<readonly ElkNode[]> {
  const key = JSON.stringify([children, edges]);
  const known = elkAnswers.get(key);
  elkAnswers.delete(key);
  const answer = known ?? (await elkLayout(children, edges)).children ?? [];
  elkAnswers.set(key, answer);
  for (const old of elkAnswers.keys()) if (elkAnswers.size > ELK_ANSWERS_KEPT) elkAnswers.delete(old);
  return answer;
}

async function elkLayout(children: ElkNode[], edges: ElkExtendedEdge[]): Promise<ElkNode> {
  elk ??= new ELK();
  return await elk.layout({
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.spacing.nodeNode': '28',
      'elk.layered.spacing.nodeNodeBetweenLayers': '90',
      'elk.spacing.componentComponent': '40',
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
      'elk.edgeRouting': 'POLYLINE',
    },
    children,
    edges,
  });
}

export interface Point {
  readonly x: number;
  readonly y: number;
}

let elk: InstanceType<typeof ELK> | undefined;

interface Group {
  readonly node: GraphNode;
  readonly children: GraphNode[];
  width: number;
  height: number;
}

/** Pods in a near-square grid, kube-proxy first, each in the cell its model order gives it. */
function placeChildren(group: Group, placed: Map<string, PlacedNode>): void {
  const [w, h] = SIZE.pod;
  const columns = Math.max(1, Math.ceil(Math.sqrt(group.children.length)));
  group.children.forEach((child, i) => {
    const x = GAP + (i % columns) * (w + GAP);
    const y = HEADER + Math.floor(i / columns) * (h + GAP);
    placed.set(child.id, { ...child, x, y, width: w, height: h });
  });
  const rows = Math.ceil(group.children.length / columns);
  group.width = Math.max(240, GAP + columns * (w + GAP));
  group.height = HEADER + Math.max(rows, 1) * (h + GAP);
}

/**
 * elk places from scratch; when an edit adds an item, the items below it shift by a row. Moving
 * the whole picture by the shift most known items share keeps those exactly where they were.
 */
function anchorShift(boxes: readonly ElkNode[], previous: ReadonlyMap<string, Point>): [number, number] {
  const votes = new Map<string, { shift: [number, number]; count: number }>();
  for (const box of boxes) {
    const before = previous.get(box.id);
    if (!before) continue;
    const shift: [number, number] = [(box.x ?? 0) - before.x, (box.y ?? 0) - before.y];
    const key = `${Math.round(shift[0])},${Math.round(shift[1])}`;
    const vote = votes.get(key) ?? { shift, count: 0 };
    vote.count++;
    votes.set(key, vote);
  }
  let best: { shift: [number, number]; count: number } = { shift: [0, 0], count: 0 };
  for (const vote of votes.values())
    if (
      vote.count > best.count ||
      (vote.count === best.count && Math.hypot(...vote.shift) < Math.hypot(...best.shift))
    )
      best = vote;
  return best.shift;
}

export async function layoutGraph(
  graph: GraphModel,
  previous: ReadonlyMap<string, Point> = new Map(),
  now: () => number = () => performance.now(),
): Promise<LaidOutGraph | undefined> {
  if (graph.nodes.length > LAYOUT_LIMIT) return undefined;
  const started = now();
  const groups = new Map<string, Group>();
  for (const node of graph.nodes)
    if (node.kind === 'cluster-node') groups.set(node.id, { node, children: [], width: 0, height: 0 });
  const parentOf = new Map<string, string>();
  for (const node of graph.nodes) {
    if (!node.parent) continue;
    groups.get(node.parent)?.children.push(node);
    parentOf.set(node.id, node.parent);
  }
  const placed = new Map<string, PlacedNode>();
  for (const group of groups.values()) placeChildren(group, placed);

  const top = graph.nodes.filter((n) => !n.parent);
  const children: ElkNode[] = top.map((n) => {
    const group = groups.get(n.id);
    const [width, height] = group ? [group.width, group.height] : SIZE[n.kind as keyof typeof SIZE];
    return { id: n.id, width, height };
  });
  // elk sees an edge into a group as an edge to the group: one per Service and node is enough.
  const edges = new Map<string, ElkExtendedEdge>();
  for (const e of graph.edges) {
    const source = parentOf.get(e.source) ?? e.source;
    const target = parentOf.get(e.target) ?? e.target;
    const id = `${source}->${target}`;
    if (source !== target && !edges.has(id)) edges.set(id, { id, sources: [source], targets: [target] });
  }
  // elk's layered layout grows much faster than linearly (hundreds of Services with thousands of
  // edges take seconds): past a size, a plain column layout in the same left-to-right order.
  const boxes =
    children.length > ELK_MAX_NODES || edges.size > ELK_MAX_EDGES
      ? columnLayout(top, children)
      : await layoutWithElk(children, [...edges.values()]);
  const byId = new Map(top.map((n) => [n.id, n]));
  const [dx, dy] = anchorShift(boxes, previous);
  const nodes: PlacedNode[] = [];
  for (const box of boxes) {
    const node = byId.get(box.id);
    if (!node) continue;
    const [x, y] = [(box.x ?? 0) - dx, (box.y ?? 0) - dy];
    nodes.push({ ...node, x, y, width: box.width ?? 0, height: box.height ?? 0 });
    for (const child of groups.get(node.id)?.children ?? []) {
      const p = placed.get(child.id);
      if (p) nodes.push(p);
    }
  }
  return { nodes, edges: graph.edges, namespaces: graph.namespaces, layoutMs: now() - started };
}
