// A link or file may carry a seed or proxy mode apart from the text (hand-made links, older
// makers): they are written into the text's Simulation document, so the text alone still
// reproduces the run. The app's own links leave them out: the text already holds them.

import type { ShareSettings } from '../share/payload.ts';
import { editSimulation, ensureMap } from './simulation-edit.ts';

/** `text` with `spec.seed` and `spec.cluster.proxyMode` set; unchanged when the Simulation document does not read cleanly. */
export function withOverrides(text: string, settings: Pick<ShareSettings, 'seed' | 'proxyMode'>): string {
  const { seed, proxyMode } = settings;
  if (seed === undefined && proxyMode === undefined) return text;
  const edited = editSimulation(
    text,
    (doc) => {
      if (seed !== undefined) {
        ensureMap(doc, ['spec']);
        doc.setIn(['spec', 'seed'], seed);
      }
      if (proxyMode !== undefined) {
        ensureMap(doc, ['spec', 'cluster']);
        doc.setIn(['spec', 'cluster', 'proxyMode'], proxyMode);
      }
    },
    [
      ...(seed !== undefined ? [`  seed: ${seed}`] : []),
      ...(proxyMode !== undefined ? ['  cluster:', `    proxyMode: ${proxyMode}`] : []),
    ],
  );
  return edited ?? text;
}
