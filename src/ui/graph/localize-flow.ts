// React Flow's nodes and edges in the chosen language: edge labels are the engine's words ("not
// ready"), and React Flow's own accessible names and role descriptions ("Edge from … to …",
// "node") are English unless given. Each object is localized once per language and kept, so an
// item to-flow.ts reused keeps its identity and React Flow skips it.
import type { Edge } from '@xyflow/react';
import type { Strings, Translate } from '../../i18n/index.ts';
import type { FlowNode } from './to-flow.ts';

const cache = new WeakMap<Strings, WeakMap<FlowNode | Edge, FlowNode | Edge>>();

function memoOf(en: Strings) {
  let memo = cache.get(en);
  if (!memo) cache.set(en, (memo = new WeakMap()));
  return memo;
}

export function localizeNodes(nodes: readonly FlowNode[], en: Strings): FlowNode[] {
  const memo = memoOf(en);
  return nodes.map((n) => {
    const found = memo.get(n) as FlowNode | undefined;
    if (found) return found;
    const made = { ...n, domAttributes: { 'aria-roledescription': en.flowControls.nodeRole } };
    memo.set(n, made);
    return made;
  });
}

export function localizeEdges(edges: readonly Edge[], en: Strings, tr: Translate): Edge[] {
  const memo = memoOf(en);
  return edges.map((e) => {
    const found = memo.get(e) as Edge | undefined;
    if (found) return found;
    const made: Edge = {
      ...e,
      ...(typeof e.label === 'string' ? { label: tr(e.label) } : {}),
      ariaLabel: en.flowControls.edge(e.source, e.target),
      domAttributes: { 'aria-roledescription': en.flowControls.edgeRole },
    };
    memo.set(e, made);
    return made;
  });
}
