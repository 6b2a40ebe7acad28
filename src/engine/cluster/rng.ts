// Seeded randomness for the cluster stage (the engine never calls Math.random): FNV-1a to turn
// an identity into a seed, mulberry32 as the generator. Same seed + identity → same sequence.

/** FNV-1a, 32 bits, over UTF-16 code units; also the hash kube's ComputeHash uses (FNV-32a). */
export function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // Hash the code unit as UTF-8 bytes for ASCII and as two bytes otherwise; stable either way.
    if (code < 0x80) hash = Math.imul(hash ^ code, 0x01000193);
    else {
      hash = Math.imul(hash ^ (code >>> 8), 0x01000193);
      hash = Math.imul(hash ^ (code & 0xff), 0x01000193);
    }
  }
  return hash >>> 0;
}

/** A generator of uint32 values. */
export type Rng = () => number;

/** mulberry32: small, fast, good enough for names and port picks. */
export function mulberry32(seed: number): Rng {
  // The state is kept as an int32 (the same bits): a uint32 past 2^31 is a new heap number at each draw.
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    return mulberry32Output(state);
  };
}

/** mulberry32's output for the state it has just moved to (a uint32). */
function mulberry32Output(state: number): number {
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return (t ^ (t >>> 14)) >>> 0;
}

/** mulberry32 scaled to a uniform number in [0, 1): `mulberry32(seed)() / 2^32`, one closure. */
export function uniform(seed: number): () => number {
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    return mulberry32Output(state) / 4294967296;
  };
}

/** A generator private to one object, so editing one object never changes another's draws. */
export function rngFor(seed: number, identity: string): Rng {
  return mulberry32(fnv1a32(`${seed}\u0000${identity}`));
}

/** A uniform integer in [0, n). */
export function pick(rng: Rng, n: number): number {
  return n <= 0 ? 0 : rng() % n;
}
