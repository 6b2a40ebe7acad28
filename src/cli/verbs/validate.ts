// `podwire validate FILE...`: the design's CLI contract, human or --json output.

import { parseManifests, type Diagnostic } from '../../engine/index.ts';

export interface FileDiagnostic {
  readonly severity: Diagnostic['severity'];
  readonly message: string;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly path: string;
  readonly code: string;
  readonly hint?: string;
}

export function validateTexts(files: readonly { name: string; text: string }[]): FileDiagnostic[] {
  return files.flatMap(({ name, text }) =>
    parseManifests(text).diagnostics.map((d) => ({
      severity: d.severity,
      message: d.message,
      file: name,
      line: d.range.start.line,
      column: d.range.start.column,
      path: d.path,
      code: d.code,
      ...(d.hint === undefined ? {} : { hint: d.hint }),
    })),
  );
}

export function formatHuman(diagnostics: readonly FileDiagnostic[]): string {
  return diagnostics
    .map(
      (d) =>
        `${d.file}:${d.line}:${d.column}: ${d.severity}: ${d.message}${d.hint ? `\n  hint: ${d.hint}` : ''}`,
    )
    .join('\n');
}
