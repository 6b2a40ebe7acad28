// What the engine read from the text: one row per object, the last good reading while broken;
// a page of rows at a time (kit/ListPage.tsx).
import { memo } from 'react';
import { shownSummary } from '../../state/document.ts';
import { useDocument, useStrings } from '../../state/hooks.ts';
import { jumpTo } from '../../state/view.ts';
import { useListPage } from '../kit/ListPage.tsx';

export const ObjectsPanel = memo(function ObjectsPanel() {
  const en = useStrings();
  const shown = useDocument(shownSummary);
  const lastGood = useDocument((s) => s.lastGood);
  const hasErrors = useDocument((s) => s.summary?.diagnostics.some((d) => d.severity === 'error') ?? false);
  const objects = shown?.objects ?? [];
  const { listed, showMore } = useListPage(objects);
  return (
    <section className="objects" aria-label={en.objects}>
      <h2>
        {/* No count before the first reading: "0" would be a claim about text not yet read. */}
        {en.objects} {shown && <span className="count">{objects.length}</span>}
      </h2>
      {hasErrors && shown === lastGood && lastGood && <p className="stale">{en.staleNotice}</p>}
      {objects.length === 0 ? (
        <p className="empty">{en.noObjects}</p>
      ) : (
        <ul>
          {listed.map((o) => (
            <li key={`${o.index}`}>
              <button type="button" onClick={() => jumpTo(o.range.start.line, o.range.start.column)}>
                <span className="kind">{o.kind}</span>
                <span className="name">{o.namespace ? `${o.namespace}/${o.name}` : o.name}</span>
                {!o.simulated && <span className="tag">{en.notSimulated}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
      {showMore}
    </section>
  );
});
