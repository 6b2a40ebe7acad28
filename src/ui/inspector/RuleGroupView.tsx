// One Service's lines of a node's rules (or kube-proxy's own), folded behind a disclosure button;
// the text is rendered only while open, so a large cluster's rules stay cheap.
import { useEffect, useId, useRef, useState } from 'react';
import { en } from '../../i18n/en.ts';
import type { RuleGroup } from '../../state/rules.ts';

export function RuleGroupView({ group, highlighted }: { group: RuleGroup; highlighted: boolean }) {
  const [open, setOpen] = useState(highlighted);
  const self = useRef<HTMLDivElement>(null);
  const textId = useId();
  useEffect(() => {
    if (highlighted) self.current?.scrollIntoView({ block: 'nearest' });
  }, [highlighted]);
  return (
    <div ref={self} className={`rule-group${highlighted ? ' highlighted' : ''}`}>
      <button
        type="button"
        className="rule-group-toggle"
        aria-expanded={open}
        aria-controls={textId}
        onClick={() => setOpen(!open)}
      >
        <span className="rule-group-caret" aria-hidden="true">
          {open ? '▾' : '▸'}
        </span>
        <span className="rule-group-name">{group.service ?? en.rules.ownChains}</span>
        <span className="muted">{en.rules.lineCount(group.lines.length)}</span>
      </button>
      {open && <pre id={textId}>{group.lines.join('\n')}</pre>}
    </div>
  );
}
