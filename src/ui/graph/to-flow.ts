// The laid-out graph → React Flow's nodes and edges. Pure and computed once per reading, so
// React Flow re-renders only when the model changes (selection is read by each node itself).
import { Position, type Edge, type Node, type NodeHandle } from '@xyflow/react';
import type { GraphNode } from '../../engine/index.ts';
import type { LaidOutGraph } from '../../state/document.ts';

export interface ItemData extends Record<string, unknown> {
  readonly item: GraphNode;
  /** Palette slot of the item's namespace, -1 without one. */
  readonly colour: number;
  /** The cluster node a pod runs on, for its accessible name. */
  readonly on: string | undefined;
}

export type ItemNode = Node<ItemData, 'item'>;
export type GroupNode = Node<ItemData, 'cluster'>;
export type FlowNode = ItemNode | GroupNode;

/** The previous conversion's objects by id and content, so unchanged items keep their identity. */
export type FlowMemo = ReadonlyMap<string, { readonly key: string; readonly value: FlowNode | Edge }>;

export interface FlowResult {
  readonly nodes: FlowNode[];
  readonly edges: Edge[];
  readonly memo: FlowMemo;
}

/**
 * An edit changes a few items; giving the others the same object as before lets React Flow
 * (which memoizes nodes and edges by identity) skip them: on 2,000 pods this is most of the work.
 */
function reuse<T extends FlowNode | Edge>(
  memo: FlowMemo,
  next: Map<string, { key: string; value: FlowNode | Edge }>,
  id: string,
  key: string,
  make: () => T,
): T {
  const before = memo.get(id);
  const value = before !== undefined && before.key === key ? (before.value as T) : make();
  next.set(id, { key, value });
  return value;
}

export function toFlow(graph: LaidOutGraph, memo: FlowMemo = new Map()): FlowResult {
  const next = new Map<string, { key: string; value: FlowNode | Edge }>();
  const colours = new Map(graph.namespaces.map((n) => [n.name, n.colour]));
  const labels = new Map(graph.nodes.map((n) => [n.id, n.label]));
  const nodes = graph.nodes.map((n): FlowNode => {
    const colour = n.namespace === undefined ? -1 : (colours.get(n.namespace) ?? -1);
    const on = n.parent === undefined ? undefined : labels.get(n.parent);
    return reuse(memo, next, `node:${n.id}`, JSON.stringify([n, colour, on ?? null]), () =>
      makeNode(n, colour, on),
    );
  });
  const edges = graph.edges.map((e) =>
    reuse(memo, next, `edge:${e.id}`, JSON.stringify(e), (): Edge => ({
      id: e.id,
      source: e.source,
      target: e.target,
      ...(e.label ? { label: e.label } : {}),
      className: `edge ${e.kind}${e.ready ? '' : ' not-ready'}${(e.count ?? 1) > 1 ? ' grouped' : ''}`,
      selectable: false,
      focusable: false,
      zIndex: 1,
    })),
  );
  return { nodes, edges, memo: next };
}

/**
 * Where ItemNodeView's two 1 px handles sit (graph.css: left and right edge, halfway down). Given
 * with the size, React Flow needs no DOM measuring: a changed item off screen is not drawn just to
 * be measured (on a large cluster an edit moves most pods, and measuring them all took seconds).
 */
function handlesOf(width: number, height: number): NodeHandle[] {
  const y = height / 2 - 0.5;
  return [
    { type: 'target', position: Position.Left, x: -0.5, y, width: 1, height: 1 },
    { type: 'source', position: Position.Right, x: width - 0.5, y, width: 1, height: 1 },
  ];
}

function makeNode(n: LaidOutGraph['nodes'][number], colour: number, on: string | undefined): FlowNode {
  const data: ItemData = { item: n, colour, on };
  const common = {
    id: n.id,
    position: { x: n.x, y: n.y },
    width: n.width,
    height: n.height,
    measured: { width: n.width, height: n.height },
    data,
    draggable: false,
    selectable: false,
    focusable: false,
  };
  return n.kind === 'cluster-node'
    ? { ...common, type: 'cluster', zIndex: 0, handles: [] }
    : {
        ...common,
        type: 'item',
        handles: handlesOf(n.width, n.height),
        ...(n.parent ? { parentId: n.parent, extent: 'parent' as const } : {}),
      };
}

// One graph view: the last conversion's objects are the ones to reuse for the next reading.
let lastMemo: FlowMemo = new Map();
const converted = new WeakMap<LaidOutGraph, FlowResult>();

/** `toFlow` for the graph view: each reading converted once, reusing the previous reading's objects. */
export function flowOf(graph: LaidOutGraph): FlowResult {
  let result = converted.get(graph);
  if (!result) {
    result = toFlow(graph, lastMemo);
    lastMemo = result.memo;
    converted.set(graph, result);
  }
  return result;
}
