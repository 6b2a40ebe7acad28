// The hops of the run, newest last: click one to see it in the inspector; the picked one is marked.
import { memo, useEffect, useRef } from 'react';
import { useEngineText, useSim, useStrings } from '../../state/hooks.ts';
import { pick } from '../../state/sim.ts';

export const Timeline = memo(function Timeline() {
  const en = useStrings();
  const tr = useEngineText();
  const hops = useSim((s) => s.hops);
  const picked = useSim((s) => s.picked);
  const list = useRef<HTMLOListElement>(null);
  useEffect(() => {
    const el = list.current?.querySelector('[aria-current="true"]');
    if (el) el.scrollIntoView({ block: 'nearest' });
    else if (list.current && picked === undefined) list.current.scrollTop = list.current.scrollHeight;
  }, [hops, picked]);
  return (
    <section className="timeline" aria-label={en.player.timeline}>
      <h3>{en.player.timeline}</h3>
      {hops.length === 0 ? (
        <p className="muted">{en.player.timelineEmpty}</p>
      ) : (
        <ol ref={list}>
          {hops.map((h) => (
            <li key={h.seq} aria-current={h.seq === picked} data-seq={h.seq}>
              <button
                type="button"
                className={`hop ${h.status}${h.reply ? ' reply' : ''}`}
                onClick={() => pick(h.seq)}
              >
                <span className="at">{(h.at / 1000).toFixed(3)}</span>
                <span className="req">#{h.request}</span>
                <span className="where">{tr(h.where)}</span>
                <span className="kind">{en.hopKinds[h.kind] ?? h.kind}</span>
                {h.reply && <span className="badge">{en.player.reply}</span>}
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
});
