// The outline view: the cluster as nested lists (namespace -> Service -> endpoints -> pods), for
// keyboard and screen-reader users and anyone who prefers reading to a picture. Every entry is a
// button that selects the item, so the graph and the inspector follow.
import { memo, useMemo, type ReactNode } from 'react';
import { shownSummary } from '../../state/document.ts';
import { useDocument, useStrings, useView } from '../../state/hooks.ts';
import {
  outlineOf,
  type OutlineEndpoint,
  type OutlineNamespace,
  type OutlineService,
} from '../../state/outline.ts';
import { select } from '../../state/view.ts';
import { useListPage } from '../kit/ListPage.tsx';

export const Outline = memo(function Outline() {
  const cluster = useDocument((s) => shownSummary(s)?.cluster);
  const selected = useView((s) => s.selected);
  const t = useStrings().outline;
  const namespaces = useMemo(() => (cluster ? outlineOf(cluster) : []), [cluster]);
  return (
    <section className="outline" aria-label={t.title} tabIndex={0}>
      <h2>{t.title}</h2>
      <p className="hint">{t.intro}</p>
      {namespaces.length === 0 && <p className="empty">{t.empty}</p>}
      {namespaces.map((ns) => (
        <NamespaceEntry key={ns.name} ns={ns} selected={selected} />
      ))}
    </section>
  );
});

/** A namespace's Services, a page at a time (like the objects list), then the pods no Service reaches. */
function NamespaceEntry({ ns, selected }: { ns: OutlineNamespace; selected: string | undefined }) {
  const t = useStrings().outline;
  const { listed, showMore } = useListPage(ns.services);
  return (
    <section aria-label={t.namespace(ns.name)}>
      <h3>{t.namespace(ns.name)}</h3>
      <ul>
        {listed.map((s) => (
          <ServiceEntry key={s.id} service={s} selected={selected} />
        ))}
        {showMore && <li>{showMore}</li>}
        {ns.loosePods.length > 0 && (
          <li>
            <span className="outline-label">{t.loosePods}</span>
            <ul>
              {ns.loosePods.map((p) => (
                <li key={p.id}>
                  <Pick id={p.id} selected={selected}>
                    <span className="name">{p.name}</span> {p.ip} {t.onNode(p.node)} ·{' '}
                    {p.ready ? t.ready : t.notReady}
                  </Pick>
                </li>
              ))}
            </ul>
          </li>
        )}
      </ul>
    </section>
  );
}

function ServiceEntry({ service: s, selected }: { service: OutlineService; selected: string | undefined }) {
  const t = useStrings().outline;
  const note =
    s.type === 'ExternalName'
      ? t.externalName(s.externalName ?? '')
      : s.clusterIP === 'None'
        ? t.headless
        : s.endpoints.length === 0
          ? t.noEndpoints
          : t.endpoints(s.endpoints.length);
  return (
    <li>
      <Pick id={s.id} selected={selected}>
        <span className="name">{s.name}</span> {s.type}
        {s.clusterIP && s.clusterIP !== 'None' ? ` ${s.clusterIP}` : ''}
        {s.ports.length > 0 ? ` ${s.ports.join(', ')}` : ''}
      </Pick>
      <span className="outline-note">{note}</span>
      {s.endpoints.length > 0 && (
        <ul>
          {s.endpoints.map((e) => (
            <li key={`${e.ip}/${e.ports.join(',')}`}>
              <EndpointEntry endpoint={e} selected={selected} />
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

function EndpointEntry({
  endpoint: e,
  selected,
}: {
  endpoint: OutlineEndpoint;
  selected: string | undefined;
}) {
  const t = useStrings().outline;
  const address = `${e.ip}${e.ports.length > 0 ? `:${e.ports.join(',')}` : ''}`;
  const state = e.ready ? t.ready : t.notReady;
  if (!e.podId) return <span>{`${address} · ${t.noPod} · ${state}`}</span>;
  return (
    <Pick id={e.podId} selected={selected}>
      {address} → <span className="name">{e.podName}</span>
      {e.node ? ` ${t.onNode(e.node)}` : ''} · {state}
    </Pick>
  );
}

function Pick({ id, selected, children }: { id: string; selected: string | undefined; children: ReactNode }) {
  return (
    <button type="button" aria-current={selected === id ? 'true' : undefined} onClick={() => select(id)}>
      {children}
    </button>
  );
}
