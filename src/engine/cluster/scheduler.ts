// A small kube-scheduler (pkg/scheduler): filters (NodeName, NodeSelector, node Ready,
// kubelet's --max-pods 110) and a score that spreads pods: fewest pods first, ties by node order.

import { matchesLabels } from './body-fields.ts';
import type { ClusterNode, Labels } from './types.ts';

/** kubelet's default --max-pods. */
export const MAX_PODS_PER_NODE = 110;

export class Scheduler {
  readonly #nodes: readonly ClusterNode[];
  readonly #byName: ReadonlyMap<string, ClusterNode>;
  readonly #count = new Map<string, number>();

  constructor(nodes: readonly ClusterNode[]) {
    this.#nodes = nodes;
    this.#byName = new Map(nodes.map((n) => [n.name, n]));
  }

  node(name: string): ClusterNode | undefined {
    return this.#byName.get(name);
  }

  /** The node for a pod, or undefined when none fits (the pod stays Pending). */
  schedule(nodeSelector: Labels): ClusterNode | undefined {
    let best: ClusterNode | undefined;
    let bestCount = Infinity;
    for (const node of this.#nodes) {
      const count = this.#count.get(node.name) ?? 0;
      if (!node.ready || count >= MAX_PODS_PER_NODE || !matchesLabels(nodeSelector, node.labels)) continue;
      if (count < bestCount) {
        best = node;
        bestCount = count;
      }
    }
    return best;
  }

  /** Counts a pod bound to a node (scheduled here or by spec.nodeName). */
  bind(nodeName: string): void {
    this.#count.set(nodeName, (this.#count.get(nodeName) ?? 0) + 1);
  }

  /** Nodes a DaemonSet pod with this selector may run on (DaemonSet pods tolerate not-ready). */
  eligible(nodeSelector: Labels): ClusterNode[] {
    return this.#nodes.filter((n) => matchesLabels(nodeSelector, n.labels));
  }
}
