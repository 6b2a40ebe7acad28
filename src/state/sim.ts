// The simulation clock and player: virtual time runs while playing (times the speed); each
// animation frame asks the worker for the packets in flight. Packets go to the canvas through a
// listener (never through React state); hops and counters go to the store, a few times a second.

import { createStore } from 'zustand/vanilla';
import {
  simCountersInWorker,
  simFrameInWorker,
  simSendInWorker,
  simStartInWorker,
  type SimCounters,
  type SimHop,
} from '../worker/client.ts';

/** Timeline entries kept on the page. */
const TIMELINE = 400;
export const SPEEDS = [0.25, 0.5, 1, 2, 4, 8] as const;

export interface SimState {
  /** The reading the run belongs to; undefined before the first start. */
  readonly revision: number | undefined;
  readonly playing: boolean;
  readonly speed: number;
  /** Virtual milliseconds since the run started. */
  readonly now: number;
  /** The newest hops, oldest first. */
  readonly hops: readonly SimHop[];
  /** The hop picked in the timeline (its `seq`): the inspector shows it, the canvas marks it. */
  readonly picked: number | undefined;
  readonly inFlight: number;
  readonly counters: SimCounters | undefined;
  /** No motion: packets are not animated; the player steps through hops. */
  readonly reducedMotion: boolean;
}

export const simStore = createStore<SimState>(() => ({
  revision: undefined,
  playing: false,
  speed: 1,
  now: 0,
  hops: [],
  picked: undefined,
  inFlight: 0,
  counters: undefined,
  reducedMotion: typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches,
}));

type PacketListener = (packets: Float32Array) => void;
const listeners = new Set<PacketListener>();
let lastPackets: Float32Array = new Float32Array(0);

/** The canvas subscribes here; it gets the current packets at once and every new frame. */
export function onPackets(listener: PacketListener): () => void {
  listeners.add(listener);
  listener(lastPackets);
  return () => listeners.delete(listener);
}

function publish(packets: Float32Array): void {
  lastPackets = packets;
  for (const l of listeners) l(packets);
}

let pending = false;
let lastCounters = 0;
let lastFlush = 0;
/** Virtual time reached between store updates (the store's `now` lags by at most 250 ms). */
let clock = 0;

/** One frame at virtual time `now`: packets to the canvas, new hops to the timeline. */
async function frame(now: number): Promise<void> {
  if (pending) return;
  pending = true;
  try {
    const f = await simFrameInWorker(now, simStore.getState().playing);
    if (!f) return;
    publish(simStore.getState().reducedMotion ? new Float32Array(0) : f.packets);
    // The timeline and the clock re-render a few times a second, not every frame.
    clock = f.now;
    const state = simStore.getState();
    if (!state.playing || f.hops.length > 0 || f.now - lastFlush > 250 || f.now < lastFlush) {
      lastFlush = f.now;
      const hops = f.hops.length > 0 ? [...state.hops, ...f.hops].slice(-TIMELINE) : state.hops;
      simStore.setState({ now: f.now, hops, inFlight: f.inFlight });
    }
    if (f.now - lastCounters > 250 || f.now < lastCounters) {
      lastCounters = f.now;
      const counters = await simCountersInWorker();
      if (counters) simStore.setState({ counters });
    }
  } finally {
    pending = false;
  }
}

let raf: number | undefined;
let wall: number | undefined;

function tick(t: number): void {
  const { playing, speed } = simStore.getState();
  const now = Math.max(clock, simStore.getState().now);
  if (!playing) {
    raf = undefined;
    wall = undefined;
    return;
  }
  const dt = wall === undefined ? 0 : Math.min(t - wall, 100);
  wall = t;
  void frame(now + dt * speed);
  raf = requestAnimationFrame(tick);
}

/** (Re)starts the run on reading `revision` from virtual time 0, paused. */
export async function startRun(revision: number): Promise<void> {
  const ok = await simStartInWorker(revision, {});
  if (!ok) return;
  lastCounters = 0;
  lastFlush = 0;
  clock = 0;
  simStore.setState({ revision, now: 0, hops: [], picked: undefined, inFlight: 0, counters: undefined });
  publish(new Float32Array(0));
  await frame(0);
}

/** The run belongs to the reading on screen: started lazily, so edits never pay for a simulation nobody plays. */
async function ensureRun(revision: number | undefined): Promise<boolean> {
  if (revision === undefined) return simStore.getState().revision !== undefined;
  if (simStore.getState().revision !== revision) await startRun(revision);
  return simStore.getState().revision === revision;
}

export async function play(revision?: number): Promise<void> {
  if (simStore.getState().playing || !(await ensureRun(revision))) return;
  simStore.setState({ playing: true, picked: undefined });
  raf ??= requestAnimationFrame(tick);
}

export function pause(): void {
  simStore.setState({ playing: false, now: Math.max(clock, simStore.getState().now) });
}

export function setSpeed(speed: number): void {
  simStore.setState({ speed });
}

export function setReducedMotion(reducedMotion: boolean): void {
  simStore.setState({ reducedMotion });
  if (reducedMotion) publish(new Float32Array(0));
}

/** Pauses and moves to the next hop of the timeline, running the engine on until there is one. */
export async function stepForward(revision?: number): Promise<void> {
  pause();
  if (!(await ensureRun(revision))) return;
  const { hops, picked } = simStore.getState();
  const at = picked === undefined ? -1 : hops.findIndex((h) => h.seq === picked);
  const next = hops[at + 1];
  if (at >= 0 && next) {
    simStore.setState({ picked: next.seq });
    return;
  }
  for (let i = 0; i < 60; i++) {
    const before = simStore.getState().hops.length;
    await frame(simStore.getState().now + 100);
    const now = simStore.getState().hops;
    if (now.length > before || (now.length === TIMELINE && now.at(-1)?.seq !== hops.at(-1)?.seq)) {
      const first = now.find((h) => h.seq > (picked ?? -1)) ?? now.at(-1);
      simStore.setState({ picked: first?.seq });
      return;
    }
  }
}

/** Pauses and moves to the previous hop of the timeline. */
export function stepBack(): void {
  pause();
  const { hops, picked } = simStore.getState();
  const at = picked === undefined ? hops.length : hops.findIndex((h) => h.seq === picked);
  const prev = hops[Math.max(0, at - 1)];
  if (prev) simStore.setState({ picked: prev.seq });
}

export function pick(seq: number | undefined): void {
  pause();
  simStore.setState({ picked: seq });
}

/** Virtual time the run has reached (the store's `now` lags a little while playing). */
export function currentTime(): number {
  return Math.max(clock, simStore.getState().now);
}

/**
 * A new run on reading `revision`, brought forward to virtual time `at` (the engine replays
 * everything up to then, deterministically), then playing again if asked.
 */
export async function restartAt(revision: number, at: number, playAfter: boolean): Promise<void> {
  await startRun(revision);
  if (simStore.getState().revision !== revision) return;
  await frame(at);
  if (playAfter) await play(revision);
}

/** "Send a request": one request now, from `from` to `to`. */
export async function send(from: string, to: string, revision?: number): Promise<void> {
  if (!(await ensureRun(revision))) return;
  await simSendInWorker(from, to);
  if (!simStore.getState().playing) await frame(simStore.getState().now);
}

export type { SimCounters, SimHop };
export { PACKET_STRIDE } from '../worker/client.ts';
