// Mirrors k8s.io/apimachinery pkg/util/validation/field/errors.go: how the API server words
// a field error, `<path>: <type>[: <value>][: <detail>]`.

import type { FieldPath } from './types.ts';

export type FieldErrorType =
  | 'FieldValueNotFound'
  | 'FieldValueRequired'
  | 'FieldValueDuplicate'
  | 'FieldValueInvalid'
  | 'FieldValueNotSupported'
  | 'FieldValueForbidden'
  | 'FieldValueTooLong'
  | 'FieldValueTooMany'
  | 'FieldValueTypeInvalid'
  | 'StrictDecoding'
  | 'Warning';

export interface FieldError {
  readonly type: FieldErrorType;
  readonly path: FieldPath;
  /** The complete message as the API server prints it. */
  readonly message: string;
  /** Warnings are what the API server returns as `Warning:` headers, or our own advice. */
  readonly severity: 'error' | 'warning' | 'info';
  /** Point at the key (e.g. an unknown field) rather than its value. */
  readonly atKey?: boolean;
}

/** `spec.ports[1].name` from ['spec', 'ports', 1, 'name']. */
export function formatPath(path: FieldPath): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (out === '') out = part;
    else out += `.${part}`;
  }
  return out;
}

/**
 * A bad value already rendered the way Go's `%#v` (or a `String()` method) prints it, e.g.
 * `map[string]string{"app":"x"}`; formatValue prints it verbatim.
 */
export interface GoValue {
  readonly goRendered: string;
}

/** Wraps Go-syntax text so formatValue prints it as is. */
export const goValue = (rendered: string): GoValue => ({ goRendered: rendered });

const isGoValue = (value: unknown): value is GoValue =>
  typeof value === 'object' && value !== null && Object.hasOwn(value, 'goRendered');

/** Go's strconv.Quote (what `%q` prints): printable Unicode stays, the rest is escaped. */
export function goQuote(text: string): string {
  let out = '"';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (code >= 0x20 && code < 0x7f) out += ch;
    else if (GO_SHORT_ESCAPES.has(ch)) out += GO_SHORT_ESCAPES.get(ch) ?? '';
    else if (code < 0x80) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else if (GO_PRINTABLE.test(ch)) out += ch;
    else if (code < 0x10000) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += `\\U${code.toString(16).padStart(8, '0')}`;
  }
  return `${out}"`;
}

const GO_SHORT_ESCAPES = new Map([
  ['\x07', '\\a'],
  ['\b', '\\b'],
  ['\f', '\\f'],
  ['\n', '\\n'],
  ['\r', '\\r'],
  ['\t', '\\t'],
  ['\v', '\\v'],
]);
// unicode.IsPrint: letters, marks, numbers, punctuation, symbols (and ASCII space, handled above).
const GO_PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;

/** Go's %v / %q rendering of a bad value, as field.Error does it. */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (isGoValue(value)) return value.goRendered;
  if (typeof value === 'string') return goQuote(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[]{${value.map(formatValue).join(', ')}}`;
  return '{...}';
}

function make(
  type: FieldErrorType,
  path: FieldPath,
  body: string,
  severity: FieldError['severity'] = 'error',
): FieldError {
  return { type, path, message: `${formatPath(path)}: ${body}`, severity };
}

const withDetail = (s: string, detail?: string): string => (detail ? `${s}: ${detail}` : s);

export const fieldErrors = {
  required: (path: FieldPath, detail?: string) =>
    make('FieldValueRequired', path, withDetail('Required value', detail)),
  invalid: (path: FieldPath, value: unknown, detail?: string) =>
    make('FieldValueInvalid', path, withDetail(`Invalid value: ${formatValue(value)}`, detail)),
  notSupported: (path: FieldPath, value: unknown, valid: readonly string[]) =>
    make(
      'FieldValueNotSupported',
      path,
      withDetail(
        `Unsupported value: ${formatValue(value)}`,
        valid.length ? `supported values: ${valid.map(goQuote).join(', ')}` : undefined,
      ),
    ),
  duplicate: (path: FieldPath, value: unknown) =>
    make('FieldValueDuplicate', path, `Duplicate value: ${formatValue(value)}`),
  notFound: (path: FieldPath, value: unknown) =>
    make('FieldValueNotFound', path, `Not found: ${formatValue(value)}`),
  forbidden: (path: FieldPath, detail: string) =>
    make('FieldValueForbidden', path, withDetail('Forbidden', detail)),
  tooLong: (path: FieldPath, maxBytes: number) =>
    make('FieldValueTooLong', path, `Too long: must have at most ${maxBytes} bytes`),
  tooMany: (path: FieldPath, actual: number, max: number) =>
    make('FieldValueTooMany', path, `Too many: ${actual}: must have at most ${max} items`),
  typeInvalid: (path: FieldPath, value: unknown, detail: string) =>
    make('FieldValueTypeInvalid', path, withDetail(`Invalid value: ${formatValue(value)}`, detail)),
  warning: (path: FieldPath, detail: string) => make('Warning', path, detail, 'warning'),
};
