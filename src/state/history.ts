// History: the last versions of the text, so a replaced or lost text can be brought back. A version
// is recorded after a pause in typing and before any wholesale replacement (a link, a gallery
// scenario, a file, a restore, the other tab's text). Kept in IndexedDB, in memory when it fails.
import { createStore } from 'zustand/vanilla';
import { isAutosaveEnabled, onReplacing, TAB_ID } from './autosave.ts';
import { documentStore, setText, type TextSource } from './document.ts';
import { readHistory, updateHistory } from './idb.ts';
import { addVersion, makeVersion, sortVersions, type Version } from './versions.ts';

export interface HistoryState {
  /** Newest first. */
  readonly versions: readonly Version[];
}

export const historyStore = createStore<HistoryState>(() => ({ versions: [] }));

/** A version is recorded once typing has paused this long. */
export const PAUSE_MS = 5000;
const REPLACING: readonly TextSource[] = ['load', 'restore', 'other-tab'];

let pauseTimer: ReturnType<typeof setTimeout> | undefined;
let counter = 0;
let started = false;

/**
 * Records `text` (by default the current text) as the newest version. Call it before replacing
 * the text by other means than `setText(text, { source: 'load' })`, which records by itself.
 */
export async function recordVersion(reason: string, text = documentStore.getState().text): Promise<void> {
  if (!isAutosaveEnabled() || text.trim() === '') return;
  const now = Date.now();
  const version = makeVersion(text, now, reason, `${now.toString(36)}-${TAB_ID}-${counter++}`);
  historyStore.setState((s) => ({ versions: addVersion(s.versions, version) }));
  try {
    const versions = await updateHistory((stored) => addVersion(sortVersions(stored), version));
    historyStore.setState({ versions });
  } catch {
    // IndexedDB unavailable or full: the in-memory list still has it for this session.
  }
}

/** Reads the stored list again (another tab may have added versions). */
export async function refreshHistory(): Promise<void> {
  try {
    const stored = await readHistory();
    historyStore.setState({ versions: sortVersions(stored) });
  } catch {
    // Keep the in-memory list.
  }
}

/** Brings a version back as one undoable edit; the text it replaces is recorded first. */
export function restoreVersion(id: string): void {
  const version = historyStore.getState().versions.find((v) => v.id === id);
  if (version) setText(version.text, { immediate: true, source: 'restore' });
}

/** Starts recording: after each pause in typing, and before each wholesale replacement. */
export function startHistory(): void {
  if (started) return;
  started = true;
  void refreshHistory();
  // Another page's save (another tab, or this tab before a reload) is about to be overwritten.
  onReplacing((replaced) => void recordVersion('replaced', replaced.text));
  documentStore.subscribe((s, prev) => {
    if (s.text === prev.text || s.lastSource === 'init' || s.lastSource === 'storage') return;
    if (REPLACING.includes(s.lastSource)) void recordVersion(`before-${s.lastSource}`, prev.text);
    if (pauseTimer !== undefined) clearTimeout(pauseTimer);
    pauseTimer = setTimeout(() => void recordVersion('pause'), PAUSE_MS);
  });
}
