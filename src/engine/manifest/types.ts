// The manifest stage's data: objects read from text, each remembering where it came from.
// Positions are 1-based (line, column) as editors and `file:line:col` show them.

export type Severity = 'error' | 'warning' | 'info';

export interface SourcePosition {
  /** 1-based line. */
  readonly line: number;
  /** 1-based column, in UTF-16 code units (what Monaco counts). */
  readonly column: number;
}

export interface SourceRange {
  readonly start: SourcePosition;
  readonly end: SourcePosition;
}

export interface Diagnostic {
  readonly severity: Severity;
  /** The API server's (or kubectl's) wording, e.g. `spec.ports[1].name: Required value`. */
  readonly message: string;
  readonly range: SourceRange;
  /** The field path, `spec.ports[1].name`; empty for text-level problems. */
  readonly path: string;
  /** A short stable code for tests and docs, e.g. `yaml/tab-indent`, `field/required`. */
  readonly code: string;
  /** A plain-words hint for a learner, when the message alone may not be enough. */
  readonly hint?: string;
}

/** A path into an object: keys and array indexes, e.g. ['spec', 'ports', 1, 'name']. */
export type FieldPath = readonly (string | number)[];

/** A JSON value as decoded from YAML or JSON; objects never inherit from Object.prototype keys. */
export type JsonValue = null | boolean | number | string | readonly JsonValue[] | JsonObject;
export interface JsonObject {
  readonly [key: string]: JsonValue;
}

export interface ManifestObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly name: string;
  /** As written; `undefined` when the object does not say (the default namespace applies later). */
  readonly namespace: string | undefined;
  /** The whole object, after legacy API versions were normalized. */
  readonly body: JsonObject;
  /** 0-based index of the YAML document (or `List` item order) in the text. */
  readonly index: number;
  /** The object's range in the text. */
  readonly range: SourceRange;
  /** True when Podwire models this kind; others are kept and reported "not simulated". */
  readonly simulated: boolean;
  /** Where a field of this object is written; the nearest written ancestor when absent. */
  readonly locate: (path: FieldPath) => SourceRange;
}

export interface ParseResult {
  readonly objects: readonly ManifestObject[];
  readonly diagnostics: readonly Diagnostic[];
}
