// View state that is not the document: where the editor should jump, and what is selected
// (a graph item by its stable id). The editor's cursor and the graph both drive the selection.

import { createStore } from 'zustand/vanilla';
import type { ProxyMode, RulesFormat } from '../engine/index.ts';
import { documentStore, shownSummary } from './document.ts';

export interface JumpRequest {
  readonly line: number;
  readonly column: number;
  /** Changes on every request so jumping twice to the same place still moves the cursor. */
  readonly nonce: number;
}

export interface ViewState {
  readonly jump: JumpRequest | undefined;
  /** The selected graph item's id (`pod/NS/NAME`, `svc/NS/NAME`, …). */
  readonly selected: string | undefined;
  /** The last Service selected (`NS/NAME`): a node's rules open at its group. */
  readonly lastService: string | undefined;
  /** The proxy mode the inspector shows rules for; undefined: the scenario's. Only the view. */
  readonly rulesMode: ProxyMode | undefined;
  /** `save`: what the node shows; `restore`: what kube-proxy writes. */
  readonly rulesFormat: RulesFormat;
}

export const viewStore = createStore<ViewState>(() => ({
  jump: undefined,
  selected: undefined,
  lastService: undefined,
  rulesMode: undefined,
  rulesFormat: 'save',
}));

let nonce = 0;
export function jumpTo(line: number, column: number): void {
  viewStore.setState({ jump: { line, column, nonce: ++nonce } });
}

export function select(id: string | undefined): void {
  if (viewStore.getState().selected === id) return;
  const [kind, namespace, name] = id?.split('/') ?? [];
  if (kind === 'svc' && namespace && name)
    viewStore.setState({ selected: id, lastService: `${namespace}/${name}` });
  else viewStore.setState({ selected: id });
}

export function showRulesAs(rulesMode: ProxyMode | undefined, rulesFormat: RulesFormat): void {
  viewStore.setState({ rulesMode, rulesFormat });
}

/**
 * The editor's cursor moved to `line`: select the first graph item made by the object written
 * there, unless the selection already came from that object (a controller makes many pods).
 */
export function selectAtLine(line: number): void {
  const current = documentStore.getState().summary;
  const graph = current?.graph;
  // While the text is broken the picture is an older reading whose object indexes may differ.
  if (!current || !graph || shownSummary(documentStore.getState()) !== current) return;
  const object = current.objects.find((o) => o.range.start.line <= line && line <= o.range.end.line);
  if (!object) return;
  const selected = graph.nodes.find((n) => n.id === viewStore.getState().selected);
  if (selected?.sourceIndex === object.index) return;
  const item = graph.nodes.find((n) => n.sourceIndex === object.index);
  if (item) select(item.id);
}
