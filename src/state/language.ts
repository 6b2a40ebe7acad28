// The UI language: the user's last choice, else the browser's languages (ko-KR → ko), else
// English. A share link may set it too. The choice is kept in localStorage when it can be.
import { createStore } from 'zustand/vanilla';
import { isLang, preferredLang, type Lang } from '../i18n/index.ts';

const KEY = 'podwire.lang';

export interface LanguageState {
  readonly lang: Lang;
}

function initialLang(): Lang {
  try {
    const saved = globalThis.localStorage?.getItem(KEY);
    if (isLang(saved)) return saved;
  } catch {
    // Storage unavailable (private mode): fall through to the browser's languages.
  }
  const nav = globalThis.navigator as Navigator | undefined;
  return preferredLang(nav?.languages ?? (nav?.language ? [nav.language] : []));
}

export const languageStore = createStore<LanguageState>(() => ({ lang: initialLang() }));

export function setLang(lang: Lang, remember = true): void {
  languageStore.setState({ lang });
  if (!remember) return;
  try {
    globalThis.localStorage?.setItem(KEY, lang);
  } catch {
    // Not remembered across reloads; the page still switches.
  }
}
