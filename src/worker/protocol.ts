// The typed, versioned contract between the page and the engine worker. Everything here is
// structured-cloneable: plain data only.

import type { Diagnostic, SourceRange } from '../engine/index.ts';

export const PROTOCOL_VERSION = 1;

export interface ObjectSummary {
  readonly apiVersion: string;
  readonly kind: string;
  readonly name: string;
  readonly namespace: string | undefined;
  readonly index: number;
  readonly range: SourceRange;
  readonly simulated: boolean;
}

export interface ParseSummary {
  readonly version: typeof PROTOCOL_VERSION;
  readonly objects: readonly ObjectSummary[];
  readonly diagnostics: readonly Diagnostic[];
  /** Milliseconds the engine spent, for the status bar and benchmarks. */
  readonly elapsedMs: number;
}

export interface EngineApi {
  parse(text: string): Promise<ParseSummary>;
}
