// Turns what the YAML library produced into plain JSON values, as kubectl's YAML-to-JSON step
// does (sigs.k8s.io/yaml): binary becomes base64, timestamps their text. Bounded in depth.

import type { JsonObject, JsonValue } from './types.ts';

/** No Kubernetes object nests anywhere near this deep; deeper input is hostile or broken. */
export const MAX_NESTING = 100;

export class NestingTooDeep extends Error {}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function base64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] ?? 0;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    out += BASE64.charAt(a >> 2);
    out += BASE64.charAt(((a & 3) << 4) | ((b ?? 0) >> 4));
    out += b === undefined ? '=' : BASE64.charAt(((b & 15) << 2) | ((c ?? 0) >> 6));
    out += c === undefined ? '=' : BASE64.charAt(c & 63);
  }
  return out;
}

export function toJsonValue(value: unknown, depth = 0): JsonValue {
  if (depth > MAX_NESTING) throw new NestingTooDeep();
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return value;
    case 'bigint':
      return Number(value);
    case 'object':
      break;
    default:
      // Functions and symbols never come out of the YAML library; keep the type total anyway.
      return typeof value;
  }
  if (Array.isArray(value)) return value.map((v: unknown) => toJsonValue(v, depth + 1));
  if (value instanceof Uint8Array) return base64(value);
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Set) return [...value].map((v: unknown) => toJsonValue(v, depth + 1));
  const entries: [string, JsonValue][] =
    value instanceof Map
      ? [...value.entries()].map(([k, v]: [unknown, unknown]) => [String(k), toJsonValue(v, depth + 1)])
      : Object.keys(value).map((k) => [k, toJsonValue((value as Record<string, unknown>)[k], depth + 1)]);
  // fromEntries defines own properties, so `__proto__` stays an ordinary key.
  const object: JsonObject = Object.fromEntries(entries);
  return object;
}

export function isJsonObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An own property only: user keys such as `constructor` never reach Object.prototype. */
export function field(obj: JsonObject | undefined, key: string): JsonValue | undefined {
  return obj !== undefined && Object.hasOwn(obj, key) ? obj[key] : undefined;
}
