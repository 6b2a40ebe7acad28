// Which saved text is newest, and what a tab does when another tab saved. Pure: the IndexedDB
// and BroadcastChannel plumbing lives in autosave.ts and tabs.ts.

/** Stamped on every save. `n` counts saves across tabs; `at` and `tab` break ties. */
export interface Revision {
  readonly n: number;
  readonly at: number;
  readonly tab: string;
}

export interface StoredText {
  readonly text: string;
  readonly rev: Revision;
}

/** What a text saved before revisions existed (the old localStorage autosave) counts as. */
export const LEGACY_REVISION: Revision = { n: 0, at: 0, tab: '' };

/** True when `a` was saved after `b` (a missing `b` is older than anything). */
export function isNewer(a: Revision, b: Revision | undefined): boolean {
  if (!b) return true;
  if (a.n !== b.n) return a.n > b.n;
  if (a.at !== b.at) return a.at > b.at;
  return a.tab > b.tab;
}

/** The revision for a save made on top of `base`. */
export function nextRevision(base: Revision | undefined, tab: string, now: number): Revision {
  return { n: (base?.n ?? 0) + 1, at: now, tab };
}

/** Reads a revision back from storage, rejecting anything that is not one. */
export function parseRevision(value: unknown): Revision | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { n, at, tab } = value as Record<string, unknown>;
  if (typeof n !== 'number' || typeof at !== 'number' || typeof tab !== 'string') return undefined;
  return { n, at, tab };
}

export type RemoteDecision = 'ignore' | 'adopt' | 'conflict';

/**
 * Another tab saved `remote`. Older than what this tab builds on: nothing to do. The same text:
 * take its revision quietly. A different text while this tab has unsaved edits: ask the user.
 * A different text while this tab has none: leave the page as it is (never replace what the user
 * sees); the next save finds the newer text in storage and asks then.
 */
export function decideOnRemote(
  remote: StoredText,
  base: Revision | undefined,
  mine: string,
  unsaved: boolean,
): RemoteDecision {
  if (!isNewer(remote.rev, base)) return 'ignore';
  if (remote.text === mine) return 'adopt';
  return unsaved ? 'conflict' : 'ignore';
}

export type StartupDecision = 'keep' | 'use-stored' | 'conflict';

/**
 * At startup the page shows the fast localStorage copy (revision `shown`); IndexedDB answers later
 * with `stored`. Take the stored text only when it is newer and the user has not typed since.
 */
export function decideOnStartup(
  stored: StoredText | undefined,
  shown: Revision | undefined,
  current: string,
  typedSinceStart: boolean,
): StartupDecision {
  if (!stored || stored.text === current || !isNewer(stored.rev, shown)) return 'keep';
  return typedSinceStart ? 'conflict' : 'use-stored';
}
