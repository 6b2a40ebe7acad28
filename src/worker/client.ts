// The page's handle on the engine worker. The latest request wins: a stale answer is dropped.

import { wrap, type Remote } from 'comlink';
import type { ProxyMode, RulesFormat } from '../engine/index.ts';
import type { EngineApi, Inspection, ParseSummary, RulesReading } from './protocol.ts';

let remote: Remote<EngineApi> | undefined;

function engine(): Remote<EngineApi> {
  remote ??= wrap<EngineApi>(new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module' }));
  return remote;
}

let latest = 0;

/** Parses in the worker; resolves undefined when a newer request superseded this one. */
export async function parseInWorker(text: string): Promise<ParseSummary | undefined> {
  const id = ++latest;
  const result = await engine().parse(text);
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
  EnvLine,
  Inspection,
  LaidOutGraph,
  ObjectSummary,
  ParseSummary,
  PlacedNode,
  RuleGroup,
  RulesReading,
  ServiceDns,
} from './protocol.ts';
