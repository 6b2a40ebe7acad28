// "Break something now": a pod turns not ready (or ready again), a pod is deleted, a node goes
// down (or up), at the current virtual time. It is written into the Simulation document's
// `events`, so the text, and a link to it, replays the failure.
import { memo, useState, type SyntheticEvent } from 'react';
import { shownSummary } from '../../state/document.ts';
import { useDocument, useStrings } from '../../state/hooks.ts';
import { scriptEvent, type ScriptedEvent } from '../../state/sim-script.ts';

const ACTIONS = ['notReady', 'ready', 'deletePod', 'nodeDown', 'nodeUp'] as const;
type Action = (typeof ACTIONS)[number];
const onNode = (a: Action) => a === 'nodeDown' || a === 'nodeUp';

function eventOf(action: Action, target: string): ScriptedEvent | undefined {
  if (onNode(action)) return target === '' ? undefined : { action: action, node: target };
  const [namespace, name] = target.split('/');
  if (!namespace || !name) return undefined;
  return { action: action, namespace, name };
}

export const ScriptEvent = memo(function ScriptEvent() {
  const en = useStrings();
  const cluster = useDocument((s) => shownSummary(s)?.cluster);
  const [action, setAction] = useState<Action>('notReady');
  const [target, setTarget] = useState('');
  const [outcome, setOutcome] = useState<'idle' | 'busy' | 'failed'>('idle');
  const targets = onNode(action)
    ? (cluster?.nodes ?? []).map((n) => n.name)
    : (cluster?.pods ?? []).filter((p) => !p.system).map((p) => `${p.namespace}/${p.name}`);
  const chosen = targets.includes(target) ? target : (targets[0] ?? '');
  const onSubmit = (e: SyntheticEvent) => {
    e.preventDefault();
    const event = eventOf(action, chosen);
    if (!event) return;
    setOutcome('busy');
    void scriptEvent(event).then((ok) => setOutcome(ok ? 'idle' : 'failed'));
  };
  return (
    <section className="script-event" aria-label={en.player.script}>
      <h3>{en.player.script}</h3>
      <form onSubmit={onSubmit}>
        <label>
          {en.player.scriptAction}{' '}
          <select value={action} onChange={(e) => setAction(e.target.value as Action)}>
            {ACTIONS.map((a) => (
              <option key={a} value={a}>
                {en.player.scriptActions[a]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {onNode(action) ? en.player.scriptNode : en.player.scriptPod}{' '}
          <select value={chosen} onChange={(e) => setTarget(e.target.value)}>
            {targets.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={chosen === '' || outcome === 'busy'} title={en.player.scriptHint}>
          {en.player.scriptButton}
        </button>
      </form>
      {outcome === 'failed' && <p role="alert">{en.player.scriptFailed}</p>}
    </section>
  );
});
