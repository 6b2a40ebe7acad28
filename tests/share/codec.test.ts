import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toBase64url } from '../../src/share/base64url.ts';
import { decodeShare, encodeShare, MAX_FRAGMENT, type ShareErrorCode } from '../../src/share/codec.ts';
import { gzip } from '../../src/share/gzip.ts';
import type { SharePayload } from '../../src/share/payload.ts';

const whale = readFileSync(new URL('../../src/scenarios/whale-hosting.yaml', import.meta.url), 'utf8');

const full: SharePayload = {
  v: 1,
  text: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: 한국어-ü\n',
  seed: 42,
  proxyMode: 'ipvs',
  selection: 'pod/default/web-0',
  lang: 'ko',
  speed: 2,
  viewOnly: true,
};

/** A link whose gzip holds `json` verbatim (any JSON, valid payload or not). */
async function linkOf(json: string): Promise<string> {
  return `s1.${toBase64url(await gzip(new TextEncoder().encode(json)))}`;
}

async function expectError(fragment: string, code: ShareErrorCode): Promise<string> {
  const result = await decodeShare(fragment);
  if (result.ok) throw new Error(`expected ${code}, the link opened`);
  expect(result.error.code).toBe(code);
  expect(result.error.message.length).toBeGreaterThan(20);
  return result.error.message;
}

describe('share links round-trip', () => {
  it('keeps every field', async () => {
    const link = await encodeShare(full);
    expect(link.startsWith('s1.')).toBe(true);
    expect(await decodeShare(`#${link}`)).toEqual({ ok: true, payload: full });
  });

  it('keeps a payload with only the required fields', async () => {
    const minimal: SharePayload = { v: 1, text: '', lang: 'en', speed: 1 };
    expect(await decodeShare(await encodeShare(minimal))).toEqual({ ok: true, payload: minimal });
  });

  it('makes a link under 2,000 characters for the whale scenario', async () => {
    const link = await encodeShare({
      v: 1,
      text: whale,
      lang: 'en',
      speed: 1,
      selection: 'svc/default/whale-svc-a',
    });
    console.log(`whale scenario link: ${link.length + 1} characters (#${link.slice(0, 24)}…)`);
    expect(link.length).toBeLessThan(2000);
    const back = await decodeShare(link);
    expect(back.ok && back.payload.text).toBe(whale);
  });

  it('opens links pasted with trailing punctuation, white space or percent-encoded twice', async () => {
    const link = await encodeShare(full);
    for (const pasted of [`#${link}).`, `${link}>`, ` ${link.slice(0, 40)}\n${link.slice(40)} `]) {
      expect(await decodeShare(pasted)).toEqual({ ok: true, payload: full });
    }
    const twice = encodeURIComponent(encodeURIComponent(`#${link}`));
    expect(twice).toContain('%2523');
    expect(await decodeShare(twice)).toEqual({ ok: true, payload: full });
  });
});

describe('hostile and damaged links', () => {
  it('reports a cut-off link', async () => {
    const link = await encodeShare({ ...full, text: whale });
    for (const cut of [link.length - 10, link.length - 11, link.length - 12, 60, 30]) {
      const message = await expectError(link.slice(0, cut), 'truncated');
      expect(message).toContain('cut off');
    }
    await expectError('s1.', 'truncated');
  });

  it('reports a changed link (the CRC does not match)', async () => {
    const link = await encodeShare({ ...full, text: whale });
    const at = Math.floor(link.length / 2);
    const changed = link.slice(0, at) + (link[at] === 'A' ? 'B' : 'A') + link.slice(at + 1);
    const result = await decodeShare(changed);
    expect(result.ok).toBe(false);
    expect(['corrupt', 'bad-json', 'truncated']).toContain(!result.ok && result.error.code);
  });

  it('reports characters a link never has', async () => {
    await expectError('s1.abc$def', 'bad-characters');
    await expectError('s1.H4sI*AAAAAAAA', 'bad-characters');
  });

  it('reports random bytes that are not gzip', async () => {
    await expectError(`s1.${toBase64url(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9]))}`, 'corrupt');
  });

  it('refuses other versions, naming them', async () => {
    const result = await decodeShare('#s9.xxx');
    expect(!result.ok && result.error).toMatchObject({ code: 'unknown-version', detail: '9' });
    await expectError(await linkOf('{"v":2,"text":"","lang":"en","speed":1}'), 'unknown-version');
  });

  it('refuses an oversized fragment before decoding it', async () => {
    await expectError(`s1.${'A'.repeat(MAX_FRAGMENT)}`, 'too-long');
    await expectError(`s1.${'A'.repeat(MAX_FRAGMENT * 4)}`, 'too-long');
  });

  it('stops inflating a bomb: 50 MB of zeros in a small link', async () => {
    const bomb = await linkOf(`{"v":1,"text":"${'0'.repeat(50 * 1024 * 1024)}","lang":"en","speed":1}`);
    console.log(`bomb link: ${bomb.length} characters for 50 MB`);
    expect(bomb.length).toBeLessThan(MAX_FRAGMENT);
    const message = await expectError(bomb, 'too-large');
    expect(message).toContain('1 MB');
  });

  it('reports content that is not JSON, or not UTF-8', async () => {
    await expectError(await linkOf('{"v":1,"text":'), 'bad-json');
    await expectError(`s1.${toBase64url(await gzip(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])))}`, 'bad-json');
  });

  it('names the field with a wrong type', async () => {
    const cases: [string, string][] = [
      ['[1,2]', '(root)'],
      ['{"text":"","lang":"en","speed":1}', 'v'],
      ['{"v":1,"text":5,"lang":"en","speed":1}', 'text'],
      ['{"v":1,"text":"","lang":"fr","speed":1}', 'lang'],
      ['{"v":1,"text":"","lang":"en","speed":"fast"}', 'speed'],
      ['{"v":1,"text":"","lang":"en","speed":-1}', 'speed'],
      ['{"v":1,"text":"","lang":"en","speed":1,"seed":1.5}', 'seed'],
      ['{"v":1,"text":"","lang":"en","speed":1,"proxyMode":"ebpf"}', 'proxyMode'],
      ['{"v":1,"text":"","lang":"en","speed":1,"selection":{}}', 'selection'],
      ['{"v":1,"text":"","lang":"en","speed":1,"viewOnly":"yes"}', 'viewOnly'],
    ];
    for (const [json, field] of cases) {
      const result = await decodeShare(await linkOf(json));
      expect(!result.ok && result.error).toMatchObject({ code: 'bad-field', detail: field });
    }
  });

  it('says when an address is not a share link at all', async () => {
    await expectError('', 'not-a-link');
    await expectError('#section-2', 'not-a-link');
  });
});
