// The document store: the editor's text and what the engine made of it. `setText` is the one
// gateway every edit passes through: persist, re-parse (debounced, in the worker), publish.

import { createStore } from 'zustand/vanilla';
import { parseInWorker, type ParseSummary } from '../worker/client.ts';
import { loadAutosave, saveAutosave } from './autosave.ts';
import { mayFeed, readFine } from './fault-guard.ts';
import { foldingStore } from './folding.ts';

export interface DocumentState {
  readonly text: string;
  /** The engine's answer for the current text (undefined while the first parse runs). */
  readonly summary: ParseSummary | undefined;
  /** The last answer that had objects and no errors (`good`): the picture that stays while the text is broken. */
  readonly lastGood: ParseSummary | undefined;
  readonly parsing: boolean;
  readonly storageOk: boolean;
  /** Opened from a view-only link: the editor is read-only and nothing is autosaved. */
  readonly viewOnly: boolean;
}

/** Pause in typing before the engine runs; markers show within ~150 ms of a pause. */
export const PARSE_DEBOUNCE_MS = 90;
const SAVE_DEBOUNCE_MS = 250;

export const documentStore = createStore<DocumentState>(() => ({
  text: '',
  summary: undefined,
  lastGood: undefined,
  parsing: false,
  storageOk: true,
  viewOnly: false,
}));

let parseTimer: ReturnType<typeof setTimeout> | undefined;
/** False in the embed view: the user's autosave is never read nor written there. */
let persist = true;
let saveTimer: ReturnType<typeof setTimeout> | undefined;

async function runParse(): Promise<void> {
  const { text } = documentStore.getState();
  // A text the engine hung or crashed on waits for the user (fault-guard.ts).
  if (!mayFeed(text)) {
    documentStore.setState({ parsing: false });
    return;
  }
  documentStore.setState({ parsing: true });
  // For `npm run bench`: edit-to-graph latency runs from here to the graph view's 'graph-drawn'.
  performance.mark('podwire:parse-start');
  const summary = await parseInWorker(text, { expandedGroups: foldingStore.getState().opened });
  // Superseded, or the worker was given up (fault-recovery.ts reads the text again).
  if (!summary) return;
  readFine(text);
  performance.mark('podwire:summary-arrived', { detail: summary.elapsedMs });
  documentStore.setState((s) => ({ summary, parsing: false, lastGood: summary.good ? summary : s.lastGood }));
}

export function flushAutosave(): void {
  if (saveTimer !== undefined) clearTimeout(saveTimer);
  saveTimer = undefined;
  // The embed view and a view-only link never overwrite the user's own autosave.
  if (!persist || documentStore.getState().viewOnly) return;
  documentStore.setState({ storageOk: saveAutosave(documentStore.getState().text) });
}

export function setText(text: string, options: { immediate?: boolean } = {}): void {
  if (text === documentStore.getState().text && documentStore.getState().summary) return;
  documentStore.setState({ text });
  if (saveTimer !== undefined) clearTimeout(saveTimer);
  if (persist) saveTimer = setTimeout(flushAutosave, SAVE_DEBOUNCE_MS);
  if (parseTimer !== undefined) clearTimeout(parseTimer);
  parseTimer = setTimeout(() => void runParse(), options.immediate ? 0 : PARSE_DEBOUNCE_MS);
}

/** Reads the current text again at once (after the worker was restarted, or on the user's word). */
export function reparse(): void {
  if (parseTimer !== undefined) clearTimeout(parseTimer);
  parseTimer = setTimeout(() => void runParse(), 0);
}

// Opening or folding a group changes the picture, not the text: read the same text again.
foldingStore.subscribe(() => {
  if (documentStore.getState().summary === undefined) return;
  if (parseTimer !== undefined) clearTimeout(parseTimer);
  parseTimer = setTimeout(() => void runParse(), 0);
});

/** Turns autosave off (a view-only link) or back on, saving the text at once. */
export function setViewOnly(viewOnly: boolean): void {
  documentStore.setState({ viewOnly });
  if (!viewOnly) flushAutosave();
}

/**
 * The text to open with: the autosave if there is one, else the default scenario. With
 * `persist: false` (the embed view) the autosave is neither read nor written.
 */
export function initDocument(defaultText: string, options: { persist?: boolean } = {}): void {
  persist = options.persist ?? true;
  const saved = persist ? loadAutosave() : undefined;
  setText(saved ?? defaultText, { immediate: true });
  globalThis.addEventListener?.('pagehide', flushAutosave);
}

/** The reading to draw: the current one when it is good, else the last good one (never a blank picture). */
export function shownSummary(s: DocumentState): ParseSummary | undefined {
  return s.summary?.good ? s.summary : (s.lastGood ?? s.summary);
}

export type { LaidOutGraph, ObjectSummary, ParseSummary, PlacedNode } from '../worker/client.ts';
