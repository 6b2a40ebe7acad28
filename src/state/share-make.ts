// Making a share link (or, past MAX_LINK, a scenario file) of what is on screen: the text, the
// selection, the language and the player's speed. The seed and proxy mode are in the text.

import { encodeShare, MAX_LINK } from '../share/codec.ts';
import { scenarioFile } from '../share/file.ts';
import type { ShareSettings } from '../share/payload.ts';
import { documentStore } from './document.ts';
import { languageStore } from './language.ts';
import { simStore } from './sim.ts';
import { viewStore } from './view.ts';

export interface MadeLink {
  readonly url: string;
  /** False past MAX_LINK characters: offer the file instead. */
  readonly fits: boolean;
}

function currentSettings(viewOnly: boolean): ShareSettings {
  const selection = viewStore.getState().selected;
  return {
    lang: languageStore.getState().lang,
    speed: simStore.getState().speed,
    ...(selection !== undefined ? { selection } : {}),
    ...(viewOnly ? { viewOnly } : {}),
  };
}

export async function makeShareLink(viewOnly: boolean): Promise<MadeLink> {
  const fragment = await encodeShare({
    v: 1,
    text: documentStore.getState().text,
    ...currentSettings(viewOnly),
  });
  const { origin, pathname, search } = globalThis.location;
  const url = `${origin}${pathname}${search}#${fragment}`;
  return { url, fits: url.length <= MAX_LINK };
}

/** The scenario as a file (share/file.ts): the text with the view settings in its first line. */
export function makeScenarioFile(): string {
  return scenarioFile(documentStore.getState().text, currentSettings(false));
}
