import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeShare, encodeShare } from '../../src/share/codec.ts';
import { SHARE_LANGS, SHARE_PROXY_MODES, type SharePayload } from '../../src/share/payload.ts';

const payload: fc.Arbitrary<SharePayload> = fc.record(
  {
    v: fc.constant(1 as const),
    text: fc.string({ unit: 'grapheme', maxLength: 300 }),
    seed: fc.nat(),
    proxyMode: fc.constantFrom(...SHARE_PROXY_MODES),
    selection: fc.string({ maxLength: 60 }),
    lang: fc.constantFrom(...SHARE_LANGS),
    speed: fc.constantFrom(0.25, 0.5, 1, 2, 4, 8),
    viewOnly: fc.boolean(),
  },
  { requiredKeys: ['v', 'text', 'lang', 'speed'] },
);

/** Decodes without throwing and answers ok or a known error. */
async function decodesSafely(fragment: string): Promise<void> {
  const result = await decodeShare(fragment);
  if (result.ok) expect(typeof result.payload.text).toBe('string');
  else expect(result.error.message).toMatch(/\S/);
}

describe('share codec properties', () => {
  it('decode(encode(p)) is p', async () => {
    await fc.assert(
      fc.asyncProperty(payload, async (p) => {
        expect(await decodeShare(await encodeShare(p))).toEqual({ ok: true, payload: p });
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it('never throws on random strings', async () => {
    const fragment = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.string({ maxLength: 200 }).map((s) => `s1.${s}`),
      fc.base64String({ maxLength: 200 }).map((s) => `#s1.${s.replaceAll('+', '-').replaceAll('/', '_')}`),
    );
    await fc.assert(fc.asyncProperty(fragment, decodesSafely), { numRuns: 3000, seed: 11 });
  });

  it('never throws on mutated valid links', async () => {
    const link = fc.tuple(payload, fc.nat(), fc.nat(), fc.string({ maxLength: 4 }));
    await fc.assert(
      fc.asyncProperty(link, async ([p, at, cut, insert]) => {
        const valid = await encodeShare(p);
        const i = at % valid.length;
        await decodesSafely(valid.slice(0, i) + insert + valid.slice(i + 1));
        await decodesSafely(valid.slice(0, cut % valid.length));
      }),
      { numRuns: 1500, seed: 13 },
    );
  });
});
