// The presentation's keyboard and full screen, wired once at the app root. Keys never fire while
// focus is in the editor or a text field. Esc inside full screen is the browser's own (it leaves
// full screen): leaving full screen that way also leaves the presentation, but `f` does not.
import { useEffect } from 'react';
import { documentStore, shownSummary } from '../../state/document.ts';
import { changeSpeed, presentStore, setPresenting } from '../../state/present.ts';
import { pause, play, simStore, stepBack, stepForward } from '../../state/sim.ts';
import { actionOf, isTyping, type PresentAction } from './keys.ts';

/** Set while `f` takes the page out of full screen, so the presentation stays. */
let leavingByKey = false;

function enterFullscreen(): void {
  // Needs a user gesture (the click or key press that called this); refused quietly otherwise.
  void document.documentElement.requestFullscreen?.().catch(() => undefined);
}

function exitFullscreen(): void {
  if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
}

export function startPresenting(): void {
  setPresenting(true);
  enterFullscreen();
}

export function stopPresenting(): void {
  setPresenting(false);
  exitFullscreen();
}

export function toggleFullscreen(): void {
  if (document.fullscreenElement) {
    leavingByKey = true;
    exitFullscreen();
  } else enterFullscreen();
}

/** The reading on screen, when it has a picture the player can run. */
function revision(): number | undefined {
  const shown = shownSummary(documentStore.getState());
  return shown?.graph ? shown.revision : undefined;
}

function run(action: PresentAction): void {
  switch (action) {
    case 'toggle-present':
      if (presentStore.getState().presenting) stopPresenting();
      else startPresenting();
      return;
    case 'play-pause':
      if (simStore.getState().playing) pause();
      else void play(revision());
      return;
    case 'forward':
      void stepForward(revision());
      return;
    case 'back':
      stepBack();
      return;
    case 'faster':
      changeSpeed(1);
      return;
    case 'slower':
      changeSpeed(-1);
      return;
    case 'fullscreen':
      toggleFullscreen();
      return;
    case 'leave':
      stopPresenting();
      return;
  }
}

export function usePresentKeys(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // Not `defaultPrevented`: React Flow prevents Space (its pan key) on the whole document.
      if (e.repeat || isTyping(e.target)) return;
      const action = actionOf(e, presentStore.getState().presenting);
      if (action === undefined) return;
      e.preventDefault();
      run(action);
    };
    const onFullscreen = () => {
      if (document.fullscreenElement) return;
      if (leavingByKey) leavingByKey = false;
      else setPresenting(false);
    };
    window.addEventListener('keydown', onKey);
    document.addEventListener('fullscreenchange', onFullscreen);
    return () => {
      window.removeEventListener('keydown', onKey);
      document.removeEventListener('fullscreenchange', onFullscreen);
    };
  }, []);
}
