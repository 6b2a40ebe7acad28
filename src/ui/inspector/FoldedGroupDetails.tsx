// A folded group in the inspector (`pods/NODE`: a crowded node's pods; `services/NS`: a namespace's
// many Services): what the graph does not draw, what those items connect to, and a switch
// between the first few and all of them.
import type { GraphEdge, GraphNode } from '../../engine/index.ts';
import { shownSummary } from '../../state/document.ts';
import { foldGroup, openGroup } from '../../state/folding.ts';
import { useDocument, useEngineText, useStrings } from '../../state/hooks.ts';
import { select } from '../../state/view.ts';
import { Section } from './Facts.tsx';

/** A namespace of thousands of Services folds them all: the list shows the first ones. */
const LISTED = 100;

interface Props {
  /** The `pod-group` or `service-group` item. */
  readonly item: GraphNode;
  readonly edges: readonly GraphEdge[];
}

interface EndsProps {
  readonly title: string;
  readonly edges: readonly GraphEdge[];
  /** Which end of each edge is the other item. */
  readonly end: 'source' | 'target';
  /** How to say an edge's count (how many edges of the full graph it stands for). */
  readonly count: (n: number) => string;
}

/** The items at the other end of the group's edges. */
function Ends({ title, edges, end, count }: EndsProps) {
  const en = useStrings();
  if (edges.length === 0) return null;
  return (
    <Section title={title}>
      <ul className="links">
        {edges.map((e) => (
          <li key={e.id}>
            <button type="button" className="link" onClick={() => select(e[end])}>
              {e[end].split('/').slice(1).join('/')}
            </button>
            <span className="muted"> {count(e.count ?? 1)}</span>
            {!e.ready && <span className="badge warn">{en.status['not-ready']}</span>}
          </li>
        ))}
      </ul>
    </Section>
  );
}

export function FoldedGroupDetails({ item, edges }: Props) {
  const en = useStrings();
  const tr = useEngineText();
  const pods = item.kind === 'pod-group';
  const hidden = item.hidden ?? [];
  const drawn = useDocument(
    (s) =>
      shownSummary(s)?.graph?.nodes.filter((n) =>
        pods
          ? n.kind === 'pod' && n.parent === item.parent
          : n.kind === 'service' && n.namespace === item.namespace,
      ).length ?? 0,
  );
  const total = drawn + hidden.length;
  const noun = pods ? en.folded.pods : en.folded.services;
  if (hidden.length === 0)
    return (
      <>
        <p>{en.folded.opened(total, noun)}</p>
        <button type="button" onClick={() => foldGroup(item.id)}>
          {en.folded.close}
        </button>
      </>
    );
  return (
    <>
      <p>{pods ? en.folded.podsIntro(drawn, total) : en.folded.servicesIntro(drawn, total)}</p>
      <button type="button" onClick={() => openGroup(item.id)}>
        {en.folded.open(total, noun)}
      </button>
      <Ends
        title={pods ? en.fields.selectedBy : en.folded.routedFrom}
        edges={edges.filter((e) => e.target === item.id)}
        end="source"
        count={pods ? en.folded.podCount : en.folded.times}
      />
      <Ends
        title={en.folded.reaches}
        edges={edges.filter((e) => e.source === item.id)}
        end="target"
        count={en.folded.times}
      />
      <Section title={en.folded.notDrawn}>
        <p className="muted hint">{en.folded.pick}</p>
        <ul className="links">
          {hidden.slice(0, LISTED).map((member) => (
            <li key={member.id}>
              <button type="button" className="link" onClick={() => select(member.id)}>
                {`${member.namespace ?? ''}/${member.label}`}
              </button>
              <span className="muted"> {tr(member.detail)}</span>
              {member.status !== 'ok' && <span className="badge warn">{en.status[member.status]}</span>}
            </li>
          ))}
        </ul>
        {hidden.length > LISTED && <p className="muted">{en.folded.notListed(hidden.length - LISTED)}</p>}
      </Section>
    </>
  );
}
