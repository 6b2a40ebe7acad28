// The UI's languages. Components read their strings through `useStrings()` (state/hooks.ts),
// so switching the language re-renders with the other table.
import { en, type Strings } from './en.ts';
import type { Translate } from './engine-text.ts';
import { ko } from './ko.ts';
import { koEngineText } from './ko-engine.ts';

export type Lang = 'en' | 'ko';
export const LANGS: readonly Lang[] = ['en', 'ko'];

export function isLang(value: unknown): value is Lang {
  return value === 'en' || value === 'ko';
}

export function stringsFor(lang: Lang): Strings {
  return lang === 'ko' ? ko : en;
}

const same: Translate = (text) => text;

/** How the engine's English sentences read in `lang` (as they are in English). */
export function engineTextFor(lang: Lang): Translate {
  return lang === 'ko' ? koEngineText : same;
}

/** The first of the browser's languages we have (`ko-KR` counts as `ko`); English otherwise. */
export function preferredLang(languages: readonly string[]): Lang {
  for (const tag of languages) {
    const primary = tag.toLowerCase().split('-')[0];
    if (isLang(primary)) return primary;
  }
  return 'en';
}

export type { Strings, Translate };
