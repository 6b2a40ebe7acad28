import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { DEFAULT_SCENARIO } from './scenarios/index.ts';
import { initDocument } from './state/document.ts';
import { startFaultRecovery } from './state/fault-recovery.ts';
import { App } from './ui/app/App.tsx';
import './ui/app/app.css';

startFaultRecovery();
initDocument(DEFAULT_SCENARIO);
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
