import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { DEFAULT_SCENARIO } from './scenarios/index.ts';
import { openScenarioFromUrl } from './state/gallery.ts';
import { startFaultRecovery } from './state/fault-recovery.ts';
import { startHistory } from './state/history.ts';
import { isEmbedAddress, setEmbed } from './state/present.ts';
import { startDocument } from './state/share-open.ts';
import { startTabs } from './state/tabs.ts';
import { App } from './ui/app/App.tsx';
import './ui/app/app.css';

// The autosave (or the default scenario), then a share link in the address bar if there is one,
// or a gallery scenario named by `?scenario=`. Embedded in slides (`?embed=1`): the user's
// autosave is neither read nor written.
const embed = isEmbedAddress(location.search);
setEmbed(embed);
startFaultRecovery();
startDocument(DEFAULT_SCENARIO, { persist: !embed });
openScenarioFromUrl();
// History of versions and the watch for other tabs' saves (not in the embed view: no autosave).
if (!embed) {
  startHistory();
  startTabs();
}
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

// Offline after the first visit (scripts/sw.js); production builds only, so dev keeps HMR.
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  addEventListener('load', () => {
    navigator.serviceWorker.register('./sw.js').catch(() => {
      // Without it the app still works online.
    });
  });
}
