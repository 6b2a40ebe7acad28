// View state that is not the document: where the editor should jump, and what is selected
// (a graph item by its stable id). The editor's cursor and the graph both drive the selection.

import { createStore } from 'zustand/vanilla';
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
}

export const viewStore = createStore<ViewState>(() => ({ jump: undefined, selected: undefined }));

let nonce = 0;
export function jumpTo(line: number, column: number): void {
  viewStore.setState({ jump: { line, column, nonce: ++nonce } });
}

export function select(id: string | undefined): void {
  if (viewStore.getState().selected !== id) viewStore.setState({ selected: id });
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
