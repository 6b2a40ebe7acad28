// The page's handle on the engine worker. The latest request wins: a stale answer is dropped.

import { wrap, type Remote } from 'comlink';
import type { ProxyMode, RulesFormat } from '../engine/index.ts';
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

import type { SimCounters, SimFrame, SimSettings } from './protocol.ts';

let remote: Remote<EngineApi> | undefined;

function engine(): Remote<EngineApi> {
  remote ??= wrap<EngineApi>(new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module' }));
  return remote;
}

let latest = 0;

/** Parses in the worker; resolves undefined when a newer request superseded this one. */
export async function parseInWorker(text: string, draw?: DrawOptions): Promise<ParseSummary | undefined> {
  const id = ++latest;
  const result = await engine().parse(text, draw);
  return id === latest ? result : undefined;
}

let latestInspect = 0;

/** Details of one graph item of reading `revision`; undefined when superseded or gone. */
export async function inspectInWorker(revision: number, id: string): Promise<Inspection | undefined> {
  const ticket = ++latestInspect;
  const result = await engine().inspect(revision, id);
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
  const result = await engine().rules(revision, nodeName, mode, format);
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
  const result = await engine().tryUrl(revision, url);
  return ticket === latestTry ? result : undefined;
}

let latestNetpol = 0;

/** A namespace's NetworkPolicies (and matrix) in reading `revision`; undefined when superseded or gone. */
export async function networkPoliciesInWorker(
  revision: number,
  query: NetpolQuery,
): Promise<NetpolAnswer | undefined> {
  const ticket = ++latestNetpol;
  const result = await engine().networkPolicies(revision, query);
  return ticket === latestNetpol ? result : undefined;
}

// The simulation: one run at a time; frames arrive with their packet buffer transferred.
export async function simStartInWorker(revision: number, settings: SimSettings): Promise<boolean> {
  return engine().simStart(revision, settings);
}

export async function simFrameInWorker(now: number, playing: boolean): Promise<SimFrame | undefined> {
  return engine().simFrame(now, playing);
}

export async function simSendInWorker(from: string, to: string): Promise<number | undefined> {
  return engine().simSend(from, to);
}

export async function simCountersInWorker(): Promise<SimCounters | undefined> {
  return engine().simCounters();
}

export async function simSetPodReadyInWorker(namespace: string, name: string, ready: boolean): Promise<void> {
  return engine().simSetPodReady(namespace, name, ready);
}

export type { SimCounters, SimFrame, SimHop, SimSettings } from './protocol.ts';

export { PACKET_STRIDE } from './frame-format.ts';
