// Shown while nothing takes the saves (storage missing, blocked or full): says so, and offers
// the text as a file so it is not lost.
import { documentStore } from '../../state/document.ts';
import { useDocument, useStrings } from '../../state/hooks.ts';
import { downloadText } from './download-text.ts';
import './history.css';

export function StorageBanner() {
  const storageOk = useDocument((s) => s.storageOk);
  const t = useStrings().persist;
  if (storageOk) return null;
  return (
    <div className="banner persist-banner" role="alert">
      <span>{t.notSaved}</span>
      <button type="button" onClick={() => downloadText(documentStore.getState().text, 'podwire.yaml')}>
        {t.download}
      </button>
    </div>
  );
}
