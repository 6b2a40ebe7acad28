// Opening a shared scenario (a link's fragment, on load and on hashchange, or a file): the
// user's own text is never lost. It is kept under BEFORE_LINK_KEY with a restore button, and
// replacing text the user wrote asks first. A view-only link turns autosave off instead.

import { decodeShare } from '../share/codec.ts';
import { readScenarioFile } from '../share/file.ts';
import type { ShareSettings } from '../share/payload.ts';
import { loadAutosave } from './autosave.ts';
import { documentStore, initDocument, setText, setViewOnly, type ParseSummary } from './document.ts';
import { setLang } from './language.ts';
import { shareStore, type Opening } from './share-store.ts';
import { setSpeed, SPEEDS } from './sim.ts';
import { select } from './view.ts';

export const BEFORE_LINK_KEY = 'podwire.autosave.before-link.v1';

let defaultText = '';

/** Keeps `previous` (the user's own text) for "Restore my previous text"; false when there is nothing worth keeping. */
function keepBefore(previous: string | undefined, next: string): boolean {
  if (previous === undefined || previous === next || previous.trim() === '') return false;
  try {
    globalThis.localStorage.setItem(BEFORE_LINK_KEY, previous);
    return true;
  } catch {
    return false;
  }
}

/** The user's own text: the editor's, unless a view-only link is showing (then their autosave). */
function ownText(): string | undefined {
  const s = documentStore.getState();
  return s.viewOnly ? loadAutosave() : s.text;
}

/** Selects `id` once the engine has read the text just set (the inspector needs its picture). */
function selectWhenRead(id: string, before: ParseSummary | undefined, textChanged: boolean): void {
  if (!textChanged && before !== undefined) {
    select(id);
    return;
  }
  const stop = documentStore.subscribe((s) => {
    if (s.summary === before || s.parsing) return;
    stop();
    select(id);
  });
}

async function apply(opening: Opening): Promise<void> {
  const { settings } = opening;
  // Loaded on first use: the YAML printer is not needed to draw the page.
  const text =
    settings?.seed === undefined && settings?.proxyMode === undefined
      ? opening.text
      : (await import('./share-overrides.ts')).withOverrides(opening.text, settings);
  const previous = ownText();
  const before = documentStore.getState().summary;
  const textChanged = documentStore.getState().text !== text;
  if (settings?.viewOnly) {
    // Before the text changes, so the link's text is never saved over the user's.
    setViewOnly(true);
    setText(text, { immediate: true, source: 'load' });
    shareStore.setState({ notice: undefined, confirm: undefined });
  } else {
    const restorable = keepBefore(previous, text);
    setText(text, { immediate: true, source: 'load' });
    setViewOnly(false);
    shareStore.setState({ notice: { kind: 'opened', restorable }, confirm: undefined });
  }
  if (settings) {
    setLang(settings.lang, false);
    setSpeed(SPEEDS.reduce((a, b) => (Math.abs(b - settings.speed) < Math.abs(a - settings.speed) ? b : a)));
    if (settings.selection !== undefined) selectWhenRead(settings.selection, before, textChanged);
  }
}

/** Opens `opening`, asking first when it would replace text the user wrote. */
export async function openScenario(opening: Opening): Promise<void> {
  const own = ownText();
  const replacesWork =
    !opening.settings?.viewOnly &&
    own !== undefined &&
    own !== opening.text &&
    own !== defaultText &&
    own.trim() !== '';
  if (replacesWork) shareStore.setState({ confirm: opening });
  else await apply(opening);
}

export async function acceptOpening(): Promise<void> {
  const opening = shareStore.getState().confirm;
  if (opening) await apply(opening);
}

export function declineOpening(): void {
  shareStore.setState({ confirm: undefined });
}

function clearFragment(): void {
  const { pathname, search } = globalThis.location;
  globalThis.history.replaceState(globalThis.history.state, '', `${pathname}${search}`);
}

/** Opens the share link in the address bar, if there is one; then removes it so a reload does not reapply it. */
export async function openFromLocation(): Promise<void> {
  const hash = globalThis.location.hash;
  if (hash === '' || hash === '#') return;
  const result = await decodeShare(hash);
  if (!result.ok && result.error.code === 'not-a-link') return;
  clearFragment();
  if (!result.ok) {
    const { code, detail } = result.error;
    shareStore.setState({ notice: { kind: 'error', code, ...(detail !== undefined ? { detail } : {}) } });
    return;
  }
  const { text, seed, proxyMode, selection, lang, speed, viewOnly } = result.payload;
  const settings: ShareSettings = {
    lang,
    speed,
    ...(seed !== undefined ? { seed } : {}),
    ...(proxyMode !== undefined ? { proxyMode } : {}),
    ...(selection !== undefined ? { selection } : {}),
    ...(viewOnly !== undefined ? { viewOnly } : {}),
  };
  await openScenario({ text, settings });
}

/** Opens a scenario file chosen by the user (see share/file.ts). */
export async function openFileContent(content: string): Promise<void> {
  const read = readScenarioFile(content);
  if (!read.ok) {
    const detail = read.field;
    shareStore.setState({
      notice: { kind: 'error', code: read.code, file: true, ...(detail !== undefined ? { detail } : {}) },
    });
    return;
  }
  await openScenario({ text: read.text, settings: read.settings });
}

/** Gives back the text a link or file replaced (an ordinary edit: autosaved, undoable in the editor). */
export function restoreBeforeLink(): void {
  let before: string | null = null;
  try {
    before = globalThis.localStorage.getItem(BEFORE_LINK_KEY);
  } catch {
    // Storage gone: nothing to restore.
  }
  if (before === null) return;
  setText(before, { immediate: true, source: 'restore' });
  setViewOnly(false);
  shareStore.setState({ notice: { kind: 'restored' } });
}

/** "Edit a copy" of a view-only scenario: autosave comes back on, the user's own text kept for restore. */
export function editCopy(): void {
  const restorable = keepBefore(loadAutosave(), documentStore.getState().text);
  setViewOnly(false);
  shareStore.setState({ notice: { kind: 'opened', restorable } });
}

/** Starts the document (autosave or `fallback`), then opens a link in the address bar and any later one. */
export function startDocument(fallback: string, options: { persist?: boolean } = {}): void {
  defaultText = fallback;
  initDocument(fallback, options);
  void openFromLocation();
  globalThis.addEventListener('hashchange', () => void openFromLocation());
}
