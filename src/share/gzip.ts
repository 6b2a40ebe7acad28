// gzip through the platform's CompressionStream (browsers and Node 20). Inflating reads the
// output as a stream and stops at a cap, so a small link cannot expand into gigabytes.
// gzip rather than deflate-raw: its CRC-32 and length trailer catch a changed or cut link.

import { platform, type ByteReader } from './platform.ts';

type Drained =
  { readonly ok: true; readonly bytes: Uint8Array } | { readonly ok: false; readonly error: unknown };

/** Reads `reader` to its end; `undefined` once more than `cap` bytes came (the stream is cancelled). */
async function drain(reader: ByteReader, cap: number): Promise<Drained | undefined> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done || !value) break;
      total += value.byteLength;
      if (total > cap) {
        await reader.cancel().catch(() => undefined);
        return undefined;
      }
      chunks.push(value);
    }
  } catch (error) {
    return { ok: false, error };
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  return { ok: true, bytes };
}

function pipe(stream: InstanceType<typeof platform.CompressionStream>, bytes: Uint8Array): ByteReader {
  const writer = stream.writable.getWriter();
  // The write side's promises reject with the same error the reader sees; it is handled there.
  writer.write(bytes).catch(() => undefined);
  writer.close().catch(() => undefined);
  return stream.readable.getReader();
}

export async function gzip(bytes: Uint8Array): Promise<Uint8Array> {
  const out = await drain(pipe(new platform.CompressionStream('gzip'), bytes), Number.POSITIVE_INFINITY);
  if (!out?.ok) throw new Error('gzip failed');
  return out.bytes;
}

export type InflateResult =
  | { readonly ok: true; readonly bytes: Uint8Array }
  | { readonly ok: false; readonly reason: 'too-large' | 'truncated' | 'corrupt' };

/** Inflates `bytes`, giving up (and cancelling the stream) once the output passes `cap` bytes. */
export async function gunzip(bytes: Uint8Array, cap: number): Promise<InflateResult> {
  const out = await drain(pipe(new platform.DecompressionStream('gzip'), bytes), cap);
  if (out === undefined) return { ok: false, reason: 'too-large' };
  if (out.ok) return out;
  // Chromium: "Compressed input was truncated."; Node (zlib): "unexpected end of file".
  const message = out.error instanceof Error ? out.error.message : String(out.error);
  return { ok: false, reason: /truncat|unexpected end/i.test(message) ? 'truncated' : 'corrupt' };
}
