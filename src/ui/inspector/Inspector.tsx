// The inspector: what the selected graph item is, and a way back to where it is written.
import { memo, useEffect } from 'react';
import type { ClusterModel } from '../../engine/index.ts';
import type { GraphEdge, GraphNode } from '../../engine/index.ts';
import { shownSummary } from '../../state/document.ts';
import { useDocument, useEngineText, useInspection, useSim, useStrings, useView } from '../../state/hooks.ts';
import { requestInspection } from '../../state/inspection.ts';
import { jumpTo, select } from '../../state/view.ts';
import { itemLabel } from '../graph/item-text.ts';
import { KindIcon } from '../kit/KindIcon.tsx';
import { Facts } from './Facts.tsx';
import { HopDetails } from './HopDetails.tsx';
import { FoldedGroupDetails } from './FoldedGroupDetails.tsx';
import { IngressDetails } from './IngressDetails.tsx';
import { NodeRules } from './NodeRules.tsx';
import { PodDetails } from './PodDetails.tsx';
import { PolicyDetails } from './PolicyDetails.tsx';
import { ServiceDetails } from './ServiceDetails.tsx';

interface BodyProps {
  readonly item: GraphNode;
  readonly model: ClusterModel;
  readonly edges: readonly GraphEdge[];
  readonly revision: number;
}

function Body({ item, model, edges, revision }: BodyProps) {
  const en = useStrings();
  const tr = useEngineText();
  const inspection = useInspection((s) => s.inspection);
  const loading = useInspection((s) => s.loading);
  const [, namespace, name] = item.id.split('/');
  if (item.kind === 'pod') {
    const pod = model.pods.find((p) => p.namespace === namespace && p.name === name);
    const selectedBy = edges.filter((e) => e.target === item.id && e.kind === 'selects');
    return pod ? (
      <PodDetails
        pod={pod}
        selectedBy={selectedBy}
        inspection={inspection}
        loading={loading}
        revision={revision}
      />
    ) : null;
  }
  if (item.kind === 'service') {
    const service = model.services.find((s) => s.namespace === namespace && s.name === name);
    const endpoints = model.endpoints.find((e) => e.namespace === namespace && e.name === name);
    return service ? (
      <ServiceDetails service={service} endpoints={endpoints} inspection={inspection} loading={loading} />
    ) : null;
  }
  if (item.kind === 'pod-group' || item.kind === 'service-group')
    return <FoldedGroupDetails item={item} edges={edges} />;
  if (item.kind === 'cluster-node') {
    const node = model.nodes.find((n) => n.name === item.label);
    const pods = model.pods.filter((p) => p.node === item.label).length;
    return (
      <>
        <Facts
          rows={[
            [en.fields.internalIP, node?.internalIP ?? en.fields.none],
            [en.fields.podCIDR, node?.podCIDR ?? en.fields.none],
            [en.fields.pods, String(pods)],
            [en.fields.proxyMode, model.settings.proxyMode],
          ]}
        />
        <NodeRules nodeName={item.label} revision={revision} scenarioMode={model.settings.proxyMode} />
      </>
    );
  }
  if (item.kind === 'kube-proxy') {
    // kube-proxy/NODE: that node's kube-proxy, whose rules these are.
    const nodeName = item.id.slice('kube-proxy/'.length);
    return (
      <>
        <Facts
          rows={[
            [en.fields.node, nodeName],
            [en.fields.proxyMode, model.settings.proxyMode],
          ]}
        />
        <NodeRules nodeName={nodeName} revision={revision} scenarioMode={model.settings.proxyMode} />
      </>
    );
  }
  if (item.kind === 'ingress')
    return <IngressDetails inspection={inspection} loading={loading} revision={revision} />;
  const routes = edges.filter((e) => e.source === item.id);
  return (
    <>
      <p>{tr(item.detail)}</p>
      {routes.length > 0 && (
        <Facts
          rows={[
            [
              en.fields.routes,
              <ul key="routes" className="links">
                {routes.map((e) => (
                  <li key={e.id}>
                    <button type="button" className="link" onClick={() => select(e.target)}>
                      {e.target.split('/').slice(1).join('/')}
                    </button>
                    {e.label && <span className="muted"> {tr(e.label)}</span>}
                  </li>
                ))}
              </ul>,
            ],
          ]}
        />
      )}
    </>
  );
}

export const Inspector = memo(function Inspector() {
  const en = useStrings();
  const tr = useEngineText();
  const selected = useView((s) => s.selected);
  const shown = useDocument(shownSummary);
  const item = shown?.graph?.nodes.find((n) => n.id === selected);
  const hop = useSim((s) => (s.picked === undefined ? undefined : s.hops.find((h) => h.seq === s.picked)));
  const revision = shown?.revision;
  const wanted =
    item && (item.kind === 'pod' || item.kind === 'service' || item.kind === 'ingress') ? item.id : undefined;
  useEffect(() => {
    if (revision !== undefined && wanted) requestInspection(revision, wanted);
  }, [revision, wanted]);
  return (
    // Focusable: the panel scrolls, and a hop's details may hold nothing else to Tab to (WCAG 2.1.1).
    <section className="inspector" aria-label={en.inspector} tabIndex={0}>
      <h2>{en.inspector}</h2>
      {hop && <HopDetails hop={hop} />}
      {/* A NetworkPolicy draws nothing: it is selected from the editor or the objects list. */}
      {selected?.startsWith('netpol/') && shown ? (
        <PolicyDetails id={selected} revision={shown.revision} />
      ) : !item || !shown?.cluster || !shown.graph ? (
        <p className="empty">{en.inspectorEmpty}</p>
      ) : (
        <>
          <header className="inspector-head">
            <KindIcon kind={item.kind} />
            <span className="kind">{en.kinds[item.kind]}</span>
            <span className="name">
              {item.namespace ? `${item.namespace}/${item.label}` : itemLabel(item, tr)}
            </span>
            {item.sourceRange && (
              <button
                type="button"
                onClick={() =>
                  item.sourceRange && jumpTo(item.sourceRange.start.line, item.sourceRange.start.column)
                }
              >
                {en.showInEditor}
              </button>
            )}
            <button type="button" aria-label={en.close} onClick={() => select(undefined)}>
              ×
            </button>
          </header>
          <Body item={item} model={shown.cluster} edges={shown.graph.edges} revision={shown.revision} />
        </>
      )}
    </section>
  );
});
