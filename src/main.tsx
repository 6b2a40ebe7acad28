import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { DEFAULT_SCENARIO } from './scenarios/index.ts';
import { initDocument } from './state/document.ts';
import { isEmbedAddress, setEmbed } from './state/present.ts';
import { App } from './ui/app/App.tsx';
import './ui/app/app.css';

// Embedded in slides (`?embed=1`): never read nor write the user's autosave.
const embed = isEmbedAddress(location.search);
setEmbed(embed);
initDocument(DEFAULT_SCENARIO, { persist: !embed });
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
