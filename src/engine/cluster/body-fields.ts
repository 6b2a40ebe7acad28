// Typed reads of an object's body by path: own properties only (field()), so user keys such
// as `__proto__` stay data. Missing or mistyped fields read as undefined.

import { field, isJsonObject } from '../manifest/json-value.ts';
import type { JsonObject, JsonValue } from '../manifest/types.ts';
import type { Labels } from './types.ts';

export function at(
  root: JsonValue | undefined,
  ...path: readonly (string | number)[]
): JsonValue | undefined {
  let value: JsonValue | undefined = root;
  for (const key of path) {
    if (typeof key === 'number')
      value = Array.isArray(value) ? (value as readonly JsonValue[])[key] : undefined;
    else value = isJsonObject(value ?? null) ? field(value as JsonObject, key) : undefined;
    if (value === undefined) return undefined;
  }
  return value;
}

export function objAt(
  root: JsonValue | undefined,
  ...path: readonly (string | number)[]
): JsonObject | undefined {
  const value = at(root, ...path);
  return value !== undefined && isJsonObject(value) ? value : undefined;
}

export function strAt(
  root: JsonValue | undefined,
  ...path: readonly (string | number)[]
): string | undefined {
  const value = at(root, ...path);
  return typeof value === 'string' ? value : undefined;
}

export function numAt(
  root: JsonValue | undefined,
  ...path: readonly (string | number)[]
): number | undefined {
  const value = at(root, ...path);
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

export function boolAt(
  root: JsonValue | undefined,
  ...path: readonly (string | number)[]
): boolean | undefined {
  const value = at(root, ...path);
  return typeof value === 'boolean' ? value : undefined;
}

export function arrAt(
  root: JsonValue | undefined,
  ...path: readonly (string | number)[]
): readonly JsonValue[] {
  const value = at(root, ...path);
  return Array.isArray(value) ? (value as readonly JsonValue[]) : [];
}

/** A string map (labels, selector, nodeSelector); scalar values read as their text. */
export function stringMap(value: JsonValue | undefined): Labels {
  if (value === undefined || !isJsonObject(value)) return {};
  const out: Record<string, string> = {};
  for (const key of Object.keys(value)) {
    const v = value[key];
    if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') continue;
    // Only `__proto__` needs defineProperty to become an own key rather than the prototype.
    if (key === '__proto__') {
      Object.defineProperty(out, key, {
        value: String(v),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    } else out[key] = String(v);
  }
  return out;
}

/** Every key/value of `selector` is in `labels` (an empty selector matches everything). */
export function matchesLabels(selector: Labels, labels: Labels): boolean {
  for (const key of Object.keys(selector)) {
    if (!Object.hasOwn(labels, key) || labels[key] !== selector[key]) return false;
  }
  return true;
}
