// Offsets to 1-based line/column, computed from the text itself. yaml's LineCounter is filled
// by its lexer, which skips line starts inside a token it gave up on (a broken flow map), so
// error positions came out past the end of their line.

export interface LineIndex {
  /** 1-based line and column of `offset`, clamped into the text. */
  linePos(offset: number): { line: number; col: number };
}

export function createLineIndex(text: string): LineIndex {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return {
    linePos(offset) {
      const at = Math.min(Math.max(0, offset), text.length);
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if ((starts[mid] ?? 0) <= at) lo = mid;
        else hi = mid - 1;
      }
      return { line: lo + 1, col: at - (starts[lo] ?? 0) + 1 };
    },
  };
}
