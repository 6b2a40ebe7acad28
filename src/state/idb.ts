// The thin IndexedDB layer: database `podwire`, store `current` (one record, the saved text and
// its revision) and store `history` (versions by id). No decisions here; callers decide.
import { isNewer, parseRevision, type Revision, type StoredText } from './revision.ts';
import type { Version } from './versions.ts';

const DB_NAME = 'podwire';
const DB_VERSION = 1;
const CURRENT = 'current';
const HISTORY = 'history';
const CURRENT_KEY = 'text';

let opening: Promise<IDBDatabase> | undefined;

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
  });
}

/** Opens the database once; rejects when IndexedDB is missing, blocked or refuses. */
export function openDb(): Promise<IDBDatabase> {
  opening ??= new Promise<IDBDatabase>((resolve, reject) => {
    const idb = globalThis.indexedDB as IDBFactory | undefined;
    if (!idb) throw new Error('IndexedDB is not available');
    const req = idb.open(DB_NAME, DB_VERSION);
    req.onupgradeneeded = () => {
      req.result.createObjectStore(CURRENT);
      req.result.createObjectStore(HISTORY, { keyPath: 'id' });
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB open failed'));
    req.onblocked = () => reject(new Error('IndexedDB open blocked'));
  });
  opening.catch(() => (opening = undefined));
  return opening;
}

function toStored(value: unknown): StoredText | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { text, rev } = value as Record<string, unknown>;
  const revision = parseRevision(rev);
  return typeof text === 'string' && revision ? { text, rev: revision } : undefined;
}

export async function readCurrent(): Promise<StoredText | undefined> {
  const db = await openDb();
  return toStored(await request(db.transaction(CURRENT).objectStore(CURRENT).get(CURRENT_KEY)));
}

export type WriteResult = { readonly ok: true } | { readonly ok: false; readonly theirs: StoredText };

/**
 * Writes `next` unless the stored text is newer than `base` and different (another tab saved):
 * then nothing is written and their text comes back. Read and write share one transaction.
 */
export async function writeCurrent(next: StoredText, base: Revision | undefined): Promise<WriteResult> {
  const db = await openDb();
  const tx = db.transaction(CURRENT, 'readwrite');
  const store = tx.objectStore(CURRENT);
  const theirs = toStored(await request(store.get(CURRENT_KEY)));
  if (theirs && theirs.text !== next.text && isNewer(theirs.rev, base)) {
    tx.abort();
    return { ok: false, theirs };
  }
  try {
    store.put(next, CURRENT_KEY);
  } catch (error) {
    tx.abort();
    throw error;
  }
  await done(tx);
  return { ok: true };
}

export async function readHistory(): Promise<Version[]> {
  const db = await openDb();
  const all = await request(db.transaction(HISTORY).objectStore(HISTORY).getAll());
  return all as Version[];
}

/**
 * Brings the stored history to `compute(stored)` in one transaction, so two tabs recording at
 * once do not drop each other's versions.
 */
export async function updateHistory(compute: (stored: readonly Version[]) => Version[]): Promise<Version[]> {
  const db = await openDb();
  const tx = db.transaction(HISTORY, 'readwrite');
  const store = tx.objectStore(HISTORY);
  const stored = (await request(store.getAll())) as Version[];
  const next = compute(stored);
  const keep = new Set(next.map((v) => v.id));
  const had = new Set(stored.map((v) => v.id));
  try {
    for (const v of stored) if (!keep.has(v.id)) store.delete(v.id);
    for (const v of next) if (!had.has(v.id)) store.put(v);
  } catch (error) {
    // A put refused outright (quota): drop the deletes too rather than lose old versions.
    tx.abort();
    throw error;
  }
  await done(tx);
  return next;
}
