// Writes the scenario's proxy mode into its text, so a shared text reproduces it: sets
// `spec.cluster.proxyMode` in the first `kind: Simulation` document, or appends a minimal one.

import type { ProxyMode } from '../engine/index.ts';
import { editSimulation, ensureMap } from './simulation-edit.ts';

/**
 * The text with the scenario's proxy mode set to `mode`; undefined when the Simulation document
 * does not read cleanly (editing it could lose what the user wrote).
 */
export function setProxyModeInText(text: string, mode: ProxyMode): string | undefined {
  return editSimulation(
    text,
    (doc) => {
      ensureMap(doc, ['spec', 'cluster']);
      doc.setIn(['spec', 'cluster', 'proxyMode'], mode);
    },
    ['  cluster:', `    proxyMode: ${mode}`],
  );
}
