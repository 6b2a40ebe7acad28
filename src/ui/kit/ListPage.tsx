// Long lists (objects, problems, a namespace's Services) show a page of rows and "Show more": 40,000
// rows (a 5 MB paste) made every layout, style and accessibility pass of the page crawl.
import { useState, type ReactNode } from 'react';
import { useStrings } from '../../state/hooks.ts';

const PAGE = 500;

/** The first pages of `items` and a "Show more" button for the rest (nothing when all fit). */
export function useListPage<T>(items: readonly T[]): { listed: readonly T[]; showMore: ReactNode } {
  const [limit, setLimit] = useState(PAGE);
  const strings = useStrings();
  const hidden = Math.max(0, items.length - limit);
  if (hidden === 0) return { listed: items, showMore: null };
  return {
    listed: items.slice(0, limit),
    showMore: (
      <button type="button" className="more" onClick={() => setLimit((n) => n + PAGE)}>
        {strings.showMore(Math.min(PAGE, hidden), hidden)}
      </button>
    ),
  };
}
