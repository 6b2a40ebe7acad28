// One value per owner and key, made the first time it is asked for: per-model lookups (a new
// model, made when the cluster changes, starts empty and the old one's entries go with it) and
// sentences every hop of a flow shares.

/** Past this many keys an owner's entries start again (keys that come from user text are unbounded). */
const MAX_KEYS = 10_000;

export function remembered<O extends object, K, V>(
  cache: WeakMap<O, Map<K, V>>,
  owner: O,
  key: K,
  make: () => V,
): V {
  return recall(cache, owner, key) ?? keep(cache, owner, key, make());
}

/**
 * The value kept for `owner` and `key`, or undefined. A caller on a hot path asks this first and
 * makes the value only when it is missing: a `make` closure passed to `remembered` was an object
 * made at every call.
 */
export function recall<O extends object, K, V>(
  cache: WeakMap<O, Map<K, V>>,
  owner: O,
  key: K,
): V | undefined {
  return cache.get(owner)?.get(key);
}

/** Keeps `value` for `owner` and `key` (after `recall` found none); returns it. */
export function keep<O extends object, K, V>(cache: WeakMap<O, Map<K, V>>, owner: O, key: K, value: V): V {
  let byKey = cache.get(owner);
  if (!byKey) {
    byKey = new Map();
    cache.set(owner, byKey);
  }
  if (byKey.size >= MAX_KEYS) byKey.clear();
  byKey.set(key, value);
  return value;
}
