// The crash-loop guard: a text the engine hung or crashed on is remembered (localStorage, by
// hash), so the app does not feed it to the engine again and again. A text that faults twice,
// or that faulted before the app was reopened, waits for the user's "Read it anyway".

import { createStore } from 'zustand/vanilla';
import type { WorkerFault } from '../worker/client.ts';

export const FAULT_KEY = 'podwire.fault.v1';
/** Texts remembered at most: a few recent ones are enough to stop a loop. */
const KEPT = 20;

export interface FaultState {
  /** The last time the engine was given up, until dismissed. */
  readonly fault: WorkerFault | undefined;
  /** The current text is not fed to the engine until the user asks. */
  readonly held: boolean;
}

export const faultStore = createStore<FaultState>(() => ({ fault: undefined, held: false }));

/** FNV-1a (32 bits) and the length: enough to recognise a text, without storing it. */
export function textHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return `${(h >>> 0).toString(16).padStart(8, '0')}:${text.length}`;
}

/** Hash → how many times the engine failed on that text; oldest first. */
type Faults = Map<string, number>;

function load(): Faults {
  try {
    const raw = globalThis.localStorage?.getItem(FAULT_KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : undefined;
    if (typeof parsed !== 'object' || parsed === null) return new Map();
    return new Map(Object.entries(parsed).filter((e): e is [string, number] => typeof e[1] === 'number'));
  } catch {
    return new Map();
  }
}

function save(faults: Faults): void {
  try {
    const entries = [...faults].slice(-KEPT);
    if (entries.length === 0) globalThis.localStorage?.removeItem(FAULT_KEY);
    else globalThis.localStorage?.setItem(FAULT_KEY, JSON.stringify(Object.fromEntries(entries)));
  } catch {
    // Without storage the guard still works for this session (sessionFaults).
  }
}

/** Faults seen since the page opened, by hash. */
const sessionFaults = new Map<string, number>();
/** The hash the user chose to read anyway (once). */
let allowed: string | undefined;

/** Records that the engine failed on `text`; returns how many times it has. */
export function recordFault(text: string, fault: WorkerFault): number {
  const hash = textHash(text);
  const faults = load();
  const count = Math.max(faults.get(hash) ?? 0, sessionFaults.get(hash) ?? 0) + 1;
  faults.delete(hash);
  faults.set(hash, count);
  save(faults);
  sessionFaults.set(hash, count);
  if (allowed === hash) allowed = undefined;
  faultStore.setState({ fault });
  return count;
}

/** Whether `text` may go to the engine now; when not, the store says so (the banner shows). */
export function mayFeed(text: string): boolean {
  const hash = textHash(text);
  const stored = Math.max(load().get(hash) ?? 0, sessionFaults.get(hash) ?? 0);
  const faultedHere = sessionFaults.has(hash);
  const held = allowed !== hash && (stored >= 2 || (stored >= 1 && !faultedHere));
  if (held !== faultStore.getState().held) faultStore.setState({ held });
  return !held;
}

/** The engine read `text` fine: it is not a danger any more. */
export function readFine(text: string): void {
  const hash = textHash(text);
  const faults = load();
  if (faults.delete(hash)) save(faults);
  sessionFaults.delete(hash);
}

/** The user's "Read it anyway": the next feed of `text` goes through. */
export function allowOnce(text: string): void {
  allowed = textHash(text);
  faultStore.setState({ held: false });
}

export function dismissFault(): void {
  faultStore.setState({ fault: undefined });
}
