// The engine's one public entry. Pure TypeScript: no DOM, no Node built-ins.

export type {
  Diagnostic,
  FieldPath,
  JsonObject,
  JsonValue,
  ManifestObject,
  ParseResult,
  Severity,
  SourcePosition,
  SourceRange,
} from './manifest/types.ts';

/** Reads manifests (multi-document YAML, JSON, `kind: List`) into objects and located diagnostics. */
export { createParseCache, parseManifests, type ParseCache } from './manifest/parse.ts';
export { MAX_TEXT_BYTES } from './manifest/text.ts';
