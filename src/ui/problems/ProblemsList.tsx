// Every diagnostic, in text order; a click moves the editor to its line.
import { memo } from 'react';
import type { Diagnostic } from '../../engine/index.ts';
import { useDocument, useEngineText, useStrings } from '../../state/hooks.ts';
import { jumpTo } from '../../state/view.ts';
import { SeverityIcon } from '../kit/SeverityIcon.tsx';

const byPosition = (a: Diagnostic, b: Diagnostic) =>
  a.range.start.line - b.range.start.line || a.range.start.column - b.range.start.column;

export const ProblemsList = memo(function ProblemsList() {
  const en = useStrings();
  const tr = useEngineText();
  const diagnostics = useDocument((s) => s.summary?.diagnostics);
  const sorted = [...(diagnostics ?? [])].sort(byPosition);
  return (
    <section className="problems" aria-label={en.problems}>
      <h2>
        {en.problems} <span className="count">{sorted.length}</span>
      </h2>
      {sorted.length === 0 ? (
        <p className="empty">{en.noProblems}</p>
      ) : (
        <ul>
          {sorted.map((d, i) => (
            <li key={i}>
              <button
                type="button"
                className={`problem ${d.severity}`}
                onClick={() => jumpTo(d.range.start.line, d.range.start.column)}
              >
                <SeverityIcon severity={d.severity} />
                <span className="where">
                  {d.range.start.line}:{d.range.start.column}
                </span>
                {/* The API server's own wording, kept verbatim; a Korean gloss where one exists. */}
                <span className="message" lang="en">
                  {d.message}
                </span>
                {tr(d.message) !== d.message && <span className="gloss">{tr(d.message)}</span>}
                {d.hint && (
                  <span className="hint" lang={tr(d.hint) === d.hint ? 'en' : undefined}>
                    {tr(d.hint)}
                  </span>
                )}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
});
