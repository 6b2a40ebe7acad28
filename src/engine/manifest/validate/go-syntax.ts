// How Go's fmt `%#v` prints the values the API server quotes back (field/errors.go falls back
// to `%#v`): maps with sorted keys, typed slices, nil versus empty.

import { goQuote, goValue, type GoValue } from '../field-errors.ts';

/** `map[string]string{"a":"1", "b":"2"}`; `map[string]string(nil)` when absent. */
export function goStringMap(entries: readonly (readonly [string, string])[] | undefined): GoValue {
  if (entries === undefined) return goValue('map[string]string(nil)');
  const sorted = [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return goValue(`map[string]string{${sorted.map(([k, v]) => `${goQuote(k)}:${goQuote(v)}`).join(', ')}}`);
}

/** `[]T{"a", "b"}`; `[]T(nil)` when absent. */
export function goStringSlice(type: string, items: readonly string[] | undefined): GoValue {
  if (items === undefined) return goValue(`[]${type}(nil)`);
  return goValue(`[]${type}{${items.map(goQuote).join(', ')}}`);
}
