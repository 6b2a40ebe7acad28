// Presentation mode and the embed view. Presenting is a view of the same app (graph, player,
// captions, large type); embedding (`?embed=1`, for an iframe in slides) drops the editor and the
// panels and never touches the user's autosave (document.ts is told by main.tsx).

import { createStore } from 'zustand/vanilla';
import { setSpeed, simStore, SPEEDS } from './sim.ts';

export interface PresentState {
  readonly presenting: boolean;
  /** Opened with `?embed=1`: graph and player only. Fixed for the page's life. */
  readonly embed: boolean;
}

export const presentStore = createStore<PresentState>(() => ({ presenting: false, embed: false }));

/** Whether a page address asks for the embed view (`?embed=1` or `?embed=true`). */
export function isEmbedAddress(search: string): boolean {
  const v = new URLSearchParams(search).get('embed');
  return v === '1' || v === 'true';
}

/**
 * The address the page was opened at, kept before the page drops what it read from it (a shared
 * link's fragment, `?scenario=`, with history.replaceState, which no event reports); a later
 * navigation in the page (a new fragment, back or forward) replaces it. The embed's link to the
 * full app is built from it, so the full app opens the scenario the embed shows.
 */
let openedAt: string = globalThis.location?.href ?? '';
const openedListeners = new Set<() => void>();

function navigated(): void {
  openedAt = globalThis.location.href;
  for (const listener of openedListeners) listener();
}

// From the start, not from the link's first render: a navigation before it must not be missed.
if (typeof globalThis.addEventListener === 'function') {
  globalThis.addEventListener('hashchange', navigated);
  globalThis.addEventListener('popstate', navigated);
}

export function subscribeOpenedAddress(listener: () => void): () => void {
  openedListeners.add(listener);
  return () => openedListeners.delete(listener);
}

export const openedAddress = (): string => openedAt;

/** The same address without `embed`: "Open in Podwire" opens the full app on the same scenario. */
export function fullAppAddress(href: string): string {
  const url = new URL(href);
  url.searchParams.delete('embed');
  return url.toString();
}

export function setEmbed(embed: boolean): void {
  presentStore.setState({ embed });
}

export function setPresenting(presenting: boolean): void {
  if (presentStore.getState().presenting !== presenting) presentStore.setState({ presenting });
}

/** One step up (`+1`) or down (`-1`) the player's speeds; stays at the ends. */
export function changeSpeed(direction: 1 | -1): void {
  const speed = simStore.getState().speed;
  const at = SPEEDS.findIndex((s) => s === speed);
  const from = at < 0 ? SPEEDS.indexOf(1) : at;
  const next = SPEEDS[Math.min(SPEEDS.length - 1, Math.max(0, from + direction))];
  if (next !== undefined) setSpeed(next);
}
