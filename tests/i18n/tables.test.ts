import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.ts';
import { hasHangul } from '../../src/i18n/engine-text.ts';
import { ko } from '../../src/i18n/ko.ts';

// ko.ts is a complete table: every key of en.ts, each value Korean, and each function saying the
// same numbers and names as its English twin.

/** Keys whose Korean is rightly the same letters: names and notations, not words. */
const NOT_WORDS = new Set([
  'appTitle', // the product's name
  'kinds.kube-proxy', // a program's name
  'hopKinds.kube-proxy',
  'hopKinds.conntrack',
  'ingress.className', // an API kind
  'netpol.kind',
  'ingress.tls', // a protocol
  'ingress.url',
  'ingress.statusLine', // HTTP 200 (outcome)
  'fields.ip',
  'fields.resolvConf', // a file name
  'netpol.cellLabel', // names and a verdict given as arguments
  'netpol.probeTitle',
  'folded.times', // ×3
]);

type Leaf = readonly [path: string, value: unknown];

function leaves(table: object, prefix = ''): Leaf[] {
  return Object.entries(table).flatMap(([key, value]): Leaf[] =>
    typeof value === 'object' && value !== null
      ? leaves(value as object, `${prefix}${key}.`)
      : [[`${prefix}${key}`, value]],
  );
}

const SAMPLE_ARGS = [7, 23];
const SAMPLE_TEXT = ['node-1', 'default/web'];
/** Calls a table function with numbers and names suited to its arity and parameter names. */
function call(fn: (...args: never[]) => string, english: string): string {
  const params = /^\(([^)]*)\)/.exec(english)?.[1]?.split(',') ?? [];
  const args = params.map((p, i) =>
    /count|n\b|drawn|total|line|status/.test(p.trim().split(':')[0] ?? '')
      ? (SAMPLE_ARGS[i % 2] ?? 1) + i
      : (SAMPLE_TEXT[i % 2] ?? 'x') + String(i),
  );
  return (fn as (...a: unknown[]) => string)(...args);
}

const numbersIn = (s: string) => (s.match(/\d+/g) ?? []).sort();

describe('ko.ts', () => {
  const enLeaves = new Map(leaves(en));
  const koLeaves = new Map(leaves(ko));

  it('has exactly the keys of en.ts', () => {
    expect([...koLeaves.keys()].sort()).toEqual([...enLeaves.keys()].sort());
  });

  it('gives every key a non-empty Korean value (names and notations listed apart)', () => {
    const missing: string[] = [];
    for (const [path, value] of koLeaves) {
      const english = enLeaves.get(path);
      const text =
        typeof value === 'function'
          ? call(value as (...args: never[]) => string, String(english))
          : String(value);
      expect(text.trim(), path).not.toBe('');
      if (!NOT_WORDS.has(path) && !hasHangul(text)) missing.push(path);
    }
    expect(missing).toEqual([]);
  });

  it('says the same numbers and names as English in every function', () => {
    for (const [path, value] of enLeaves) {
      if (typeof value !== 'function') continue;
      const fn = koLeaves.get(path);
      expect(typeof fn, path).toBe('function');
      const source = String(value);
      const said = call(fn as (...args: never[]) => string, source);
      const english = call(value as (...args: never[]) => string, source);
      expect(numbersIn(said), path).toEqual(numbersIn(english));
      for (const name of SAMPLE_TEXT.flatMap((t, i) => [t + String(i), t + String(i + 2)]))
        expect(said.includes(name), `${path}: ${name}`).toBe(english.includes(name));
    }
  });

  it('keeps the plural of English folded-group words and React Flow labels exact', () => {
    expect(en.folded.podCount(1)).toBe('1 pod');
    expect(en.folded.podCount(7)).toBe('7 pods');
    expect(en.rules.lineCount(1)).toBe('1 line');
    expect(Object.values(en.flowControls).slice(0, 4)).toEqual([
      'Zoom In',
      'Zoom Out',
      'Fit View',
      'Control Panel',
    ]);
    expect(ko.folded.podCount(7)).toBe('파드 7개');
  });
});
