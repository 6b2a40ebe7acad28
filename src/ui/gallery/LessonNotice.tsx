// The lesson of the scenario just opened from the gallery, above the graph: dismissible, and
// with "Back to my text" when the gallery replaced the user's own text.
import { useStore } from 'zustand';
import { galleryScenario } from '../../scenarios/gallery.ts';
import { backToMyText, dismissLesson, galleryStore } from '../../state/gallery.ts';
import { useStrings } from '../../state/hooks.ts';
import { languageStore } from '../../state/language.ts';
import './gallery.css';

export function LessonNotice() {
  const t = useStrings();
  const lang = useStore(languageStore, (s) => s.lang);
  const id = useStore(galleryStore, (s) => s.lesson);
  const unknown = useStore(galleryStore, (s) => s.unknown);
  const hasBefore = useStore(galleryStore, (s) => s.before !== undefined);
  const scenario = id === undefined ? undefined : galleryScenario(id);
  if (!scenario && unknown === undefined) return null;
  return (
    <section className="lesson" aria-label={t.gallery.lesson}>
      {scenario ? (
        <div className="lesson-text">
          <strong>{scenario.title[lang]}</strong>
          {scenario.lesson[lang].map((line) => (
            <p key={line}>{line}</p>
          ))}
        </div>
      ) : (
        <p className="lesson-text" role="alert">
          {t.gallery.unknown(unknown ?? '')}
        </p>
      )}
      <div className="lesson-actions">
        {scenario && hasBefore && (
          <button type="button" onClick={backToMyText}>
            {t.gallery.backToMyText}
          </button>
        )}
        <button
          type="button"
          aria-label={t.gallery.dismiss}
          title={t.gallery.dismiss}
          onClick={dismissLesson}
        >
          <CloseIcon />
        </button>
      </div>
    </section>
  );
}

function CloseIcon() {
  return (
    <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true" focusable="false">
      <path d="M3 3l8 8M11 3l-8 8" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
    </svg>
  );
}
