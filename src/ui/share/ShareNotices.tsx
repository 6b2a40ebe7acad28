// What opening a link or file says: why a link did not open (the user's text stays), that a
// shared scenario replaced the text (with the way back), and the view-only banner.
import { useStore } from 'zustand';
import type { Strings } from '../../i18n/index.ts';
import { useDocument, useStrings } from '../../state/hooks.ts';
import { editCopy, restoreBeforeLink } from '../../state/share-open.ts';
import { dismissShareNotice, shareStore, type ShareNotice } from '../../state/share-store.ts';

function errorText(t: Strings['share'], notice: Extract<ShareNotice, { kind: 'error' }>): string {
  const detail = notice.detail ?? '';
  if (notice.file) {
    return notice.code === 'bad-field' ? t.fileErrors['bad-field'](detail) : t.fileErrors['too-large'];
  }
  const words = t.errors[notice.code];
  return typeof words === 'function' ? words(detail) : words;
}

export function ShareNotices() {
  const t = useStrings().share;
  const notice = useStore(shareStore, (s) => s.notice);
  const viewOnly = useDocument((s) => s.viewOnly);
  return (
    <>
      {notice?.kind === 'error' && (
        <div className="banner" role="alert">
          {errorText(t, notice)} {t.untouched}{' '}
          <button type="button" onClick={dismissShareNotice}>
            {t.dismiss}
          </button>
        </div>
      )}
      {notice?.kind === 'opened' && (
        <div className="banner share-notice" role="status">
          {t.opened}{' '}
          {notice.restorable && (
            <button type="button" onClick={restoreBeforeLink}>
              {t.restore}
            </button>
          )}{' '}
          <button type="button" onClick={dismissShareNotice}>
            {t.dismiss}
          </button>
        </div>
      )}
      {notice?.kind === 'restored' && (
        <div className="banner share-notice" role="status">
          {t.restored}{' '}
          <button type="button" onClick={dismissShareNotice}>
            {t.dismiss}
          </button>
        </div>
      )}
      {viewOnly && (
        <div className="banner share-view-only" role="status">
          {t.viewOnlyBanner}{' '}
          <button type="button" onClick={editCopy}>
            {t.editCopy}
          </button>
        </div>
      )}
    </>
  );
}
