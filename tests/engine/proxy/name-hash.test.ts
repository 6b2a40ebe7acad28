// The memoized chain-name hash: the same 16 characters as encoding the whole digest, for ASCII
// names (the fast path) and for any other UTF-8 text.
import { describe, expect, it } from 'vitest';
import { nameHash } from '../../../src/engine/proxy/name-hash.ts';
import { base32, hex, sha256, utf8Bytes } from '../../../src/engine/proxy/sha256.ts';

describe('nameHash', () => {
  it('is the first 16 base32 characters of sha256, asked once or twice', () => {
    for (const text of ['ns1/svc1:p80tcp', 'ns/ünïcode:p80tcp', '', 'x'.repeat(300)]) {
      const whole = base32(sha256(utf8Bytes(text))).slice(0, 16);
      expect(nameHash(text)).toBe(whole);
      expect(nameHash(text)).toBe(whole);
    }
  });
  it('encodes non-ASCII text as UTF-8, as Go hashes a string', () => {
    expect([...utf8Bytes('é€😀')]).toEqual([0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80]);
    // `printf é | sha256sum`
    expect(hex(sha256(utf8Bytes('é')))).toBe(
      '4a99557e4033c3539de2eb65472017cad5f9557f7a0625a09f1c3f6e2ba69c4c',
    );
  });
});
