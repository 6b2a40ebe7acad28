// Splits a text into its YAML documents at `---` lines, so documents can be parsed (and cached)
// one by one. A `---` at the start of a line always starts a document in YAML, even inside a
// block scalar, so the split never cuts through a value.

import type { Diagnostic, ManifestObject, SourceRange } from './types.ts';

export interface Chunk {
  readonly text: string;
  /** Lines before this chunk in the whole text. */
  readonly lineOffset: number;
}

const MARKER = /^---(?=[ \t\n]|$)/gm;

export function splitDocuments(text: string): Chunk[] {
  // Directives (%YAML, %TAG) belong to the document after them: keep such texts whole.
  if (/^%/m.test(text)) return [{ text, lineOffset: 0 }];
  const starts = [0];
  for (const m of text.matchAll(MARKER)) if (m.index > 0) starts.push(m.index);
  const chunks: Chunk[] = [];
  let lineOffset = 0;
  for (let i = 0; i < starts.length; i++) {
    const piece = text.slice(starts[i], starts[i + 1] ?? text.length);
    chunks.push({ text: piece, lineOffset });
    for (let j = piece.indexOf('\n'); j !== -1; j = piece.indexOf('\n', j + 1)) lineOffset++;
  }
  return chunks;
}

function shiftRange(range: SourceRange, lines: number): SourceRange {
  if (lines === 0) return range;
  return {
    start: { line: range.start.line + lines, column: range.start.column },
    end: { line: range.end.line + lines, column: range.end.column },
  };
}

/** Line numbers inside messages (`yaml: line N:`) move with the range. */
function shiftMessage(message: string, lines: number): string {
  return lines === 0
    ? message
    : message.replace(/\byaml: line (\d+):/, (_, n: string) => `yaml: line ${Number(n) + lines}:`);
}

export function shiftDiagnostic(d: Diagnostic, lines: number): Diagnostic {
  if (lines === 0) return d;
  return { ...d, message: shiftMessage(d.message, lines), range: shiftRange(d.range, lines) };
}

export function shiftObject(o: ManifestObject, lines: number, index: number): ManifestObject {
  if (lines === 0 && o.index === index) return o;
  return {
    ...o,
    index,
    range: shiftRange(o.range, lines),
    locate: (path) => shiftRange(o.locate(path), lines),
  };
}
