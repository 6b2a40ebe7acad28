// Which folded groups the user opened: `pods/NODE` (a crowded node's pods) and `services/NS` (a
// namespace's many Services). The worker lays the picture out with this list, so an opened group
// stays open across edits.

import { createStore } from 'zustand/vanilla';

export interface FoldingState {
  /** Ids of the opened groups, in the order they were opened. */
  readonly opened: readonly string[];
}

export const foldingStore = createStore<FoldingState>(() => ({ opened: [] }));

export function openGroup(id: string): void {
  const { opened } = foldingStore.getState();
  if (!opened.includes(id)) foldingStore.setState({ opened: [...opened, id] });
}

export function foldGroup(id: string): void {
  const { opened } = foldingStore.getState();
  if (opened.includes(id)) foldingStore.setState({ opened: opened.filter((g) => g !== id) });
}
