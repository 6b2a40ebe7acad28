// Two tabs with Podwire open: each announces its saves on BroadcastChannel('podwire'). A newer,
// different text from another tab is never taken silently and never overwritten silently: this
// tab asks (autosave's `conflict`), and whichever text loses goes to History.
import {
  adopt,
  autosaveStore,
  baseRevision,
  clearConflict,
  isUnsaved,
  onSaved,
  raiseConflict,
  TAB_ID,
} from './autosave.ts';
import { documentStore, flushAutosave, setText } from './document.ts';
import { recordVersion } from './history.ts';
import { decideOnRemote, parseRevision, type StoredText } from './revision.ts';

const CHANNEL = 'podwire';

function readMessage(data: unknown): { tab: string; saved: StoredText } | undefined {
  if (typeof data !== 'object' || data === null) return undefined;
  const { type, tab, text, rev } = data as Record<string, unknown>;
  const revision = parseRevision(rev);
  if (type !== 'saved' || typeof tab !== 'string' || typeof text !== 'string' || !revision) return undefined;
  return { tab, saved: { text, rev: revision } };
}

/** Starts announcing this tab's saves and listening for the others'. */
export function startTabs(): void {
  if (typeof BroadcastChannel === 'undefined') return;
  const channel = new BroadcastChannel(CHANNEL);
  onSaved((saved) => channel.postMessage({ type: 'saved', tab: TAB_ID, text: saved.text, rev: saved.rev }));
  channel.onmessage = (event: MessageEvent) => {
    const message = readMessage(event.data);
    if (!message || message.tab === TAB_ID) return;
    const { text } = documentStore.getState();
    const decision = decideOnRemote(message.saved, baseRevision(), text, isUnsaved(text));
    if (decision === 'adopt') adopt(message.saved);
    else if (decision === 'conflict') raiseConflict(message.saved);
  };
  // Leaving while the conflict is open: this tab's text was not saved, so keep it in History.
  globalThis.addEventListener('pagehide', () => {
    if (autosaveStore.getState().conflict) void recordVersion('unsaved');
  });
}

/** Takes the other tab's text, as one undoable edit; this tab's text goes to History. */
export function loadTheirs(): void {
  const theirs = autosaveStore.getState().conflict;
  if (!theirs) return;
  clearConflict();
  adopt(theirs);
  setText(theirs.text, { immediate: true, source: 'other-tab' });
}

/** Keeps this tab's text and saves it as the newest; the other tab's text goes to History. */
export function keepMine(): void {
  const theirs = autosaveStore.getState().conflict;
  if (!theirs) return;
  void recordVersion('other-tab', theirs.text);
  clearConflict();
  adopt(theirs);
  flushAutosave();
}
