// Mirrors apiserver's names.SimpleNameGenerator (generateName `<service>-` + 5 random characters)
// and endpointslice's getEndpointSlicePrefix, made deterministic: the suffix is a hash, not random.

/** utilrand.String's alphabet: no vowels, no look-alike digits, so no words. */
const ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';
/** validation.DNS1123SubdomainMaxLength 253 for the object, but generateName keeps 63 - 5. */
const MAX_GENERATED_NAME_LENGTH = 58;

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** `<base>-xxxxx`, stable for (namespace, base, ordinal); ordinal tells a Service's slices apart. */
export function endpointSliceName(namespace: string, base: string, ordinal: number): string {
  let prefix = `${base}-`;
  if (prefix.length > MAX_GENERATED_NAME_LENGTH) prefix = prefix.slice(0, MAX_GENERATED_NAME_LENGTH);
  let hash = fnv1a(`${namespace}/${base}#${String(ordinal)}`);
  let suffix = '';
  for (let i = 0; i < 5; i++) {
    suffix += ALPHANUMS.charAt(hash % ALPHANUMS.length);
    hash = Math.floor(hash / ALPHANUMS.length);
  }
  return prefix + suffix;
}
