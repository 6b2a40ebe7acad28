// base64url (RFC 4648 §5, no padding) for share links: strict on the way in, so a changed
// character is reported rather than silently read as something else.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const VALUE = new Map(Array.from(ALPHABET, (c, i) => [c, i]));

export function toBase64url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] ?? 0;
    const b = bytes[i + 1] ?? 0;
    const c = bytes[i + 2] ?? 0;
    const n = (a << 16) | (b << 8) | c;
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let k = 0; k < chars; k++) out += ALPHABET.charAt((n >> (18 - 6 * k)) & 63);
  }
  return out;
}

export type Base64Result =
  | { readonly ok: true; readonly bytes: Uint8Array }
  | { readonly ok: false; readonly reason: 'bad-character' | 'bad-length'; readonly at?: number };

export function fromBase64url(text: string): Base64Result {
  for (let i = 0; i < text.length; i++)
    if (!VALUE.has(text.charAt(i))) return { ok: false, reason: 'bad-character', at: i };
  // One leftover character holds only 6 bits: no byte ends there, so the text was cut.
  if (text.length % 4 === 1) return { ok: false, reason: 'bad-length' };
  const bytes = new Uint8Array(Math.floor((text.length * 6) / 8));
  let bits = 0;
  let acc = 0;
  let o = 0;
  for (let i = 0; i < text.length; i++) {
    const v = VALUE.get(text.charAt(i)) ?? 0;
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[o++] = (acc >> bits) & 0xff;
    }
  }
  return { ok: true, bytes };
}
