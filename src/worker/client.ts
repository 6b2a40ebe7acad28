// The page's handle on the engine worker. The latest request wins: a stale answer is dropped.
// Every command is supervised (watchdog.ts): a hung or crashed worker is replaced by a fresh
// one and the waiting commands answer undefined; `onWorkerFault` tells the state layer.

import { wrap, type Remote } from 'comlink';
import type { ProxyMode, RulesFormat } from '../engine/index.ts';
import { isDebugFaultKind, type DebugFaultApi, type DebugFaultKind } from './debug-fault.ts';
import type {
  DrawOptions,
  EngineApi,
  Inspection,
  NetpolAnswer,
  NetpolQuery,
  ParseSummary,
  RulesReading,
  UrlAnswer,
} from './protocol.ts';
import { createWatchdog, type WorkerFault, type WorkerHandle } from './watchdog.ts';

import type { SimCounters, SimFrame, SimSettings } from './protocol.ts';

type Engine = Remote<EngineApi & DebugFaultApi>;

/**
 * Deadlines, measured: the default scenario parses in well under 0.1 s, a 176 KB cluster of
 * 2,000 pods in 1.4 s and a 5 MB paste in 21 s (Node; 37 s under load, about 90 s in the e2e
 * browser with two cores shared by many jobs). A parse gets 2 s plus 40 ms per KB (whale: ~2.1 s;
 * 5 MB: 207 s): a hung engine on a classroom-sized text is replaced within about 2 s
 * (hostile-inputs.md item 34), and a large paste is not taken for a hang.
 */
export function parseDeadlineMs(text: string): number {
  return 2000 + Math.ceil(text.length / 1024) * 40;
}
/** A fresh worker's first answer also waits for its code to load and compile (seconds when busy). */
const STARTUP_MS = 20_000;
const QUERY_DEADLINE_MS = 10_000;
// A frame is a few milliseconds of work; one that takes 2 s means the simulator is stuck.
const FRAME_DEADLINE_MS = 2000;

function spawn(): WorkerHandle<Engine> {
  const worker = new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module' });
  return {
    remote: wrap<EngineApi & DebugFaultApi>(worker),
    terminate: () => worker.terminate(),
    onCrash: (listener) => {
      worker.addEventListener('error', (e) => {
        // Handled here: the page shows its own banner.
        e.preventDefault();
        listener(e.message || 'the engine worker failed');
      });
      worker.addEventListener('messageerror', () => listener('a message from the engine could not be read'));
    },
  };
}

const faultListeners = new Set<(fault: WorkerFault) => void>();

/** Called after the worker was given up (and before any fresh one starts). */
export function onWorkerFault(listener: (fault: WorkerFault) => void): () => void {
  faultListeners.add(listener);
  return () => faultListeners.delete(listener);
}

const watchdog = createWatchdog(
  spawn,
  (fault) => {
    for (const l of faultListeners) l(fault);
  },
  STARTUP_MS,
);

// The fault tests' switch (debug-fault.ts): `?debug-fault=hang|throw` arms the first parse;
// with the flag present, `podwireDebugFault(kind, times)` arms the first parse or frame of the
// next `times` workers (so a queue of parses on one worker uses one).
let debugArmed: { kind: DebugFaultKind; times: number } | undefined;
let debugStruck: Engine | undefined;
const debugFlag =
  typeof location === 'undefined' ? null : new URLSearchParams(location.search).get('debug-fault');
if (debugFlag !== null) {
  if (isDebugFaultKind(debugFlag)) debugArmed = { kind: debugFlag, times: 1 };
  Object.assign(globalThis, {
    podwireDebugFault: (kind: string, times = 1) => {
      if (isDebugFaultKind(kind)) debugArmed = { kind, times };
      debugStruck = undefined;
    },
  });
}

function send<T>(
  command: string,
  deadlineMs: number,
  run: (remote: Engine) => Promise<T>,
): Promise<T | undefined> {
  return watchdog.call(command, deadlineMs, async (remote) => {
    const fault =
      (command === 'parse' || command === 'simFrame') && remote !== debugStruck ? debugArmed : undefined;
    if (fault) {
      debugStruck = remote;
      debugArmed = fault.times > 1 ? { kind: fault.kind, times: fault.times - 1 } : undefined;
      await remote.debugFault(fault.kind);
    }
    return run(remote);
  });
}

let latest = 0;

/** Parses in the worker; resolves undefined when a newer request superseded this one. */
export async function parseInWorker(text: string, draw?: DrawOptions): Promise<ParseSummary | undefined> {
  const id = ++latest;
  const result = await send('parse', parseDeadlineMs(text), (e) => e.parse(text, draw));
  return id === latest ? result : undefined;
}

let latestInspect = 0;

/** Details of one graph item of reading `revision`; undefined when superseded or gone. */
export async function inspectInWorker(revision: number, id: string): Promise<Inspection | undefined> {
  const ticket = ++latestInspect;
  const result = await send<Inspection | undefined>('inspect', QUERY_DEADLINE_MS, (e) =>
    e.inspect(revision, id),
  );
  return ticket === latestInspect ? result : undefined;
}

let latestRules = 0;

/** A node's kube-proxy rules in reading `revision`; undefined when superseded or gone. */
export async function rulesInWorker(
  revision: number,
  nodeName: string,
  mode: ProxyMode | undefined,
  format: RulesFormat,
): Promise<RulesReading | undefined> {
  const ticket = ++latestRules;
  const result = await send('rules', QUERY_DEADLINE_MS, (e) => e.rules(revision, nodeName, mode, format));
  return ticket === latestRules ? result : undefined;
}

export type {
  ContainerEnv,
  DrawOptions,
  EnvLine,
  IngressInspection,
  IngressRouteRow,
  Inspection,
  LaidOutGraph,
  DeclaredPort,
  NetpolAnswer,
  NetpolCell,
  NetpolPolicy,
  NetpolProbe,
  NetpolQuery,
  NetpolSide,
  ObjectSummary,
  ParseSummary,
  PlacedNode,
  RuleGroup,
  RulesReading,
  ServiceDns,
  UrlAnswer,
  UrlCandidate,
} from './protocol.ts';

let latestTry = 0;

/** "Try a URL" against reading `revision`'s ingress route table; undefined when superseded. */
export async function tryUrlInWorker(revision: number, url: string): Promise<UrlAnswer | undefined> {
  const ticket = ++latestTry;
  const result = await send<UrlAnswer>('tryUrl', QUERY_DEADLINE_MS, (e) => e.tryUrl(revision, url));
  return ticket === latestTry ? result : undefined;
}

let latestNetpol = 0;

/** A namespace's NetworkPolicies (and matrix) in reading `revision`; undefined when superseded or gone. */
export async function networkPoliciesInWorker(
  revision: number,
  query: NetpolQuery,
): Promise<NetpolAnswer | undefined> {
  const ticket = ++latestNetpol;
  const result = await send('networkPolicies', QUERY_DEADLINE_MS, (e) => e.networkPolicies(revision, query));
  return ticket === latestNetpol ? result : undefined;
}

// The simulation: one run at a time; frames arrive with their packet buffer transferred.
export async function simStartInWorker(revision: number, settings: SimSettings): Promise<boolean> {
  return (await send('simStart', QUERY_DEADLINE_MS, (e) => e.simStart(revision, settings))) ?? false;
}

export async function simFrameInWorker(now: number, playing: boolean): Promise<SimFrame | undefined> {
  return send('simFrame', FRAME_DEADLINE_MS, (e) => e.simFrame(now, playing));
}

export async function simSendInWorker(from: string, to: string): Promise<number | undefined> {
  return send('simSend', QUERY_DEADLINE_MS, (e) => e.simSend(from, to));
}

export async function simCountersInWorker(): Promise<SimCounters | undefined> {
  return send('simCounters', FRAME_DEADLINE_MS, (e) => e.simCounters());
}

export async function simSetPodReadyInWorker(namespace: string, name: string, ready: boolean): Promise<void> {
  await send('simSetPodReady', QUERY_DEADLINE_MS, (e) => e.simSetPodReady(namespace, name, ready));
}

export type { SimCounters, SimFrame, SimHop, SimSettings } from './protocol.ts';

export { PACKET_STRIDE } from './frame-format.ts';
export type { WorkerFault } from './watchdog.ts';
