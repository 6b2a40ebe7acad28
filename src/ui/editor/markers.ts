// Podwire diagnostics → Monaco markers: the API server's wording, then a gloss in the UI's
// language where one exists.
import type * as Monaco from 'monaco-editor';
import type { Diagnostic } from '../../engine/index.ts';
import type { Translate } from '../../i18n/index.ts';

const same: Translate = (text) => text;

function withGloss(text: string, tr: Translate): string {
  const gloss = tr(text);
  return gloss === text ? text : `${text}\n${gloss}`;
}

export function toMarkers(
  monaco: typeof Monaco,
  diagnostics: readonly Diagnostic[],
  tr: Translate = same,
): Monaco.editor.IMarkerData[] {
  const severity = {
    error: monaco.MarkerSeverity.Error,
    warning: monaco.MarkerSeverity.Warning,
    info: monaco.MarkerSeverity.Info,
  };
  return diagnostics.map((d) => ({
    severity: severity[d.severity],
    message: withGloss(d.message, tr) + (d.hint ? `\n\n${tr(d.hint)}` : ''),
    source: 'podwire',
    code: d.code,
    startLineNumber: d.range.start.line,
    startColumn: d.range.start.column,
    endLineNumber: d.range.end.line,
    endColumn: d.range.end.column,
  }));
}
