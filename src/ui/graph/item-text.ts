// Which of a graph item's texts are the engine's words (translated) and which are names from the
// YAML (never translated: a pod may well be called "client").
import type { GraphNode } from '../../engine/index.ts';
import type { Translate } from '../../i18n/index.ts';

const WORD_LABELS: ReadonlySet<GraphNode['kind']> = new Set([
  'client',
  'load-balancer',
  'pod-group',
  'service-group',
]);

/** The item's label as shown: the engine's own labels translated, names as written. */
export function itemLabel(item: GraphNode, tr: Translate): string {
  // `node/(unscheduled)` is the engine's stand-in for pods no node took (graph/build.ts).
  return WORD_LABELS.has(item.kind) || item.id === 'node/(unscheduled)' ? tr(item.label) : item.label;
}
