// The top bar's "Scenarios" button and the gallery it opens. Focus goes back to the button when
// the gallery closes (Esc, Close, or a scenario chosen).
import { useEffect, useRef } from 'react';
import { useStore } from 'zustand';
import { useStrings } from '../../state/hooks.ts';
import { galleryStore, openGallery } from '../../state/gallery.ts';
import { GalleryDialog } from './GalleryDialog.tsx';

export function GalleryButton() {
  const t = useStrings();
  const open = useStore(galleryStore, (s) => s.open);
  const button = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);
  useEffect(() => {
    if (wasOpen.current && !open) button.current?.focus();
    wasOpen.current = open;
  }, [open]);
  return (
    <>
      <button
        ref={button}
        type="button"
        className="gallery-open"
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={openGallery}
      >
        {t.gallery.open}
      </button>
      {open && <GalleryDialog />}
    </>
  );
}
