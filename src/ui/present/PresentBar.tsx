// The top bar while presenting: the keys, the speed in large type, full screen, leave.
import { useSim, useStrings } from '../../state/hooks.ts';
import { ExpandIcon } from './icons.tsx';
import { stopPresenting, toggleFullscreen } from './usePresentKeys.ts';

export function PresentBar() {
  const t = useStrings();
  const speed = useSim((s) => s.speed);
  return (
    <header className="topbar present-bar">
      <h1>{t.appTitle}</h1>
      <span className="present-keys">{t.present.keys}</span>
      <output className="present-speed" aria-live="polite">
        {t.present.speedShown(String(speed))}
      </output>
      <button type="button" onClick={toggleFullscreen}>
        <ExpandIcon /> {t.present.fullscreen}
      </button>
      <button type="button" onClick={stopPresenting}>
        {t.present.leave}
      </button>
    </header>
  );
}
