// Brings the editor up to a text changed elsewhere (the proxy-mode selector writes the document):
// only the changed middle is replaced, as one undoable edit, so the cursor and scroll stay put.
import type * as Monaco from 'monaco-editor';

export function applyText(monaco: typeof Monaco, model: Monaco.editor.ITextModel, next: string): void {
  const prev = model.getValue();
  if (prev === next) return;
  let head = 0;
  while (head < prev.length && head < next.length && prev[head] === next[head]) head++;
  let tail = 0;
  while (
    tail < prev.length - head &&
    tail < next.length - head &&
    prev[prev.length - 1 - tail] === next[next.length - 1 - tail]
  )
    tail++;
  // Never cut a surrogate pair in two.
  if (head > 0 && /[\uD800-\uDBFF]/.test(prev.charAt(head - 1))) head--;
  if (tail > 0 && /[\uDC00-\uDFFF]/.test(prev.charAt(prev.length - tail))) tail--;
  const range = monaco.Range.fromPositions(
    model.getPositionAt(head),
    model.getPositionAt(prev.length - tail),
  );
  model.pushEditOperations([], [{ range, text: next.slice(head, next.length - tail) }], () => null);
}
