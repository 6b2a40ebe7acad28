// The few platform APIs the codec uses (browsers and Node 20 have them all). Declared here because
// src/share compiles like the engine, without the DOM library.

export interface ByteReader {
  read(): Promise<{ readonly done: boolean; readonly value?: Uint8Array }>;
  cancel(): Promise<void>;
}

interface ByteTransform {
  readonly writable: { getWriter(): { write(chunk: Uint8Array): Promise<void>; close(): Promise<void> } };
  readonly readable: { getReader(): ByteReader };
}

interface Platform {
  readonly CompressionStream: new (format: 'gzip') => ByteTransform;
  readonly DecompressionStream: new (format: 'gzip') => ByteTransform;
  readonly TextEncoder: new () => { encode(text: string): Uint8Array };
  readonly TextDecoder: new (
    label: 'utf-8',
    options: { fatal: boolean },
  ) => { decode(bytes: Uint8Array): string };
}

export const platform = globalThis as unknown as Platform;
