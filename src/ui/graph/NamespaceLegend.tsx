// Namespaces as a legend: the colour each item's namespace chip carries, and quota usage.
import { memo } from 'react';
import type { GraphNamespace } from '../../engine/index.ts';
import { useStrings } from '../../state/hooks.ts';

export const NamespaceLegend = memo(function NamespaceLegend({
  namespaces,
}: {
  namespaces: readonly GraphNamespace[];
}) {
  const en = useStrings();
  return (
    <div className="legend" role="list" aria-label={en.namespaces}>
      {namespaces.map((ns) => (
        <span key={ns.name} role="listitem" className={`ns ns-${ns.colour}`}>
          {ns.name}
          {ns.quota.map((q) => (
            <span key={q} className="quota">
              {q}
            </span>
          ))}
        </span>
      ))}
    </div>
  );
});
