// Text-level preparation: what kubectl tolerates before YAML parsing even starts
// (a UTF-8 BOM, CRLF or lone CR line ends), and the caps that keep parsing bounded.

/** Texts above this are refused before parsing: a parse this large would stall the worker. */
export const MAX_TEXT_BYTES = 8 * 1024 * 1024;

export interface PreparedText {
  /** BOM removed, every line end turned into `\n`; line and column numbers are unchanged. */
  readonly text: string;
  readonly hadBom: boolean;
}

export function prepareText(raw: string): PreparedText {
  const hadBom = raw.charCodeAt(0) === 0xfeff;
  const body = hadBom ? raw.slice(1) : raw;
  return { text: body.includes('\r') ? body.replace(/\r\n?/g, '\n') : body, hadBom };
}

/** UTF-8 byte length without allocating an encoder (the engine has no TextEncoder guarantee). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Why a text is not a manifest at all (binary data, UTF-16), or undefined when it may be. */
export function detectBinary(text: string): string | undefined {
  const sample = text.slice(0, 4096);
  if (sample.startsWith('\u0089PNG') || sample.startsWith('\uFFFDPNG'))
    return 'this looks like a PNG image, not YAML';
  let nul = 0;
  let replacement = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0) nul++;
    else if (c === 0xfffd) replacement++;
  }
  if (nul > 0 && nul * 4 >= sample.length) return 'this looks like UTF-16 text; save it as UTF-8';
  if (nul > 0) return 'the text contains NUL bytes: binary data, not YAML';
  if (replacement * 20 > sample.length && replacement > 8) return 'the text is not valid UTF-8';
  return undefined;
}
