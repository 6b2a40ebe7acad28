// A linear pre-scan that refuses absurd nesting before the YAML parser sees it: the parser
// recurses per level, and 5,000 nested brackets would exhaust the stack.

import { MAX_NESTING } from './json-value.ts';

export interface TooDeep {
  readonly line: number;
  readonly depth: number;
}

/** The first line where flow brackets or block indentation nest deeper than MAX_NESTING. */
export function findExcessiveNesting(text: string, limit = MAX_NESTING): TooDeep | undefined {
  let line = 1;
  let flow = 0;
  const indents: number[] = [];
  let atLineStart = true;
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') {
      line++;
      atLineStart = true;
      if (quote === "'" || quote === '"') continue;
      continue;
    }
    if (atLineStart) {
      atLineStart = false;
      let indent = 0;
      while (text[i + indent] === ' ') indent++;
      const next = text[i + indent];
      if (flow === 0 && quote === undefined && next !== '\n' && next !== '#' && next !== undefined) {
        while (indents.length > 0 && (indents.at(-1) ?? 0) > indent) indents.pop();
        if (indents.length === 0 || (indents.at(-1) ?? 0) < indent) indents.push(indent);
        if (indents.length > limit) return { line, depth: indents.length };
      }
      i += indent - 1;
      continue;
    }
    if (quote !== undefined) {
      if (c === quote) quote = undefined;
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (text[i - 1] === ' ' || text[i - 1] === '\n')) {
      const end = text.indexOf('\n', i);
      i = (end === -1 ? text.length : end) - 1;
    } else if (c === '[' || c === '{') {
      if (++flow > limit) return { line, depth: flow };
    } else if ((c === ']' || c === '}') && flow > 0) flow--;
  }
  return undefined;
}

/** Counts `*name` alias tokens (a cheap over-estimate: quoted text is not excluded), up to `stop`+1. */
export function countAliasTokens(text: string, stop: number): number {
  let count = 0;
  for (let i = text.indexOf('*'); i !== -1 && count <= stop; i = text.indexOf('*', i + 1)) {
    const before = i === 0 ? ' ' : text[i - 1];
    const after = text[i + 1] ?? ' ';
    if (
      (before === ' ' || before === '\n' || before === '[' || before === '{' || before === ',') &&
      /[^\s,[\]{}]/.test(after)
    )
      count++;
  }
  return count;
}
