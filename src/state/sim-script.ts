// A failure (or a recovery) toggled from the player is written into the text as a Simulation
// event at the current virtual time, so the text alone, and a link to it, replays it. The run
// then starts again on the new text and is brought forward to the same instant.

import { documentStore, setText } from './document.ts';
import { currentTime, pause, restartAt, simStore } from './sim.ts';
import type { ScriptedEvent } from './simulation-edit.ts';

/** How long to wait for the engine's reading of the new text. */
const READING_TIMEOUT_MS = 10_000;

/** The next drawn reading after `before`, or undefined when none comes (e.g. the text broke). */
function nextReading(before: number | undefined): Promise<number | undefined> {
  return new Promise((resolve) => {
    const done = (revision: number | undefined) => {
      clearTimeout(timer);
      unsubscribe();
      resolve(revision);
    };
    const unsubscribe = documentStore.subscribe((s) => {
      if (s.parsing || !s.summary || s.summary.revision === before) return;
      done(s.summary.good && s.summary.graph ? s.summary.revision : undefined);
    });
    const timer = setTimeout(() => done(undefined), READING_TIMEOUT_MS);
  });
}

/** Writes `event` at the current virtual time and replays the run up to it; false if the text could not take it. */
export async function scriptEvent(event: ScriptedEvent): Promise<boolean> {
  const wasPlaying = simStore.getState().playing;
  pause();
  const at = currentTime();
  // Loaded on first use: the YAML printer is not needed to draw the page.
  const { addEventToText } = await import('./simulation-edit.ts');
  const next = addEventToText(documentStore.getState().text, event, at);
  if (next === undefined) return false;
  const before = documentStore.getState().summary?.revision;
  setText(next, { immediate: true });
  const revision = await nextReading(before);
  if (revision === undefined) return false;
  await restartAt(revision, at, wasPlaying);
  return true;
}

export type { ScriptedEvent };
