// Another tab saved a different text: the user picks which one stays. Either way the other
// text goes to History, and loading theirs is one undoable edit.
import { useStore } from 'zustand';
import { autosaveStore } from '../../state/autosave.ts';
import { useStrings } from '../../state/hooks.ts';
import { keepMine, loadTheirs } from '../../state/tabs.ts';
import './history.css';

export function TabConflictBanner() {
  const conflict = useStore(autosaveStore, (s) => s.conflict !== undefined);
  const t = useStrings().persist;
  if (!conflict) return null;
  return (
    <div className="banner persist-banner" role="alert">
      <span>{t.otherTab}</span>
      <button type="button" onClick={loadTheirs}>
        {t.loadTheirs}
      </button>
      <button type="button" onClick={keepMine}>
        {t.keepMine}
      </button>
    </div>
  );
}
