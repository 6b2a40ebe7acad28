// One Service's lines of a node's rules (or kube-proxy's own), folded behind a disclosure button;
// the text is rendered only while open, so a large cluster's rules stay cheap.
import { useEffect, useId, useRef, useState } from 'react';
import type { RuleGroup } from '../../state/rules.ts';
import { useStrings } from '../../state/hooks.ts';

/** Whether a printed line is the rule `mark` (the tools indent a little). */
export const isMarked = (line: string, mark: string | undefined): boolean =>
  mark !== undefined && mark.trim() !== '' && (line.trim() === mark.trim() || line.includes(mark.trim()));

interface Props {
  readonly group: RuleGroup;
  readonly highlighted: boolean;
  readonly markLine?: string | undefined;
}

export function RuleGroupView({ group, highlighted, markLine }: Props) {
  const en = useStrings();
  // Open while highlighted, until the user folds or unfolds it themselves.
  const [toggled, setToggled] = useState<boolean | undefined>(undefined);
  const open = toggled ?? highlighted;
  const self = useRef<HTMLDivElement>(null);
  const textId = useId();
  useEffect(() => {
    if (highlighted) self.current?.scrollIntoView({ block: 'nearest' });
  }, [highlighted, markLine]);
  return (
    <div ref={self} className={`rule-group${highlighted ? ' highlighted' : ''}`}>
      <button
        type="button"
        className="rule-group-toggle"
        aria-expanded={open}
        aria-controls={textId}
        onClick={() => setToggled(!open)}
      >
        <span className="rule-group-caret" aria-hidden="true">
          {open ? '▾' : '▸'}
        </span>
        <span className="rule-group-name">{group.service ?? en.rules.ownChains}</span>
        <span className="muted">{en.rules.lineCount(group.lines.length)}</span>
      </button>
      {open && (
        <pre id={textId}>
          {markLine === undefined
            ? group.lines.join('\n')
            : group.lines.map((l, i) => (
                <span key={String(i)}>
                  {isMarked(l, markLine) ? <mark>{l}</mark> : l}
                  {'\n'}
                </span>
              ))}
        </pre>
      )}
    </div>
  );
}
