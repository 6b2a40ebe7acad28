// A namespace's pods × pods connectivity as a table (rows sources, columns destinations), probing
// one chosen port or each pod's declared ports; each cell says its verdict in a mark and a word,
// and picking one shows why, side by side: the source's egress and the destination's ingress.
import type { Strings } from '../../i18n/index.ts';
import { useEngineText, useNetpol, useStrings } from '../../state/hooks.ts';
import {
  chooseProbe,
  DECLARED,
  pickCell,
  probeValue,
  type NetpolAnswer,
  type NetpolProbe,
} from '../../state/netpol.ts';
import { VerdictIcon, type Verdict } from '../kit/VerdictIcon.tsx';
import { Section } from './Facts.tsx';

const wordsOf = (en: Strings): Record<Verdict, string> => ({
  all: en.netpol.allowed,
  none: en.netpol.blocked,
  some: en.netpol.some,
});

/** `pod/NS/NAME` → `NAME`: the matrix is one namespace. */
const short = (id: string) => id.split('/').slice(2).join('/');

const portText = (en: Strings, p: NetpolProbe) =>
  p.port === undefined
    ? `${p.protocol} ${en.netpol.everyPort}`
    : `${p.protocol} ${String(p.port)}${p.portName ? ` (${p.portName})` : ''}`;

function Explanation({ from, to, probes }: { from: string; to: string; probes: readonly NetpolProbe[] }) {
  const en = useStrings();
  const tr = useEngineText();
  return (
    <Section title={en.netpol.why}>
      <p>
        <strong>{`${short(from)} → ${short(to)}`}</strong>{' '}
        <button type="button" className="link" onClick={() => pickCell(undefined)}>
          {en.netpol.closeWhy}
        </button>
      </p>
      {probes.map((p) => (
        <div key={portText(en, p)} className="netpol-probe">
          <p className="netpol-verdict">
            <VerdictIcon verdict={p.allowed ? 'all' : 'none'} />
            {en.netpol.probeTitle(portText(en, p), p.allowed ? en.netpol.allowed : en.netpol.blocked)}
          </p>
          <dl className="facts">
            <div>
              <dt>{en.netpol.egressSide}</dt>
              <dd>{tr(p.egress.explanation)}</dd>
            </div>
            <div>
              <dt>{en.netpol.ingressSide}</dt>
              <dd>{tr(p.ingress.explanation)}</dd>
            </div>
          </dl>
        </div>
      ))}
    </Section>
  );
}

export function ConnectivityMatrix({ answer }: { answer: NetpolAnswer }) {
  const en = useStrings();
  const probe = useNetpol((s) => s.probe);
  const picked = useNetpol((s) => s.picked);
  const m = answer.matrix;
  const choices = answer.ports.map((p) => ({
    value: probeValue(p.port, p.protocol),
    label: `${p.protocol} ${String(p.port)}${p.name ? ` (${p.name})` : ''}`,
  }));
  if (probe !== DECLARED && !choices.some((c) => c.value === probe))
    choices.push({ value: probe, label: probe.replace('/', ' ') });
  const [pickedFrom = '', pickedTo = ''] = picked?.split('>') ?? [];
  const fromIndex = m?.pods.indexOf(pickedFrom) ?? -1;
  const toIndex = m?.pods.indexOf(pickedTo) ?? -1;
  const pickedCell = m?.cells[fromIndex]?.[toIndex];
  const word = wordsOf(en);
  return (
    <Section title={en.netpol.matrix}>
      <p className="hint">{en.netpol.matrixHint}</p>
      <label className="rules-controls">
        {en.netpol.probe}
        <select value={probe} onChange={(e) => chooseProbe(e.target.value)}>
          <option value={DECLARED}>{en.netpol.declaredPorts}</option>
          {choices.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      </label>
      {answer.tooManyPods > 0 && <p className="muted">{en.netpol.tooMany(answer.tooManyPods)}</p>}
      {m && m.pods.length === 0 && <p className="muted">{en.netpol.noPods}</p>}
      {m && m.pods.length > 0 && (
        <div className="matrix-scroll">
          <table className="matrix">
            <caption>{en.netpol.matrixCaption(answer.namespace)}</caption>
            <thead>
              <tr>
                <td className="corner">{en.netpol.corner}</td>
                {m.pods.map((id) => (
                  <th key={id} scope="col">
                    {short(id)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {m.cells.map((row, i) => {
                const from = m.pods[i] ?? '';
                return (
                  <tr key={from}>
                    <th scope="row">{short(from)}</th>
                    {row.map((cell, j) => {
                      const to = m.pods[j] ?? '';
                      const key = `${from}>${to}`;
                      const on = picked === key;
                      return (
                        <td key={to} className={`cell ${cell.allowed}${on ? ' on' : ''}`}>
                          <button
                            type="button"
                            aria-pressed={on}
                            aria-label={en.netpol.cellLabel(short(from), short(to), word[cell.allowed])}
                            onClick={() => pickCell(on ? undefined : key)}
                          >
                            <VerdictIcon verdict={cell.allowed} />
                            <span>{word[cell.allowed]}</span>
                          </button>
                        </td>
                      );
                    })}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {pickedCell && <Explanation from={pickedFrom} to={pickedTo} probes={pickedCell.probes} />}
    </Section>
  );
}
