// A node's kube-proxy rules, as the node's own tool prints them, folded per Service. The mode
// and format chosen here change only this view; the scenario's mode is written in the text.
import { useEffect } from 'react';
import type { ProxyMode } from '../../engine/index.ts';
import { useRules, useStrings, useView } from '../../state/hooks.ts';
import { requestRules } from '../../state/rules.ts';
import { showRulesAs } from '../../state/view.ts';
import { RulesDownload } from '../export/RulesDownload.tsx';
import { PROXY_MODES } from '../kit/proxy-modes.ts';
import { isMarked, RuleGroupView } from './RuleGroupView.tsx';

interface Props {
  readonly nodeName: string;
  readonly revision: number;
  /** The scenario's own mode (what the graph shows). */
  readonly scenarioMode: ProxyMode;
  /** A rule to mark (the one that decided a picked hop), as kube-proxy writes it. */
  readonly markLine?: string | undefined;
}

export function NodeRules({ nodeName, revision, scenarioMode, markLine }: Props) {
  const en = useStrings();
  const chosen = useView((s) => s.rulesMode);
  const chosenFormat = useView((s) => s.rulesFormat);
  // A hop's rule is quoted as kube-proxy writes it: show that text, where it can be found verbatim.
  const format = markLine !== undefined ? 'restore' : chosenFormat;
  const lastService = useView((s) => s.lastService);
  const reading = useRules((s) => s.reading);
  const loading = useRules((s) => s.loading);
  const mode = chosen ?? scenarioMode;
  useEffect(() => requestRules(revision, nodeName, mode, format), [revision, nodeName, mode, format]);
  const shown = reading?.node === nodeName ? reading : undefined;
  return (
    <section className="inspector-section node-rules" aria-label={en.rules.title} aria-busy={loading}>
      <h3>{en.rules.title}</h3>
      <div className="rules-controls">
        <label>
          {en.rules.mode}{' '}
          <select
            value={mode}
            onChange={(e) => {
              const next = PROXY_MODES.find((m) => m === e.target.value);
              showRulesAs(next === scenarioMode ? undefined : next, format);
            }}
          >
            {PROXY_MODES.map((m) => (
              <option key={m} value={m}>
                {m === scenarioMode ? en.rules.scenarioMode(m) : m}
              </option>
            ))}
          </select>
        </label>
        <div role="group" aria-label={en.rules.format} className="segmented">
          {(['save', 'restore'] as const).map((f) => (
            <button key={f} type="button" aria-pressed={format === f} onClick={() => showRulesAs(chosen, f)}>
              {en.rules[f]}
            </button>
          ))}
        </div>
      </div>
      {!shown ? (
        <p className="muted">{en.loading}</p>
      ) : (
        <>
          <h4 className="rules-tool">{en.rules.heading(shown.tool, shown.node)}</h4>
          <RulesDownload reading={shown} />
          <div className="rules-text" role="region" aria-label={en.rules.text} tabIndex={0}>
            {shown.groups.length === 0 && <p className="muted">{en.rules.empty}</p>}
            {shown.groups.map((g) => (
              <RuleGroupView
                // A new reading opens at the last selected Service again.
                key={`${shown.mode}:${shown.format}:${g.service ?? ''}`}
                group={g}
                highlighted={
                  markLine !== undefined
                    ? g.lines.some((l) => isMarked(l, markLine))
                    : g.service !== undefined && g.service === lastService
                }
                markLine={markLine}
              />
            ))}
          </div>
        </>
      )}
    </section>
  );
}
