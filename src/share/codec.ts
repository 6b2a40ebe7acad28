// The share link codec: `#s1.<base64url(gzip(JSON))>`. The prefix names the format's version and
// each version keeps its decoder, so links made today still open after the format moves on.
// Decoding never throws: every failure is a `ShareError` with a code the UI words and a message.

import { fromBase64url, toBase64url } from './base64url.ts';
import { gunzip, gzip } from './gzip.ts';
import { platform } from './platform.ts';
import { readPayloadV1, type SharePayload } from './payload.ts';

/** Longest fragment read at all (characters, after cleaning); longer ones are refused unread. */
export const MAX_FRAGMENT = 512 * 1024;
/** Most bytes of JSON a link may inflate to. */
export const MAX_INFLATED = 1024 * 1024;
/** Longer links are not offered (chat apps and static hosts cut or refuse them). */
export const MAX_LINK = 8000;

export type ShareErrorCode =
  | 'not-a-link'
  | 'too-long'
  | 'unknown-version'
  | 'bad-characters'
  | 'truncated'
  | 'corrupt'
  | 'too-large'
  | 'bad-json'
  | 'bad-field';

export interface ShareError {
  readonly code: ShareErrorCode;
  /** In English, for logs and the CLI; the app words each code in the user's language. */
  readonly message: string;
  /** `unknown-version`: the link's version; `bad-field`: the field. */
  readonly detail?: string;
}

export type DecodeResult =
  { readonly ok: true; readonly payload: SharePayload } | { readonly ok: false; readonly error: ShareError };

const MESSAGES: Record<ShareErrorCode, string> = {
  'not-a-link': 'This address does not hold a Podwire scenario.',
  'too-long': 'This link is too long to be a Podwire link.',
  'unknown-version': 'This link was made by another version of Podwire, which this one cannot read.',
  'bad-characters': 'This link is damaged: it holds characters a Podwire link never has.',
  truncated: 'This link is damaged: it was cut off or changed (the data ends too early).',
  corrupt: 'This link is damaged: its data was changed on the way (the check does not match).',
  'too-large': 'This link unpacks to more than 1 MB of text: Podwire does not open it.',
  'bad-json': 'This link is damaged: its content is not a readable scenario.',
  'bad-field': 'This link is damaged: one of its settings has a wrong value.',
};

function fail(code: ShareErrorCode, detail?: string): DecodeResult {
  return { ok: false, error: { code, message: MESSAGES[code], ...(detail !== undefined ? { detail } : {}) } };
}

/** The fragment for `payload`, without the leading `#`. */
export async function encodeShare(payload: SharePayload): Promise<string> {
  const json = new platform.TextEncoder().encode(JSON.stringify(payload));
  return `s1.${toBase64url(await gzip(json))}`;
}

/**
 * The fragment as typed or pasted, cleaned: the `#`, percent-encoding applied once or twice by
 * a mail or chat app, white space from line wrapping, and trailing punctuation (`).`, `>`).
 */
export function cleanFragment(fragment: string): string {
  let text = fragment;
  for (let i = 0; i < 3 && /%[0-9a-f]{2}/i.test(text); i++) {
    try {
      text = decodeURIComponent(text);
    } catch {
      break;
    }
  }
  return text
    .replace(/\s+/g, '')
    .replace(/^#/, '')
    .replace(/[^A-Za-z0-9_-]+$/, '');
}

async function decodeV1(body: string): Promise<DecodeResult> {
  const raw = fromBase64url(body);
  if (!raw.ok) return raw.reason === 'bad-length' ? fail('truncated') : fail('bad-characters');
  if (raw.bytes.length === 0) return fail('truncated');
  const inflated = await gunzip(raw.bytes, MAX_INFLATED);
  if (!inflated.ok) return fail(inflated.reason);
  let parsed: unknown;
  try {
    parsed = JSON.parse(new platform.TextDecoder('utf-8', { fatal: true }).decode(inflated.bytes));
  } catch {
    return fail('bad-json');
  }
  if (typeof parsed === 'object' && parsed !== null && 'v' in parsed && parsed.v !== 1)
    return fail('unknown-version', String(parsed.v).slice(0, 20));
  const checked = readPayloadV1(parsed);
  return checked.ok ? { ok: true, payload: checked.payload } : fail('bad-field', checked.field);
}

const DECODERS: Readonly<Record<string, (body: string) => Promise<DecodeResult>>> = { '1': decodeV1 };

/** Reads a fragment (`#s1.…`, cleaned first); `not-a-link` when it is not a share link at all. */
export async function decodeShare(fragment: string): Promise<DecodeResult> {
  try {
    // Cleaning a huge string is work too: refuse what cannot be a link before touching it.
    if (fragment.length > MAX_FRAGMENT * 3) return fail('too-long');
    const text = cleanFragment(fragment);
    const head = /^s(\d{1,6})(?:\.|$)/.exec(text);
    if (!head) return fail('not-a-link');
    if (text.length > MAX_FRAGMENT) return fail('too-long');
    const version = head[1] ?? '';
    const decoder = DECODERS[String(Number(version))];
    if (!decoder) return fail('unknown-version', version);
    return await decoder(text.slice(head[0].length));
  } catch {
    // Nothing above should throw; if a platform call does, the link is still only "damaged".
    return fail('corrupt');
  }
}
