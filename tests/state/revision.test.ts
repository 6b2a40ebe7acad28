import { describe, expect, it } from 'vitest';
import {
  decideOnRemote,
  decideOnStartup,
  isNewer,
  LEGACY_REVISION,
  nextRevision,
  parseRevision,
} from '../../src/state/revision.ts';

const r = (n: number, at = 0, tab = 'a') => ({ n, at, tab });

describe('revisions', () => {
  it('orders by save count, then time, then tab id', () => {
    expect(isNewer(r(2), r(1, 99))).toBe(true);
    expect(isNewer(r(1, 5), r(1, 4))).toBe(true);
    expect(isNewer(r(1, 5, 'b'), r(1, 5, 'a'))).toBe(true);
    expect(isNewer(r(1, 5, 'a'), r(1, 5, 'a'))).toBe(false);
    expect(isNewer(r(1), r(2))).toBe(false);
    expect(isNewer(LEGACY_REVISION, undefined)).toBe(true);
  });

  it('a save on top of a base counts one past it', () => {
    expect(nextRevision(r(4), 'me', 123)).toEqual({ n: 5, at: 123, tab: 'me' });
    expect(nextRevision(undefined, 'me', 1).n).toBe(1);
    expect(isNewer(nextRevision(LEGACY_REVISION, 'x', 0), LEGACY_REVISION)).toBe(true);
  });

  it('parseRevision rejects what is not a revision', () => {
    expect(parseRevision({ n: 1, at: 2, tab: 't' })).toEqual({ n: 1, at: 2, tab: 't' });
    expect(parseRevision({ n: '1', at: 2, tab: 't' })).toBeUndefined();
    expect(parseRevision(null)).toBeUndefined();
    expect(parseRevision('x')).toBeUndefined();
  });
});

describe('decideOnRemote (another tab saved)', () => {
  it('ignores a save not newer than what this tab builds on', () => {
    expect(decideOnRemote({ text: 'theirs', rev: r(3) }, r(3), 'mine', true)).toBe('ignore');
    expect(decideOnRemote({ text: 'theirs', rev: r(2) }, r(3), 'mine', true)).toBe('ignore');
  });

  it('takes only the revision when the text is the same', () => {
    expect(decideOnRemote({ text: 'same', rev: r(4) }, r(3), 'same', true)).toBe('adopt');
    expect(decideOnRemote({ text: 'same', rev: r(4) }, r(3), 'same', false)).toBe('adopt');
  });

  it('asks when a newer, different save meets unsaved edits', () => {
    expect(decideOnRemote({ text: 'theirs', rev: r(4) }, r(3), 'mine', true)).toBe('conflict');
    expect(decideOnRemote({ text: 'theirs', rev: r(1) }, undefined, 'mine', true)).toBe('conflict');
  });

  it('never replaces the shown text of a tab without edits (its next save asks)', () => {
    expect(decideOnRemote({ text: 'theirs', rev: r(4) }, r(3), 'mine', false)).toBe('ignore');
  });
});

describe('decideOnStartup (IndexedDB answers after the first paint)', () => {
  it('keeps the shown text when storage has nothing, the same text, or an older one', () => {
    expect(decideOnStartup(undefined, r(1), 'shown', false)).toBe('keep');
    expect(decideOnStartup({ text: 'shown', rev: r(5) }, r(1), 'shown', false)).toBe('keep');
    expect(decideOnStartup({ text: 'old', rev: r(1) }, r(2), 'shown', false)).toBe('keep');
  });

  it('uses the stored text when it is newer and the user has not typed', () => {
    expect(decideOnStartup({ text: 'newer', rev: r(3) }, r(2), 'shown', false)).toBe('use-stored');
    expect(decideOnStartup({ text: 'newer', rev: r(1) }, undefined, 'default', false)).toBe('use-stored');
  });

  it('never replaces what the user already typed: asks instead', () => {
    expect(decideOnStartup({ text: 'newer', rev: r(3) }, r(2), 'typed', true)).toBe('conflict');
  });
});
