// The scenario gallery's state: whether the panel is open, the lesson shown beside the graph,
// and the user's own text kept aside when a scenario replaces it (the editor's undo has it too,
// but only until a reload; localStorage keeps it across one).
import { createStore } from 'zustand/vanilla';
import { GALLERY, galleryScenario } from '../scenarios/gallery.ts';
import { documentStore, flushAutosave, setText } from './document.ts';

export const BEFORE_GALLERY_KEY = 'podwire.autosave.before-gallery.v1';
/** `?scenario=<id>` opens that gallery scenario (teachers' links). */
export const SCENARIO_PARAM = 'scenario';

export interface GalleryState {
  readonly open: boolean;
  /** The scenario whose lesson is shown; undefined when dismissed. */
  readonly lesson: string | undefined;
  /** A `?scenario=` id that is not in the gallery (shown as text in the notice). */
  readonly unknown: string | undefined;
  /** The text the user had before the gallery replaced it, while it can be brought back. */
  readonly before: string | undefined;
}

export const galleryStore = createStore<GalleryState>(() => ({
  open: false,
  lesson: undefined,
  unknown: undefined,
  before: undefined,
}));

export function openGallery(): void {
  galleryStore.setState({ open: true });
}

export function closeGallery(): void {
  galleryStore.setState({ open: false });
}

export function dismissLesson(): void {
  galleryStore.setState({ lesson: undefined, unknown: undefined });
}

const isGalleryText = (text: string) => GALLERY.some((s) => s.text === text);

function keepBefore(text: string): void {
  try {
    globalThis.localStorage?.setItem(BEFORE_GALLERY_KEY, text);
  } catch {
    // Storage full or missing: the editor's undo still has it for this session.
  }
}

/** Replaces the text with the scenario `id`; false when there is no such scenario. */
export function loadScenario(id: string): boolean {
  const scenario = galleryScenario(id);
  if (!scenario) {
    galleryStore.setState({ unknown: id, lesson: undefined });
    return false;
  }
  const current = documentStore.getState().text;
  // Only the user's own text is kept aside: a built-in one can always be opened again.
  if (current.trim() !== '' && !isGalleryText(current)) {
    keepBefore(current);
    galleryStore.setState({ before: current });
  }
  setText(scenario.text, { immediate: true, source: 'load' });
  flushAutosave();
  galleryStore.setState({ open: false, lesson: id, unknown: undefined });
  return true;
}

/** Brings back the text the gallery replaced (one more undoable edit in the editor). */
export function backToMyText(): void {
  const { before } = galleryStore.getState();
  if (before === undefined) return;
  setText(before, { immediate: true, source: 'restore' });
  flushAutosave();
  galleryStore.setState({ before: undefined, lesson: undefined });
}

/** Opens the scenario a `?scenario=` link names, then drops the parameter so a reload keeps later edits. */
export function openScenarioFromUrl(): void {
  const url = new URL(globalThis.location.href);
  const id = url.searchParams.get(SCENARIO_PARAM);
  if (id === null) return;
  loadScenario(id);
  url.searchParams.delete(SCENARIO_PARAM);
  globalThis.history.replaceState(globalThis.history.state, '', url.toString());
}
