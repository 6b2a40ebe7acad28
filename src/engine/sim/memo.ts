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
  let byKey = cache.get(owner);
  if (!byKey) {
    byKey = new Map();
    cache.set(owner, byKey);
  }
  let found = byKey.get(key);
  if (found === undefined) {
    found = make();
    if (byKey.size >= MAX_KEYS) byKey.clear();
    byKey.set(key, found);
  }
  return found;
}
