// English / 한국어: a two-button group in the top bar. Also keeps <html lang> (screen readers,
// fonts) and the document title in the chosen language.
import { useEffect } from 'react';
import { useStore } from 'zustand';
import { LANGS, type Lang } from '../../i18n/index.ts';
import { useStrings } from '../../state/hooks.ts';
import { languageStore, setLang } from '../../state/language.ts';

const NAMES: Record<Lang, string> = { en: 'English', ko: '한국어' };

export function LanguageSwitch() {
  const lang = useStore(languageStore, (s) => s.lang);
  const t = useStrings();
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = t.documentTitle;
  }, [lang, t.documentTitle]);
  return (
    <div className="lang-switch" role="group" aria-label={t.language}>
      {LANGS.map((l) => (
        <button key={l} type="button" lang={l} aria-pressed={l === lang} onClick={() => setLang(l)}>
          {NAMES[l]}
        </button>
      ))}
    </div>
  );
}
