// The laid-out graph → React Flow's nodes and edges. Pure and computed once per reading, so
// React Flow re-renders only when the model changes (selection is read by each node itself).
import type { Edge, Node } from '@xyflow/react';
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

export function toFlow(graph: LaidOutGraph): { nodes: FlowNode[]; edges: Edge[] } {
  const colours = new Map(graph.namespaces.map((n) => [n.name, n.colour]));
  const labels = new Map(graph.nodes.map((n) => [n.id, n.label]));
  const nodes = graph.nodes.map((n): FlowNode => {
    const data: ItemData = {
      item: n,
      colour: n.namespace === undefined ? -1 : (colours.get(n.namespace) ?? -1),
      on: n.parent === undefined ? undefined : labels.get(n.parent),
    };
    const common = {
      id: n.id,
      position: { x: n.x, y: n.y },
      width: n.width,
      height: n.height,
      data,
      draggable: false,
      selectable: false,
      focusable: false,
    };
    return n.kind === 'cluster-node'
      ? { ...common, type: 'cluster', zIndex: 0 }
      : { ...common, type: 'item', ...(n.parent ? { parentId: n.parent, extent: 'parent' as const } : {}) };
  });
  const edges = graph.edges.map((e): Edge => ({
    id: e.id,
    source: e.source,
    target: e.target,
    ...(e.label ? { label: e.label } : {}),
    className: `edge ${e.kind}${e.ready ? '' : ' not-ready'}`,
    selectable: false,
    focusable: false,
    zIndex: 1,
  }));
  return { nodes, edges };
}
