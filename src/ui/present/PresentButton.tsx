// "Present" in the top bar (or the P key): presentation mode, full screen.
import { useStrings } from '../../state/hooks.ts';
import { ScreenIcon } from './icons.tsx';
import { startPresenting } from './usePresentKeys.ts';

export function PresentButton() {
  const t = useStrings();
  return (
    <button type="button" className="topbar-button" onClick={startPresenting} title={t.present.presentHint}>
      <ScreenIcon /> {t.present.present}
    </button>
  );
}
