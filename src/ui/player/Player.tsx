// The player: play, pause, step one hop back or forward, speed, no-motion; the timeline of hops
// (Packet Tracer's event list), requests per backend pod, and "send a request".
import { memo, useEffect } from 'react';
import { shownSummary } from '../../state/document.ts';
import { useDocument, useSim, useStrings } from '../../state/hooks.ts';
import {
  pause,
  play,
  setReducedMotion,
  setSpeed,
  SPEEDS,
  startRun,
  stepBack,
  stepForward,
} from '../../state/sim.ts';
import { Captions } from '../present/Captions.tsx';
import { Counters } from './Counters.tsx';
import { ScriptEvent } from './ScriptEvent.tsx';
import { SendRequest } from './SendRequest.tsx';
import { Timeline } from './Timeline.tsx';

export const Player = memo(function Player() {
  const en = useStrings();
  const revision = useDocument((s) => (shownSummary(s)?.graph ? shownSummary(s)?.revision : undefined));
  const runRevision = useSim((s) => s.revision);
  const playing = useSim((s) => s.playing);
  const speed = useSim((s) => s.speed);
  const now = useSim((s) => s.now);
  const inFlight = useSim((s) => s.inFlight);
  const reducedMotion = useSim((s) => s.reducedMotion);
  // A new picture (the text changed) while playing: the run starts again on it. Otherwise the
  // run starts when asked (Play, Step, Send), so editing never pays for an idle simulation.
  useEffect(() => {
    if (revision === undefined || revision === runRevision || !playing) return;
    pause();
    void play(revision);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a new reading restarts the run
  }, [revision]);
  return (
    <section className="player" aria-label={en.player.title}>
      <Captions />
      <div className="player-controls">
        <button type="button" onClick={() => stepBack()} aria-label={en.player.stepBack}>
          <StepIcon back />
        </button>
        {playing ? (
          <button type="button" onClick={pause} aria-label={en.player.pause}>
            <PauseIcon />
          </button>
        ) : (
          <button
            type="button"
            onClick={() => void play(revision)}
            aria-label={en.player.play}
            disabled={revision === undefined}
          >
            <PlayIcon />
          </button>
        )}
        <button
          type="button"
          onClick={() => void stepForward(revision)}
          aria-label={en.player.stepForward}
          disabled={revision === undefined}
        >
          <StepIcon />
        </button>
        <button
          type="button"
          onClick={() => revision !== undefined && void startRun(revision)}
          disabled={revision === undefined}
        >
          {en.player.restart}
        </button>
        <label>
          {en.player.speed}{' '}
          <select value={speed} onChange={(e) => setSpeed(Number(e.target.value))}>
            {SPEEDS.map((s) => (
              <option key={s} value={s}>{`${s}×`}</option>
            ))}
          </select>
        </label>
        <label>
          <input
            type="checkbox"
            checked={reducedMotion}
            onChange={(e) => setReducedMotion(e.target.checked)}
          />{' '}
          {en.player.reducedMotion}
        </label>
        <span className="player-clock" aria-live="off">
          {en.player.clock((now / 1000).toFixed(1))} · {en.player.inFlight(inFlight)}
        </span>
      </div>
      <div className="player-body">
        <Timeline />
        <Counters />
        <SendRequest />
        <ScriptEvent />
      </div>
    </section>
  );
});

function PlayIcon() {
  return (
    <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
      <path d="M4 2.5v11l9-5.5z" fill="currentColor" />
    </svg>
  );
}

function PauseIcon() {
  return (
    <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
      <path d="M4 2.5h3v11H4zM9 2.5h3v11H9z" fill="currentColor" />
    </svg>
  );
}

function StepIcon({ back = false }: { back?: boolean }) {
  return (
    <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
      <g transform={back ? 'matrix(-1 0 0 1 16 0)' : undefined}>
        <path d="M3 2.5v11l7-5.5z" fill="currentColor" />
        <path d="M11 2.5h2v11h-2z" fill="currentColor" />
      </g>
    </svg>
  );
}
