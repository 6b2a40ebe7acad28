import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { DEFAULT_SCENARIO } from './scenarios/index.ts';
import { initDocument } from './state/document.ts';
import { startHistory } from './state/history.ts';
import { startTabs } from './state/tabs.ts';
import { App } from './ui/app/App.tsx';
import './ui/app/app.css';

initDocument(DEFAULT_SCENARIO);
startHistory();
startTabs();
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
