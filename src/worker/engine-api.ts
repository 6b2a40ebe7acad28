// The engine behind the worker protocol; also usable in-process (tests, fallback without workers).

import { parseManifests } from '../engine/index.ts';
import { PROTOCOL_VERSION, type EngineApi, type ParseSummary } from './protocol.ts';

export function parseSummary(text: string, now: () => number): ParseSummary {
  const started = now();
  const { objects, diagnostics } = parseManifests(text);
  return {
    version: PROTOCOL_VERSION,
    objects: objects.map(({ apiVersion, kind, name, namespace, index, range, simulated }) => ({
      apiVersion,
      kind,
      name,
      namespace,
      index,
      range,
      simulated,
    })),
    diagnostics,
    elapsedMs: now() - started,
  };
}

export function createEngineApi(now: () => number): EngineApi {
  return { parse: (text) => Promise.resolve(parseSummary(text, now)) };
}
