// Keeps what the user typed across reloads: IndexedDB (database `podwire`) holds the text with
// its revision; localStorage mirrors it so the first paint can read it synchronously. A save never
// overwrites a newer text another tab saved: it raises a conflict for the user to settle instead.
import { createStore } from 'zustand/vanilla';
import { readCurrent, writeCurrent } from './idb.ts';
import {
  isNewer,
  LEGACY_REVISION,
  nextRevision,
  parseRevision,
  type Revision,
  type StoredText,
} from './revision.ts';

const KEY = 'podwire.autosave.v1';
const REV_KEY = 'podwire.autosave.rev.v1';

export interface AutosaveState {
  /** False when neither IndexedDB nor localStorage took the last save: the text is only on the page. */
  readonly ok: boolean;
  /** A different, newer text another tab saved while this one has its own; saving waits for the user. */
  readonly conflict: StoredText | undefined;
}

export const autosaveStore = createStore<AutosaveState>(() => ({ ok: true, conflict: undefined }));

/** This page's id, stamped on its revisions and messages. */
export const TAB_ID = makeTabId();

let enabled = true;
/** The revision of the stored text this page's text builds on. */
let base: Revision | undefined;
let savedText: string | undefined;
let localOk = true;
let idbOk = true;
const savedListeners = new Set<(saved: StoredText) => void>();
const replacingListeners = new Set<(replaced: StoredText) => void>();

function makeTabId(): string {
  const bytes = new Uint8Array(8);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** A view-only page (an embed) reads but never writes. */
export function setAutosaveEnabled(on: boolean): void {
  enabled = on;
}

export function isAutosaveEnabled(): boolean {
  return enabled;
}

export function onSaved(listener: (saved: StoredText) => void): () => void {
  savedListeners.add(listener);
  return () => savedListeners.delete(listener);
}

/** Called before a save replaces a different text another page saved (History keeps it). */
export function onReplacing(listener: (replaced: StoredText) => void): () => void {
  replacingListeners.add(listener);
  return () => replacingListeners.delete(listener);
}

/** True when `text` differs from what this page last saved or loaded. */
export function isUnsaved(text: string): boolean {
  return text !== savedText;
}

export function baseRevision(): Revision | undefined {
  return base;
}

/**
 * This page now builds on `stored` (it showed it, or took it from another tab). The base never
 * goes back: an older revision read late (startup) must not make this page's own save look stale.
 */
export function adopt(stored: StoredText): void {
  if (isNewer(stored.rev, base)) base = stored.rev;
  savedText = stored.text;
}

export function raiseConflict(theirs: StoredText): void {
  const open = autosaveStore.getState().conflict;
  if (!open || isNewer(theirs.rev, open.rev)) autosaveStore.setState({ conflict: theirs });
}

export function clearConflict(): void {
  autosaveStore.setState({ conflict: undefined });
}

/** The localStorage copy, synchronously. A text saved before revisions counts as the oldest. */
export function loadLocal(): StoredText | undefined {
  try {
    const text = globalThis.localStorage?.getItem(KEY);
    if (text === null || text === undefined) return undefined;
    const raw = globalThis.localStorage.getItem(REV_KEY);
    const rev = raw ? parseRevision(JSON.parse(raw)) : undefined;
    return { text, rev: rev ?? LEGACY_REVISION };
  } catch {
    return undefined;
  }
}

/** The text the page opens with, if one was saved (the fast copy). */
export function loadAutosave(): string | undefined {
  return loadLocal()?.text;
}

function writeLocal(stored: StoredText): boolean {
  try {
    globalThis.localStorage.setItem(KEY, stored.text);
    globalThis.localStorage.setItem(REV_KEY, JSON.stringify(stored.rev));
    return true;
  } catch {
    return false;
  }
}

function report(): void {
  const ok = localOk || idbOk;
  if (autosaveStore.getState().ok !== ok) autosaveStore.setState({ ok });
}

/** IndexedDB's copy; undefined when there is none. Marks storage failing when it cannot be read. */
export async function readStored(): Promise<StoredText | undefined> {
  try {
    const stored = await readCurrent();
    idbOk = true;
    return stored;
  } catch {
    idbOk = false;
    report();
    return undefined;
  }
}

/** Copies `stored` into IndexedDB when it holds nothing newer (the first run after the localStorage-only autosave). */
export async function migrate(stored: StoredText, over: Revision | undefined): Promise<void> {
  if (!enabled) return;
  try {
    const result = await writeCurrent(stored, over);
    if (!result.ok) raiseConflict(result.theirs);
  } catch {
    idbOk = false;
    report();
  }
}

/** Saves `text` on top of `base`, in localStorage at once and in IndexedDB a moment later. */
export function saveText(text: string): void {
  if (!enabled || autosaveStore.getState().conflict || text === savedText) return;
  const over = base;
  const local = loadLocal();
  if (local && local.text !== text && isNewer(local.rev, over)) {
    raiseConflict(local);
    return;
  }
  if (local && local.rev.tab !== TAB_ID && local.text !== text) replacingListeners.forEach((l) => l(local));
  const next: StoredText = { text, rev: nextRevision(over, TAB_ID, Date.now()) };
  localOk = writeLocal(next);
  adopt(next);
  report();
  if (localOk) savedListeners.forEach((l) => l(next));
  writeCurrent(next, over).then(
    (result) => {
      idbOk = true;
      if (result.ok) {
        if (!localOk) savedListeners.forEach((l) => l(next));
      } else {
        // Theirs stays the stored text (the mirror too); ours is on the page until the user chooses.
        writeLocal(result.theirs);
        raiseConflict(result.theirs);
      }
      report();
    },
    () => {
      idbOk = false;
      report();
    },
  );
}
