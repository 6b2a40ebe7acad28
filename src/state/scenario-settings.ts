// Edits to the scenario's own settings made from the picture rather than the editor: they go
// into the text (through `setText`), so the text alone still reproduces the run.

import type { ProxyMode } from '../engine/index.ts';
import { documentStore, setText } from './document.ts';
import { showRulesAs, viewStore } from './view.ts';

/** Writes `spec.cluster.proxyMode`; false when the Simulation document is too broken to edit. */
export async function setScenarioProxyMode(mode: ProxyMode): Promise<boolean> {
  // Loaded on first use: the YAML printer is not needed to draw the page.
  const { setProxyModeInText } = await import('./proxy-mode-edit.ts');
  const next = setProxyModeInText(documentStore.getState().text, mode);
  if (next === undefined) return false;
  // The inspector follows the scenario's new mode rather than an older choice of its own.
  showRulesAs(undefined, viewStore.getState().rulesFormat);
  setText(next, { immediate: true });
  return true;
}
