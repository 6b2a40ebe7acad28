// "History" in the top bar: opens the list of recent versions.
import { useState } from 'react';
import { useStrings } from '../../state/hooks.ts';
import { refreshHistory } from '../../state/history.ts';
import { HistoryDialog } from './HistoryDialog.tsx';

export function HistoryButton() {
  const [open, setOpen] = useState(false);
  const t = useStrings().persist;
  return (
    <>
      <button
        type="button"
        className="history-button"
        title={t.historyHint}
        aria-haspopup="dialog"
        onClick={() => {
          void refreshHistory();
          setOpen(true);
        }}
      >
        {t.history}
      </button>
      {open && <HistoryDialog onClose={() => setOpen(false)} />}
    </>
  );
}
