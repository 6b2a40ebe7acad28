// The gallery: a modal dialog listing the built-in scenarios as cards (title, two-line lesson,
// the study note's section) in the current language. A native <dialog>: Esc closes it and
// focus stays inside while it is open.
import { useEffect, useRef } from 'react';
import { useStore } from 'zustand';
import { GALLERY } from '../../scenarios/gallery.ts';
import { closeGallery, loadScenario } from '../../state/gallery.ts';
import { useStrings } from '../../state/hooks.ts';
import { languageStore } from '../../state/language.ts';
import './gallery.css';

export function GalleryDialog() {
  const t = useStrings();
  const lang = useStore(languageStore, (s) => s.lang);
  const dialog = useRef<HTMLDialogElement>(null);
  // No close() on cleanup: removing the element ends the modal, and StrictMode's rehearsal
  // unmount would otherwise fire `close` and shut the gallery as it opens.
  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);
  return (
    <dialog
      ref={dialog}
      className="gallery"
      aria-labelledby="gallery-title"
      onClose={closeGallery}
      onCancel={(e) => {
        e.preventDefault();
        closeGallery();
      }}
    >
      <div className="gallery-head">
        <h2 id="gallery-title">{t.gallery.title}</h2>
        <button type="button" onClick={closeGallery}>
          {t.gallery.close}
        </button>
      </div>
      <p className="gallery-intro">{t.gallery.intro}</p>
      <ul className="gallery-cards">
        {GALLERY.map((s) => (
          <li key={s.id}>
            <button
              type="button"
              className="gallery-card"
              aria-describedby={`gallery-lesson-${s.id}`}
              onClick={() => loadScenario(s.id)}
            >
              <span className="gallery-card-title">{s.title[lang]}</span>
              <span className="gallery-card-lesson" id={`gallery-lesson-${s.id}`}>
                {s.lesson[lang].join(' ')}
              </span>
              <span className="gallery-card-section">
                {t.gallery.from}: <span lang="ko">{s.section}</span>
              </span>
            </button>
          </li>
        ))}
      </ul>
    </dialog>
  );
}
