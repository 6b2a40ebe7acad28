import { describe, expect, it } from 'vitest';
import { addVersion, makeVersion, sortVersions, summarize, type Version } from '../../src/state/versions.ts';

const deployment =
  'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  labels: {app: web}\nspec: {}\n';
const service = 'apiVersion: v1\nkind: Service\nmetadata:\n  namespace: shop\n  name: "api"\n';

function versionsOf(texts: readonly string[]): Version[] {
  // Oldest first in, so the newest ends first.
  return texts.reduce<Version[]>(
    (list, text, i) => addVersion(list, makeVersion(text, i, 'pause', `v${i}`)),
    [],
  );
}

describe('summarize (one line per version)', () => {
  it('names the first objects by kind and metadata.name', () => {
    expect(summarize(`${deployment}---\n${service}`)).toBe('Deployment web, Service api');
  });

  it('says how many more objects there are past the first three', () => {
    const text = [deployment, service, deployment, service, service].join('---\n');
    expect(summarize(text)).toBe('Deployment web, Service api, Deployment web +2');
  });

  it('falls back to the first non-empty line, clipped', () => {
    expect(summarize('\n\n  just some words\nmore')).toBe('just some words');
    const long = 'x'.repeat(300);
    expect(summarize(long)).toHaveLength(100);
    expect(summarize(long).endsWith('…')).toBe(true);
  });

  it('gives a kind without a name when metadata has none', () => {
    expect(summarize('kind: Namespace\nspec: {}\n')).toBe('Namespace');
  });
});

describe('addVersion (the history list and its caps)', () => {
  it('keeps the newest first with time, size and summary', () => {
    const list = versionsOf(['a: 1', deployment]);
    expect(list.map((v) => v.id)).toEqual(['v1', 'v0']);
    expect(list[0]).toMatchObject({ at: 1, size: deployment.length, summary: 'Deployment web' });
  });

  it('keeps distinct versions: a text recorded again moves up instead of twice', () => {
    const list = versionsOf(['a', 'b', 'a']);
    expect(list.map((v) => v.text)).toEqual(['a', 'b']);
    expect(list[0]?.id).toBe('v2');
  });

  it('keeps at most `count` versions, dropping the oldest', () => {
    const texts = Array.from({ length: 35 }, (_, i) => `t${i}`);
    const list = versionsOf(texts);
    expect(list).toHaveLength(30);
    expect(list[0]?.text).toBe('t34');
    expect(list.at(-1)?.text).toBe('t5');
  });

  it('drops the oldest until the total size fits the cap', () => {
    const caps = { count: 30, chars: 25 };
    let list: Version[] = [];
    for (const [i, text] of ['a'.repeat(10), 'b'.repeat(10), 'c'.repeat(10)].entries()) {
      list = addVersion(list, makeVersion(text, i, 'pause', `v${i}`), caps);
    }
    expect(list.map((v) => v.text[0])).toEqual(['c', 'b']);
  });

  it('always keeps the newest, even alone over the cap', () => {
    const list = addVersion(versionsOf(['a']), makeVersion('z'.repeat(50), 9, 'pause', 'big'), {
      count: 30,
      chars: 10,
    });
    expect(list.map((v) => v.id)).toEqual(['big']);
  });

  it('sortVersions puts storage order back to newest first', () => {
    const list = versionsOf(['a', 'b', 'c']);
    expect(sortVersions([...list].reverse()).map((v) => v.id)).toEqual(['v2', 'v1', 'v0']);
  });
});
