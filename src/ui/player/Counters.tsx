// Requests per backend pod, per flow, as bars: iptables' random spread, IPVS rr and session
// affinity side by side. Counts are written next to each bar, so colour is not the only signal.
import { memo } from 'react';
import { useSim, useStrings } from '../../state/hooks.ts';
import type { SimCounters } from '../../state/sim.ts';

type Flow = SimCounters['flows'][number];

function FlowBars({ flow, label }: { flow: Flow; label: string }) {
  const en = useStrings();
  const entries = Object.entries(flow.backends).sort(([a], [b]) => a.localeCompare(b));
  const max = Math.max(1, ...entries.map(([, n]) => n));
  return (
    <figure className="flow-bars" aria-label={label}>
      <figcaption>
        {label}: {flow.requests}
        {flow.failed > 0 && <span className="failed"> · {en.player.failed(flow.failed)}</span>}
      </figcaption>
      <ul>
        {entries.map(([pod, n]) => (
          <li key={pod}>
            <span className="pod" title={pod}>
              {pod}
            </span>
            <span className="bar" style={{ width: `${(n / max) * 100}%` }} />
            <span className="n">{n}</span>
          </li>
        ))}
      </ul>
    </figure>
  );
}

export const Counters = memo(function Counters() {
  const en = useStrings();
  const counters = useSim((s) => s.counters);
  const flows = [
    ...(counters?.flows.map((f) => ({ flow: f, label: `${f.from} → ${f.to}` })) ?? []),
    ...(counters && counters.oneOff.requests > 0 ? [{ flow: counters.oneOff, label: en.player.oneOff }] : []),
  ].filter((f) => f.flow.requests > 0);
  return (
    <section className="counters" aria-label={en.player.counters}>
      <h3>{en.player.counters}</h3>
      {flows.length === 0 ? (
        <p className="muted">{en.player.countersEmpty}</p>
      ) : (
        flows.map((f, i) => <FlowBars key={`${f.label}/${String(i)}`} flow={f.flow} label={f.label} />)
      )}
    </section>
  );
});
