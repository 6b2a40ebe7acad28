// Namespaces as the graph shows them: a colour that follows the name, and quota usage
// in `kubectl describe quota` terms (`pods 3/3`).

import type { ClusterModel } from '../cluster/types.ts';
import type { GraphNamespace } from './types.ts';

export const NAMESPACE_COLOURS = 8;

/** FNV-1a over the name: the same namespace gets the same colour in every scenario. */
export function namespaceColour(name: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    hash ^= name.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % NAMESPACE_COLOURS;
}

export function graphNamespaces(model: ClusterModel): GraphNamespace[] {
  const names = new Map<string, number>();
  const add = (name: string | undefined, index = -1) => {
    if (name !== undefined && (!names.has(name) || index >= 0)) names.set(name, index);
  };
  for (const ns of model.namespaces) add(ns.name, ns.source?.index ?? -1);
  for (const item of [...model.pods, ...model.services, ...model.ingresses]) add(item.namespace);
  return [...names].map(([name, sourceIndex]) => ({
    name,
    colour: namespaceColour(name),
    quota: model.quotas
      .filter((q) => q.namespace === name)
      .flatMap((q) => Object.entries(q.hard).map(([key, hard]) => `${key} ${q.used[key] ?? '0'}/${hard}`)),
    sourceIndex,
  }));
}
