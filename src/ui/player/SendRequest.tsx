// "Send a request" from any pod or from outside, to any URL or HOST:PORT.
import { memo, useState, type SyntheticEvent } from 'react';
import { shownSummary } from '../../state/document.ts';
import { useDocument, useStrings } from '../../state/hooks.ts';
import { send } from '../../state/sim.ts';

export const SendRequest = memo(function SendRequest() {
  const en = useStrings();
  const pods = useDocument((s) => shownSummary(s)?.cluster?.pods);
  const revision = useDocument((s) => (shownSummary(s)?.graph ? shownSummary(s)?.revision : undefined));
  const [from, setFrom] = useState('external');
  const [to, setTo] = useState('http://a.whale.hey/');
  const onSubmit = (e: SyntheticEvent) => {
    e.preventDefault();
    if (to.trim() !== '') void send(from, to.trim(), revision);
  };
  return (
    <section className="send" aria-label={en.player.send}>
      <h3>{en.player.send}</h3>
      <form onSubmit={onSubmit}>
        <label>
          {en.player.from}{' '}
          <select value={from} onChange={(e) => setFrom(e.target.value)}>
            <option value="external">{en.player.outside}</option>
            {(pods ?? [])
              .filter((p) => p.ip !== '' && !p.hostNetwork)
              .map((p) => (
                <option key={`${p.namespace}/${p.name}`} value={`pod/${p.namespace}/${p.name}`}>
                  {`${p.namespace}/${p.name}`}
                </option>
              ))}
          </select>
        </label>
        <label>
          {en.player.to}{' '}
          <input type="text" value={to} spellCheck={false} onChange={(e) => setTo(e.target.value)} />
        </label>
        <button type="submit" disabled={revision === undefined}>
          {en.player.sendButton}
        </button>
      </form>
    </section>
  );
});
