// A scenario as a file, for links too long to share: the YAML text with the view settings in one
// leading comment line, `# podwire-share: {JSON}`. The comment keeps the file valid YAML for
// kubectl; opening the file removes the line again, so text and settings round-trip exactly.

import { readSettings, type ShareSettings } from './payload.ts';

const HEADER = '# podwire-share: ';
/** Largest file opened (characters), the same bound as an inflated link. */
export const MAX_FILE = 1024 * 1024;

export function scenarioFile(text: string, settings: ShareSettings): string {
  return `${HEADER}${JSON.stringify(settings)}\n${text}`;
}

export type FileResult =
  | { readonly ok: true; readonly text: string; readonly settings: ShareSettings | undefined }
  | { readonly ok: false; readonly code: 'too-large' | 'bad-field'; readonly field?: string };

/** The text and settings of a file; a plain YAML file (no header) opens as its text alone. */
export function readScenarioFile(content: string): FileResult {
  if (content.length > MAX_FILE) return { ok: false, code: 'too-large' };
  if (!content.startsWith(HEADER)) return { ok: true, text: content, settings: undefined };
  const eol = content.indexOf('\n');
  const line = eol < 0 ? content : content.slice(0, eol);
  const text = eol < 0 ? '' : content.slice(eol + 1);
  let raw: unknown;
  try {
    raw = JSON.parse(line.slice(HEADER.length));
  } catch {
    return { ok: false, code: 'bad-field', field: '(header)' };
  }
  const checked = readSettings(raw);
  return checked.ok
    ? { ok: true, text, settings: checked.settings }
    : { ok: false, code: 'bad-field', field: checked.field };
}
