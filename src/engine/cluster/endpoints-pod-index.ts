// Mirrors client-go's pod lister with a label index: the pods a Service selector picks
// (k8s.io/apimachinery labels.SelectorFromSet), found without scanning every pod per Service.

import type { ClusterPod, Labels } from './types.ts';

export interface PodIndex {
  /** Pods of one namespace whose labels contain every pair of the selector, in model order. */
  readonly select: (namespace: string, selector: Labels) => readonly ClusterPod[];
  /** Namespaces (other than `namespace`) with pods matching the selector, and how many. */
  readonly elsewhere: (namespace: string, selector: Labels) => ReadonlyMap<string, number>;
}

const NONE: readonly ClusterPod[] = [];

function pairKey(key: string, value: string): string {
  return `${key}\u0000${value}`;
}

function matches(pod: ClusterPod, selector: Labels): boolean {
  for (const key of Object.keys(selector)) {
    if (!Object.hasOwn(pod.labels, key) || pod.labels[key] !== selector[key]) return false;
  }
  return true;
}

/** Indexes pods by namespace and by each label pair; selection starts from the rarest pair. */
export function indexPods(pods: readonly ClusterPod[]): PodIndex {
  const byNamespace = new Map<string, Map<string, ClusterPod[]>>();
  const allByNamespace = new Map<string, ClusterPod[]>();
  for (const pod of pods) {
    let pairs = byNamespace.get(pod.namespace);
    if (pairs === undefined) {
      pairs = new Map();
      byNamespace.set(pod.namespace, pairs);
      allByNamespace.set(pod.namespace, []);
    }
    allByNamespace.get(pod.namespace)?.push(pod);
    for (const [key, value] of Object.entries(pod.labels)) {
      const k = pairKey(key, value);
      const list = pairs.get(k);
      if (list === undefined) pairs.set(k, [pod]);
      else list.push(pod);
    }
  }

  const select = (namespace: string, selector: Labels): readonly ClusterPod[] => {
    const pairs = byNamespace.get(namespace);
    if (pairs === undefined) return NONE;
    const keys = Object.keys(selector);
    // An empty selector selects every pod (labels.Everything()).
    if (keys.length === 0) return allByNamespace.get(namespace) ?? NONE;
    let smallest: readonly ClusterPod[] | undefined;
    for (const key of keys) {
      const list = pairs.get(pairKey(key, selector[key] ?? ''));
      if (list === undefined) return NONE;
      if (smallest === undefined || list.length < smallest.length) smallest = list;
    }
    return (smallest ?? NONE).filter((pod) => matches(pod, selector));
  };

  const elsewhere = (namespace: string, selector: Labels): ReadonlyMap<string, number> => {
    const counts = new Map<string, number>();
    for (const ns of [...byNamespace.keys()].sort()) {
      if (ns === namespace) continue;
      const n = select(ns, selector).length;
      if (n > 0) counts.set(ns, n);
    }
    return counts;
  };

  return { select, elsewhere };
}
