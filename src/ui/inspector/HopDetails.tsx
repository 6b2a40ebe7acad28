// One hop of the simulation, picked in the timeline: where it happened, the packet's addresses
// before and after, and what decided it (the rule, highlighted in that node's rules below).
import { shownSummary } from '../../state/document.ts';
import { useDocument, useEngineText, useStrings } from '../../state/hooks.ts';
import type { SimHop } from '../../state/sim.ts';
import { jumpTo } from '../../state/view.ts';
import { TraceExport } from '../export/TraceExport.tsx';
import { Facts, Section } from './Facts.tsx';
import { NodeRules } from './NodeRules.tsx';

/** The node whose kube-proxy rules decided a hop made there. */
function ruleNode(hop: SimHop): string | undefined {
  const m = /^(?:node|kube-proxy)\/(.+)$/.exec(hop.where);
  return m?.[1];
}

export function HopDetails({ hop }: { hop: SimHop }) {
  const en = useStrings();
  const tr = useEngineText();
  const shown = useDocument(shownSummary);
  const via = hop.via === undefined ? undefined : shown?.graph?.nodes.find((n) => n.id === hop.via);
  // A NetworkPolicy rule is not one of kube-proxy's: no node rules to mark.
  const node = hop.rule !== undefined && hop.kind !== 'policy' ? ruleNode(hop) : undefined;
  const addresses = (a: SimHop['before']) =>
    a ? <code key="a">{`${a.src} → ${a.dst}`}</code> : en.fields.none;
  return (
    <Section title={en.player.hop}>
      <p className="hop-description">{tr(hop.description)}</p>
      <Facts
        rows={[
          [en.player.where, tr(hop.where)],
          [en.player.kind, `${en.hopKinds[hop.kind] ?? hop.kind}${hop.reply ? ` (${en.player.reply})` : ''}`],
          [en.player.before, addresses(hop.before)],
          [en.player.after, addresses(hop.after)],
          ...(hop.rule !== undefined
            ? [[en.player.decidedBy, <code key="rule">{hop.rule}</code>] as const]
            : []),
        ]}
      />
      <TraceExport hop={hop} />
      {via?.sourceRange && (
        <button
          type="button"
          onClick={() => via.sourceRange && jumpTo(via.sourceRange.start.line, via.sourceRange.start.column)}
        >
          {`${en.showInEditor}: ${via.label}`}
        </button>
      )}
      {node !== undefined && shown?.cluster && (
        <NodeRules
          nodeName={node}
          revision={shown.revision}
          scenarioMode={shown.cluster.settings.proxyMode}
          markLine={hop.rule}
        />
      )}
    </Section>
  );
}
