// Podwire diagnostics → Monaco markers.
import type * as Monaco from 'monaco-editor';
import type { Diagnostic } from '../../engine/index.ts';

export function toMarkers(
  monaco: typeof Monaco,
  diagnostics: readonly Diagnostic[],
): Monaco.editor.IMarkerData[] {
  const severity = {
    error: monaco.MarkerSeverity.Error,
    warning: monaco.MarkerSeverity.Warning,
    info: monaco.MarkerSeverity.Info,
  };
  return diagnostics.map((d) => ({
    severity: severity[d.severity],
    message: d.hint ? `${d.message}\n\n${d.hint}` : d.message,
    source: 'podwire',
    code: d.code,
    startLineNumber: d.range.start.line,
    startColumn: d.range.start.column,
    endLineNumber: d.range.end.line,
    endColumn: d.range.end.column,
  }));
}
