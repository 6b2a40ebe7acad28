// The embed view's only control besides the player: the same scenario in the full app, in a new tab.
import { useSyncExternalStore } from 'react';
import { fullAppAddress, openedAddress, subscribeOpenedAddress } from '../../state/present.ts';
import { useStrings } from '../../state/hooks.ts';
import { OpenIcon } from './icons.tsx';

export function EmbedBar() {
  const t = useStrings();
  const opened = useSyncExternalStore(subscribeOpenedAddress, openedAddress);
  return (
    <header className="embed-bar">
      <a href={fullAppAddress(opened)} target="_blank" rel="noopener noreferrer">
        <OpenIcon /> {t.present.openInPodwire}
      </a>
    </header>
  );
}
