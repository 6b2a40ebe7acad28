// The document store: the editor's text and what the engine made of it. `setText` is the one
// gateway every edit passes through: persist, re-parse (debounced, in the worker), publish.

import { createStore } from 'zustand/vanilla';
import { parseInWorker, type ParseSummary } from '../worker/client.ts';
import {
  adopt,
  autosaveStore,
  loadLocal,
  migrate,
  raiseConflict,
  readStored,
  saveText,
  setAutosaveEnabled,
} from './autosave.ts';
import { mayFeed, readFine } from './fault-guard.ts';
import { foldingStore } from './folding.ts';
import { decideOnStartup, isNewer } from './revision.ts';

/**
 * Where a text came from. `edit` is typing; `load` (a link, a gallery scenario, a file),
 * `restore` (History) and `other-tab` replace the text wholesale, so the text they replace is
 * kept in History first. `init` and `storage` are the startup's own.
 */
export type TextSource = 'edit' | 'load' | 'restore' | 'other-tab' | 'init' | 'storage';

export interface SetTextOptions {
  /** Parse now instead of after the typing pause. */
  readonly immediate?: boolean;
  readonly source?: TextSource;
}

export interface DocumentState {
  readonly text: string;
  /** The engine's answer for the current text (undefined while the first parse runs). */
  readonly summary: ParseSummary | undefined;
  /** The last answer that had objects and no errors (`good`): the picture that stays while the text is broken. */
  readonly lastGood: ParseSummary | undefined;
  readonly parsing: boolean;
  readonly storageOk: boolean;
  /** Where the current text came from (see `TextSource`). */
  readonly lastSource: TextSource;
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
  lastSource: 'init',
  viewOnly: false,
}));

let parseTimer: ReturnType<typeof setTimeout> | undefined;
let saveTimer: ReturnType<typeof setTimeout> | undefined;
/** False in the embed view: the user's autosave is never read nor written there. */
let persist = true;

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
  saveText(documentStore.getState().text);
}

export function setText(text: string, options: SetTextOptions = {}): void {
  if (text === documentStore.getState().text && documentStore.getState().summary) return;
  documentStore.setState({ text, lastSource: options.source ?? 'edit' });
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

/** Turns autosave off (a view-only link) or back on, saving the text at once. */
export function setViewOnly(viewOnly: boolean): void {
  documentStore.setState({ viewOnly });
  setAutosaveEnabled(persist && !viewOnly);
  if (!viewOnly) flushAutosave();
}

// Opening or folding a group changes the picture, not the text: read the same text again.
foldingStore.subscribe(() => {
  if (documentStore.getState().summary === undefined) return;
  if (parseTimer !== undefined) clearTimeout(parseTimer);
  parseTimer = setTimeout(() => void runParse(), 0);
});

/**
 * The text to open with: the localStorage copy if there is one (synchronous, for the first
 * paint), else the default scenario. IndexedDB answers later; its text replaces the shown one
 * only when newer and only if the user has not typed yet.
 */
export function initDocument(defaultText: string, options: { persist?: boolean } = {}): void {
  persist = options.persist ?? true;
  if (!persist) {
    // The embed view: the default (or a linked) scenario, and storage left alone.
    setAutosaveEnabled(false);
    setText(defaultText, { immediate: true, source: 'init' });
    return;
  }
  const local = loadLocal();
  if (local) adopt(local);
  const startText = local?.text ?? defaultText;
  setText(startText, { immediate: true, source: 'init' });
  autosaveStore.subscribe((s) => documentStore.setState({ storageOk: s.ok }));
  globalThis.addEventListener?.('pagehide', flushAutosave);
  globalThis.document?.addEventListener('visibilitychange', () => {
    if (globalThis.document.visibilityState === 'hidden') flushAutosave();
  });
  void readStored().then((stored) => {
    const { text } = documentStore.getState();
    const decision = decideOnStartup(stored, local?.rev, text, text !== startText);
    if (decision === 'use-stored' && stored) {
      adopt(stored);
      setText(stored.text, { immediate: true, source: 'storage' });
    } else if (decision === 'conflict' && stored) {
      raiseConflict(stored);
    } else if (stored && stored.text === startText && isNewer(stored.rev, local?.rev)) {
      adopt(stored);
    } else if (local && (!stored || isNewer(local.rev, stored.rev))) {
      // The first run since the localStorage-only autosave, or a pagehide IndexedDB did not finish.
      void migrate(local, stored?.rev);
    }
  });
}

export { setAutosaveEnabled } from './autosave.ts';

/** The reading to draw: the current one when it is good, else the last good one (never a blank picture). */
export function shownSummary(s: DocumentState): ParseSummary | undefined {
  return s.summary?.good ? s.summary : (s.lastGood ?? s.summary);
}

export type { LaidOutGraph, ObjectSummary, ParseSummary, PlacedNode } from '../worker/client.ts';
