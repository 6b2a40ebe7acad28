// "Try a URL": which Ingress rule, Service and pod a URL reaches, and why the other hosts and
// paths did not match. The answer comes from the engine's route table in the worker.
import { useEffect, type SyntheticEvent } from 'react';
import type { UrlCandidate } from '../../state/url-try.ts';
import { useEngineText, useStrings, useUrlTry } from '../../state/hooks.ts';
import { setTryUrl, tryUrl } from '../../state/url-try.ts';
import { Facts, Section } from './Facts.tsx';

function Candidates({ title, items }: { title: string; items: readonly UrlCandidate[] }) {
  const en = useStrings();
  const tr = useEngineText();
  if (items.length === 0) return null;
  return (
    <Section title={title}>
      <ul className="candidates">
        {items.map((c, i) => (
          <li key={`${c.label}/${String(i)}`} className={c.matched ? 'matched' : 'unmatched'}>
            <span className="verdict">{c.matched ? en.ingress.matched : en.ingress.notMatched}</span>{' '}
            <code>{c.label}</code>: {tr(c.reason)}
          </li>
        ))}
      </ul>
    </Section>
  );
}

export function TryUrl({ revision }: { revision: number }) {
  const en = useStrings();
  const tr = useEngineText();
  const url = useUrlTry((s) => s.url);
  const answer = useUrlTry((s) => s.answer);
  const loading = useUrlTry((s) => s.loading);
  const asked = useUrlTry((s) => s.key);
  // A new reading (the text changed): ask again, so the answer never describes an older cluster.
  useEffect(() => {
    if (asked !== undefined && !asked.startsWith(`${String(revision)}:`)) {
      const last = asked.slice(asked.indexOf(':') + 1);
      if (last !== '') tryUrl(revision, last);
    }
  }, [revision, asked]);
  const onSubmit = (e: SyntheticEvent) => {
    e.preventDefault();
    if (url.trim() !== '') tryUrl(revision, url.trim());
  };
  return (
    <Section title={en.ingress.tryUrl}>
      <p className="hint">{en.ingress.tryUrlHint}</p>
      <form className="try-url" onSubmit={onSubmit}>
        <label>
          {en.ingress.url}{' '}
          <input
            type="text"
            value={url}
            placeholder="http://a.whale.hey/"
            spellCheck={false}
            onChange={(e) => setTryUrl(e.target.value)}
          />
        </label>
        <button type="submit">{en.ingress.tryButton}</button>
      </form>
      {loading && <p className="muted">{en.loading}</p>}
      {!loading && answer && !answer.ok && <p role="alert">{tr(answer.error)}</p>}
      {!loading && answer?.ok && (
        <section aria-label={en.ingress.answer} aria-live="polite" className="url-answer">
          <Facts
            rows={[
              [en.ingress.answer, en.ingress.statusLine(answer.httpStatus, tr(answer.outcome))],
              [
                en.ingress.rule,
                answer.rule ? `${answer.rule.host || '*'} ${answer.rule.path}` : en.fields.none,
              ],
              [en.ingress.service, answer.service ?? en.fields.none],
              [
                en.ingress.pod,
                answer.pod !== undefined ? `${answer.pod} (${answer.endpoint ?? ''})` : en.fields.none,
              ],
              [en.ingress.upstreamPath, <code key="path">{answer.upstreamPath}</code>],
            ]}
          />
          <Section title={en.ingress.why}>
            <ol className="explanation">
              {answer.explanation.map((line, i) => (
                <li key={String(i)}>{tr(line)}</li>
              ))}
            </ol>
          </Section>
          <Candidates title={en.ingress.hosts} items={answer.hosts} />
          <Candidates title={en.ingress.paths} items={answer.paths} />
        </section>
      )}
    </Section>
  );
}
