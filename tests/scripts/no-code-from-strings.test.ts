// Untrusted text (names, labels, annotations) must never become code or markup: our own
// sources may not use eval, new Function, string timers or dangerouslySetInnerHTML.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cspPolicy } from '../../scripts/csp.ts';

const root = join(import.meta.dirname, '../..');

const FORBIDDEN: readonly (readonly [string, RegExp])[] = [
  ['eval', /\beval\s*\(/],
  ['new Function', /\bnew\s+Function\s*\(/],
  ['dangerouslySetInnerHTML', /dangerouslySetInnerHTML/],
  ['innerHTML assignment', /\.(inner|outer)HTML\s*=/],
  ['string timer', /\bset(Timeout|Interval)\s*\(\s*['"`]/],
];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.(ts|tsx|js|mjs)$/.test(entry.name) ? [path] : [];
  });
}

/** Every `file:line: what` where a forbidden construct occurs in `text`. */
export function findForbidden(file: string, text: string): string[] {
  return text
    .split('\n')
    .flatMap((line, i) =>
      FORBIDDEN.filter(([, pattern]) => pattern.test(line)).map(([what]) => `${file}:${i + 1}: ${what}`),
    );
}

describe('no code from strings', () => {
  it('the detector finds each forbidden construct', () => {
    const sample = [
      'eval(x)',
      'const f = new Function("a", b);',
      '<div dangerouslySetInnerHTML={{ __html: s }} />',
      'el.innerHTML = name;',
      "setTimeout('go()', 1)",
    ].join('\n');
    expect(findForbidden('sample.ts', sample)).toEqual([
      'sample.ts:1: eval',
      'sample.ts:2: new Function',
      'sample.ts:3: dangerouslySetInnerHTML',
      'sample.ts:4: innerHTML assignment',
      'sample.ts:5: string timer',
    ]);
    expect(findForbidden('ok.ts', 'const evaluate = () => medieval(x); setTimeout(run, 1);')).toEqual([]);
  });

  it('src/ and scripts/ use none of them', () => {
    const found = ['src', 'scripts'].flatMap((dir) =>
      sources(join(root, dir)).flatMap((file) =>
        findForbidden(relative(root, file), readFileSync(file, 'utf8')),
      ),
    );
    expect(found).toEqual([]);
  });

  it('the page policy never allows eval or inline scripts', () => {
    const policy = cspPolicy();
    expect(policy).not.toContain('unsafe-eval');
    expect(policy).toMatch(/script-src 'self'(;|$)/);
    expect(policy).toContain("object-src 'none'");
  });
});
