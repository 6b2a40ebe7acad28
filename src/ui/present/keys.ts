// Presentation keys, decided without React: which action a key press asks for, and whether the
// press belongs to a text field (the editor, an input), where keys type instead.

export type PresentAction =
  'toggle-present' | 'play-pause' | 'forward' | 'back' | 'faster' | 'slower' | 'fullscreen' | 'leave';

/** Focus in the editor, an input, a select or anything editable: keys are typing there. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (target.closest('.monaco-editor, input, textarea, select, [contenteditable="true"]')) return true;
  return target instanceof HTMLElement && target.isContentEditable;
}

/** The action of a key press (`presenting`: the presentation keys are live); undefined: not ours. */
export function actionOf(
  e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>,
  presenting: boolean,
): PresentAction | undefined {
  if (e.ctrlKey || e.metaKey || e.altKey) return undefined;
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
  if (key === 'p') return 'toggle-present';
  if (!presenting) return undefined;
  switch (key) {
    case ' ':
      return 'play-pause';
    case 'ArrowRight':
      return 'forward';
    case 'ArrowLeft':
      return 'back';
    case '+':
    case '=':
      return 'faster';
    case '-':
    case '_':
      return 'slower';
    case 'f':
      return 'fullscreen';
    case 'Escape':
      return 'leave';
    default:
      return undefined;
  }
}
