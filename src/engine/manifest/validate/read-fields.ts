// Safe reads from a decoded object for the validators: a field of the wrong type reads as
// absent (the schema checker reports types), and user keys never reach Object.prototype.

import type { FieldPath, JsonObject, JsonValue } from '../types.ts';

export type Maybe = JsonValue | undefined;

export const isObject = (v: Maybe): v is JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The own property `key` of `parent`, or undefined. */
export function get(parent: Maybe, key: string): Maybe {
  return isObject(parent) && Object.hasOwn(parent, key) ? parent[key] : undefined;
}

export const has = (parent: Maybe, key: string): boolean => get(parent, key) !== undefined;

export function obj(parent: Maybe, key: string): JsonObject | undefined {
  const v = get(parent, key);
  return isObject(v) ? v : undefined;
}

export function arr(parent: Maybe, key: string): readonly JsonValue[] | undefined {
  const v = get(parent, key);
  return Array.isArray(v) ? (v as readonly JsonValue[]) : undefined;
}

export function str(parent: Maybe, key: string): string | undefined {
  const v = get(parent, key);
  return typeof v === 'string' ? v : undefined;
}

/** An integer-valued number; fractions and other types read as absent. */
export function int(parent: Maybe, key: string): number | undefined {
  const v = get(parent, key);
  return typeof v === 'number' && Number.isInteger(v) ? v : undefined;
}

/** An IntOrString field: a number, a string, or undefined. */
export function intOrString(parent: Maybe, key: string): number | string | undefined {
  const v = get(parent, key);
  if (typeof v === 'number') return Number.isInteger(v) ? v : undefined;
  return typeof v === 'string' ? v : undefined;
}

/** A map[string]string: only the string-valued entries, in written order. */
export function stringMap(parent: Maybe, key: string): readonly (readonly [string, string])[] | undefined {
  const v = get(parent, key);
  if (!isObject(v)) return undefined;
  const out: (readonly [string, string])[] = [];
  for (const k of Object.keys(v)) {
    const val = v[k];
    if (typeof val === 'string') out.push([k, val]);
  }
  return out;
}

/** The strings of a []string field, with their indexes (non-strings skipped). */
export function stringList(parent: Maybe, key: string): readonly (readonly [number, string])[] | undefined {
  const list = arr(parent, key);
  if (!list) return undefined;
  const out: (readonly [number, string])[] = [];
  list.forEach((v, i) => {
    if (typeof v === 'string') out.push([i, v]);
  });
  return out;
}

export const child = (path: FieldPath, ...parts: (string | number)[]): FieldPath => [...path, ...parts];
