// Every diagnostic, errors first, each severity in text order (a page at a time, kit/ListPage.tsx:
// 40,000 "selects no pods" warnings must not push an error out of sight); a click moves the
// editor to its line.
import { memo } from 'react';
import type { Diagnostic } from '../../engine/index.ts';
import { useDocument, useEngineText, useStrings } from '../../state/hooks.ts';
import { jumpTo } from '../../state/view.ts';
import { useListPage } from '../kit/ListPage.tsx';
import { SeverityIcon } from '../kit/SeverityIcon.tsx';

const RANK: Readonly<Record<Diagnostic['severity'], number>> = { error: 0, warning: 1, info: 2 };

const bySeverityThenPosition = (a: Diagnostic, b: Diagnostic) =>
  RANK[a.severity] - RANK[b.severity] ||
  a.range.start.line - b.range.start.line ||
  a.range.start.column - b.range.start.column;

export const ProblemsList = memo(function ProblemsList() {
  const en = useStrings();
  const tr = useEngineText();
  const diagnostics = useDocument((s) => s.summary?.diagnostics);
  const sorted = [...(diagnostics ?? [])].sort(bySeverityThenPosition);
  const { listed, showMore } = useListPage(sorted);
  return (
    <section className="problems" aria-label={en.problems}>
      <h2>
        {en.problems} <span className="count">{sorted.length}</span>
      </h2>
      {sorted.length === 0 ? (
        <p className="empty">{en.noProblems}</p>
      ) : (
        <ul>
          {listed.map((d, i) => (
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
      {showMore}
    </section>
  );
});
