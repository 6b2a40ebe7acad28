// An Ingress in the inspector: whether ingress-nginx serves it, the route table it made from it
// (a row lights up the path its requests take), and "try a URL".
import { useEngineText, useStrings, useView } from '../../state/hooks.ts';
import type { Inspection } from '../../state/inspection.ts';
import { highlightPath } from '../../state/view.ts';
import { Facts, Section } from './Facts.tsx';
import { TryUrl } from './TryUrl.tsx';

interface Props {
  readonly inspection: Inspection | undefined;
  readonly loading: boolean;
  readonly revision: number;
}

const sameIds = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((id, i) => id === b[i]);

export function IngressDetails({ inspection, loading, revision }: Props) {
  const en = useStrings();
  const tr = useEngineText();
  const highlight = useView((s) => s.highlightFor);
  const details = inspection?.kind === 'ingress' ? inspection : undefined;
  if (!details) return <p className="muted">{loading ? en.loading : en.fields.none}</p>;
  const status = details.served
    ? details.address !== undefined
      ? en.ingress.served(details.address)
      : en.ingress.servedNoAddress
    : en.ingress.ignored(tr(details.ignoredReason ?? ''));
  return (
    <>
      <Facts
        rows={[
          [en.ingress.className, details.className ?? en.fields.none],
          [en.ingress.status, status],
        ]}
      />
      <Section title={en.ingress.routeTable}>
        <p className="hint">{en.ingress.routeTableHint}</p>
        {details.routes.length === 0 ? (
          <p className="muted">{en.ingress.noRoutes}</p>
        ) : (
          <table className="ports routes">
            <thead>
              <tr>
                <th scope="col">{en.ingress.host}</th>
                <th scope="col">{en.ingress.path}</th>
                <th scope="col">{en.ingress.pathType}</th>
                <th scope="col">{en.ingress.backend}</th>
                <th scope="col">{en.ingress.rewrite}</th>
                <th scope="col">{en.ingress.tls}</th>
              </tr>
            </thead>
            <tbody>
              {details.routes.map((r) => {
                const on = highlight.length > 0 && sameIds(highlight, r.pathIds);
                return (
                  <tr key={r.key} className={on ? 'on' : undefined}>
                    <td>
                      <button
                        type="button"
                        className="link"
                        aria-pressed={on}
                        aria-label={`${en.ingress.showPath}: ${r.host}${r.path}`}
                        onClick={() => highlightPath(on ? [] : r.pathIds)}
                      >
                        {r.host}
                      </button>
                    </td>
                    <td>
                      <code>{r.path}</code>
                      {r.isDefaultBackend && <span className="muted"> ({en.ingress.defaultRoute})</span>}
                    </td>
                    <td title={`${en.ingress.match}: ${tr(r.match)}`}>{r.pathType}</td>
                    <td>{r.backend}</td>
                    <td>{r.rewriteTarget ?? ''}</td>
                    <td>{r.tlsSecret ?? ''}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </Section>
      {details.notes.length > 0 && (
        <Section title={en.ingress.notes}>
          <ul className="notes">
            {details.notes.map((n) => (
              <li key={n}>{tr(n)}</li>
            ))}
          </ul>
        </Section>
      )}
      <TryUrl revision={revision} />
    </>
  );
}
