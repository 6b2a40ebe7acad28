// Keeps what the user typed across reloads. Storage may be missing or full (private mode):
// saving then fails quietly here and the caller shows a banner.

const KEY = 'podwire.autosave.v1';

export function loadAutosave(): string | undefined {
  try {
    return globalThis.localStorage?.getItem(KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

/** Returns false when the text could not be stored. */
export function saveAutosave(text: string): boolean {
  try {
    globalThis.localStorage.setItem(KEY, text);
    return true;
  } catch {
    return false;
  }
}
