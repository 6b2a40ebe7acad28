// Mirrors k8s.io/apiserver pkg/storage/names (SimpleNameGenerator), k8s.io/apimachinery
// pkg/util/rand (String, SafeEncodeString) and pkg/controller ComputeHash (pod-template-hash).

import type { JsonValue } from '../manifest/types.ts';
import { isJsonObject } from '../manifest/json-value.ts';
import { fnv1a32, pick, type Rng } from './rng.ts';

/** No vowels (no words) and no look-alikes (0/o, 1/l, 3/e): utilrand's alphabet. */
export const ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';
const RANDOM_LENGTH = 5;
const MAX_NAME_LENGTH = 63;
const MAX_GENERATED_BASE = MAX_NAME_LENGTH - RANDOM_LENGTH;

/** utilrand.String(n). */
export function randomString(rng: Rng, n: number): string {
  let out = '';
  for (let i = 0; i < n; i++) out += ALPHANUMS.charAt(pick(rng, ALPHANUMS.length));
  return out;
}

/** SimpleNameGenerator.GenerateName: the base cut to 58 characters, then 5 random ones. */
export function generateName(base: string, rng: Rng): string {
  return base.slice(0, MAX_GENERATED_BASE) + randomString(rng, RANDOM_LENGTH);
}

/** utilrand.SafeEncodeString: each byte mapped onto the alphabet. */
export function safeEncodeString(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += ALPHANUMS.charAt(text.charCodeAt(i) % ALPHANUMS.length);
  return out;
}

/** JSON with sorted keys: the same template always hashes the same, whatever its key order. */
function canonical(value: JsonValue): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isJsonObject(value)) {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(value[k] ?? null)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * ComputeHash: FNV-32a of the pod template, printed in decimal, then SafeEncodeString.
 * Upstream hashes Go's spew dump of the defaulted struct; we hash canonical JSON of the
 * template as written, so the shape (up to 10 chars of the alphabet) matches, not the value.
 */
export function computeTemplateHash(template: JsonValue, collisionCount = 0): string {
  const text = canonical(template) + (collisionCount > 0 ? String(collisionCount) : '');
  return safeEncodeString(String(fnv1a32(text)));
}
