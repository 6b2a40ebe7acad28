// Asks before a shared scenario replaces text the user wrote: a modal <dialog> (focus moves
// into it, Escape means "keep my text").
import { useEffect, useRef } from 'react';
import { useStore } from 'zustand';
import { useStrings } from '../../state/hooks.ts';
import { acceptOpening, declineOpening } from '../../state/share-open.ts';
import { shareStore } from '../../state/share-store.ts';

export function OpenSharedDialog() {
  const t = useStrings().share;
  const asking = useStore(shareStore, (s) => s.confirm !== undefined);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (asking && !d.open) d.showModal();
    if (!asking && d.open) d.close();
  }, [asking]);
  return (
    <dialog
      ref={dialog}
      className="share-dialog"
      aria-labelledby="share-dialog-title"
      onCancel={(e) => {
        e.preventDefault();
        declineOpening();
      }}
    >
      <h2 id="share-dialog-title">{t.confirmTitle}</h2>
      <p>{t.confirmBody}</p>
      <div className="share-dialog-actions">
        <button type="button" onClick={declineOpening}>
          {t.confirmKeep}
        </button>
        <button type="button" onClick={() => void acceptOpening()}>
          {t.confirmOpen}
        </button>
      </div>
    </dialog>
  );
}
