// View state that is not the document: where the editor should jump, and what is selected
// (a graph item by its stable id). The editor's cursor and the graph both drive the selection.

import { createStore } from 'zustand/vanilla';
import type { GraphNode, ProxyMode, RulesFormat } from '../engine/index.ts';
import { documentStore, shownSummary } from './document.ts';
import { openGroup } from './folding.ts';

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
  /** Graph ids on the path a request would take (an Ingress rule or a tried URL), in order. */
  readonly highlight: readonly string[];
  /** The ids `highlightPath` was given (before folded items became their groups). */
  readonly highlightFor: readonly string[];
}

export const viewStore = createStore<ViewState>(() => ({
  jump: undefined,
  selected: undefined,
  lastService: undefined,
  rulesMode: undefined,
  rulesFormat: 'save',
  highlight: [],
  highlightFor: [],
}));

let nonce = 0;
export function jumpTo(line: number, column: number): void {
  viewStore.setState({ jump: { line, column, nonce: ++nonce } });
}

export function select(id: string | undefined): void {
  if (viewStore.getState().selected === id) return;
  const group = id === undefined ? undefined : foldedInto(id);
  if (group !== undefined && id !== undefined) {
    reveal(group, id);
    return;
  }
  const [kind, namespace, name] = id?.split('/') ?? [];
  // A path shown for one Ingress belongs to it: selecting something else clears it.
  if (kind === 'svc' && namespace && name)
    viewStore.setState({
      selected: id,
      lastService: `${namespace}/${name}`,
      highlight: [],
      highlightFor: [],
    });
  else viewStore.setState({ selected: id, highlight: [], highlightFor: [] });
}

/** Lights up the items (and the edges between consecutive ones) a request passes; [] clears. */
export function highlightPath(ids: readonly string[]): void {
  // An item the picture folded away lights up its "+K more" group instead.
  const drawn = ids.map((id) => foldedInto(id) ?? id);
  viewStore.setState({ highlight: [...new Set(drawn)], highlightFor: ids });
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
  // A NetworkPolicy draws nothing of its own: the inspector shows it by this id (worker/netpol.ts).
  if (object.kind === 'NetworkPolicy') {
    select(`netpol/${object.namespace ?? 'default'}/${object.name}`);
    return;
  }
  const madeHere = (n: GraphNode) =>
    n.sourceIndex === object.index || (n.hidden?.some((p) => p.sourceIndex === object.index) ?? false);
  const selected = graph.nodes.find((n) => n.id === viewStore.getState().selected);
  if (selected && madeHere(selected)) return;
  // Past a limit, a group item (`pods/NODE`, `services/NS`) stands for what it folds away.
  const item = graph.nodes.find((n) => n.sourceIndex === object.index) ?? graph.nodes.find(madeHere);
  if (item) select(item.id);
}

/** The folded group (collapse.ts: `pods/NODE`, `services/NS`) of the shown picture holding `id`. */
function foldedInto(id: string): string | undefined {
  const nodes = shownSummary(documentStore.getState())?.graph?.nodes ?? [];
  return nodes.find((n) => n.hidden?.some((h) => h.id === id))?.id;
}

let revealing: { readonly group: string; readonly id: string } | undefined;

/**
 * Selecting an item the picture folded away (from the inspector's lists) opens its group: the group
 * is selected until the redrawn picture has the item, so the inspector never goes blank.
 */
function reveal(group: string, id: string): void {
  revealing = { group, id };
  select(group);
  openGroup(group);
}

documentStore.subscribe((s) => {
  const wanted = revealing;
  if (!wanted || !shownSummary(s)?.graph?.nodes.some((n) => n.id === wanted.id)) return;
  revealing = undefined;
  // Unless the user picked something else meanwhile.
  if (viewStore.getState().selected === wanted.group) select(wanted.id);
});
