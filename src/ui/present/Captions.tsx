// The captions under the graph: the hop picked in the timeline (or the newest one while playing)
// told in one plain sentence. A polite live region, so screen readers hear each hop too.
import { memo } from 'react';
import { useSim, useStrings } from '../../state/hooks.ts';
import { captionOf } from './captions.ts';

export const Captions = memo(function Captions() {
  const t = useStrings();
  const hop = useSim((s) =>
    s.picked === undefined ? s.hops.at(-1) : s.hops.find((h) => h.seq === s.picked),
  );
  return (
    <section className="captions" aria-label={t.present.captions}>
      <p aria-live="polite" data-testid="caption">
        {hop ? captionOf(t, hop) : t.present.captionsEmpty}
      </p>
    </section>
  );
});
