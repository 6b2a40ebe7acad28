// Small building blocks of the inspector: a term/value list and a labels list, as text only.
import type { ReactNode } from 'react';
import type { Labels } from '../../engine/index.ts';
import { useStrings } from '../../state/hooks.ts';

export function Facts({ rows }: { rows: readonly (readonly [string, ReactNode])[] }) {
  return (
    <dl className="facts">
      {rows.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function LabelList({ labels }: { labels: Labels }) {
  const en = useStrings();
  const entries = Object.entries(labels);
  if (entries.length === 0) return <span className="muted">{en.fields.none}</span>;
  return (
    <ul className="chips">
      {entries.map(([k, v]) => (
        <li key={k} className="chip">{`${k}=${v}`}</li>
      ))}
    </ul>
  );
}

export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="inspector-section" aria-label={title}>
      <h3>{title}</h3>
      {children}
    </section>
  );
}
