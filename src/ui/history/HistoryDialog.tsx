// The recent versions, newest first, each restorable. A native modal <dialog>: focus moves into
// it, Escape closes it, and the page behind is inert.
import { useEffect, useRef } from 'react';
import { useStore } from 'zustand';
import { historyStore, restoreVersion } from '../../state/history.ts';
import { useStrings } from '../../state/hooks.ts';
import { languageStore } from '../../state/language.ts';
import './history.css';

export function HistoryDialog({ onClose }: { readonly onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const versions = useStore(historyStore, (s) => s.versions);
  const lang = useStore(languageStore, (s) => s.lang);
  const t = useStrings().persist;
  // No close() on cleanup: its 'close' event would arrive after StrictMode's remount and shut
  // the dialog again; removing the element ends the modal state anyway.
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  const format = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'medium' });
  return (
    <dialog ref={ref} className="history-dialog" aria-labelledby="history-title" onClose={onClose}>
      <h2 id="history-title">{t.history}</h2>
      {versions.length === 0 ? (
        <p>{t.historyEmpty}</p>
      ) : (
        <ol className="history-list">
          {versions.map((v) => {
            const time = format.format(v.at);
            return (
              <li key={v.id}>
                <div className="history-entry">
                  <time dateTime={new Date(v.at).toISOString()}>{time}</time>
                  <span className="history-summary">{v.summary}</span>
                  <span className="history-meta">
                    {t.size(v.size)}
                    {t.reasons[v.reason] ? ` · ${t.reasons[v.reason]}` : ''}
                  </span>
                </div>
                <button
                  type="button"
                  aria-label={t.restoreLabel(time, v.summary)}
                  onClick={() => {
                    restoreVersion(v.id);
                    ref.current?.close();
                  }}
                >
                  {t.restore}
                </button>
              </li>
            );
          })}
        </ol>
      )}
      <button type="button" className="history-close" onClick={() => ref.current?.close()}>
        {t.close}
      </button>
    </dialog>
  );
}
