// Finds where a field path is written in the YAML syntax tree, so every diagnostic points at
// the offending key or value. Aliases and merge keys (`<<`) are followed the way they resolve.

import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node } from 'yaml';
import type { LineIndex } from './line-index.ts';
import type { FieldPath, SourceRange } from './types.ts';

type AnyNode = Node | null | undefined;

export interface Located {
  readonly node: AnyNode;
  /** The key of the last pair walked through: where a missing child would be written. */
  readonly key: AnyNode;
  /** How many path parts were found. */
  readonly depth: number;
}

function resolve(doc: Document, node: AnyNode): AnyNode {
  let current = node;
  // A chain of aliases cannot be longer than the number of anchors; 64 is plenty.
  for (let i = 0; i < 64 && isAlias(current); i++) current = current.resolve(doc);
  return current;
}

function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return String(key.value);
  return undefined;
}

function findPair(
  doc: Document,
  map: AnyNode,
  key: string,
  seen = 0,
): { key: AnyNode; value: AnyNode } | undefined {
  const m = resolve(doc, map);
  if (!isMap(m) || seen > 16) return undefined;
  for (const pair of m.items) {
    if (isPair(pair) && keyText(pair.key) === key)
      return { key: pair.key as AnyNode, value: pair.value as AnyNode };
  }
  for (const pair of m.items) {
    if (isPair(pair) && keyText(pair.key) === '<<') {
      const source = resolve(doc, pair.value as AnyNode);
      const sources = isSeq(source) ? source.items : [source];
      for (const s of sources) {
        const found = findPair(doc, s as AnyNode, key, seen + 1);
        if (found) return found;
      }
    }
  }
  return undefined;
}

export function walk(doc: Document, root: AnyNode, path: FieldPath): Located {
  let node = resolve(doc, root);
  let key: AnyNode = null;
  let depth = 0;
  for (const part of path) {
    if (typeof part === 'number') {
      const seq = resolve(doc, node);
      if (!isSeq(seq)) break;
      const item = seq.items[part] as AnyNode;
      if (item === undefined) break;
      node = resolve(doc, item);
      key = item;
    } else {
      const pair = findPair(doc, node, part);
      if (!pair) break;
      key = pair.key;
      node = resolve(doc, pair.value) ?? pair.key;
    }
    depth++;
  }
  return { node, key, depth };
}

/** The range to underline for a node: scalars whole, collections only on their first line. */
export function nodeRange(node: AnyNode, text: string, lines: LineIndex): SourceRange | undefined {
  if (!node?.range) return undefined;
  const [startOffset, valueEnd] = node.range;
  let end = valueEnd;
  if (!isScalar(node)) {
    const newline = text.indexOf('\n', startOffset);
    end = newline === -1 ? valueEnd : Math.min(valueEnd, newline);
  }
  if (end <= startOffset) end = startOffset + 1;
  return offsetsToRange(startOffset, end, lines);
}

export function offsetsToRange(start: number, end: number, lines: LineIndex): SourceRange {
  const s = lines.linePos(start);
  const e = lines.linePos(end);
  return { start: { line: s.line, column: s.col }, end: { line: e.line, column: e.col } };
}

/** Where `path` is written; for a missing field, its parent (the key it would sit under). */
export function locatePath(
  doc: Document,
  root: AnyNode,
  path: FieldPath,
  atKey: boolean,
  text: string,
  lines: LineIndex,
  fallback: SourceRange,
): SourceRange {
  const found = walk(doc, root, path);
  const complete = found.depth === path.length;
  const target = complete && !atKey ? found.node : (found.key ?? found.node);
  const preferKey = complete && atKey ? found.key : target;
  return nodeRange(preferKey ?? target, text, lines) ?? fallback;
}
