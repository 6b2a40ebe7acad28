// A NetworkPolicy in the inspector (selected from the editor or the objects list: it draws nothing
// of its own): whom it selects, its rules in plain words, and its namespace's connectivity matrix.
import { useEffect } from 'react';
import { useEngineText, useNetpol, useStrings } from '../../state/hooks.ts';
import { requestNetworkPolicies, type NetpolPolicy } from '../../state/netpol.ts';
import { jumpTo, select } from '../../state/view.ts';
import { PolicyIcon } from '../kit/VerdictIcon.tsx';
import { ConnectivityMatrix } from './ConnectivityMatrix.tsx';
import { Facts, Section } from './Facts.tsx';

function Rules({ policy, direction }: { policy: NetpolPolicy; direction: 'Ingress' | 'Egress' }) {
  const en = useStrings();
  const tr = useEngineText();
  const lower = en.netpol.direction[direction === 'Ingress' ? 'ingress' : 'egress'];
  const rules = direction === 'Ingress' ? policy.ingress : policy.egress;
  return (
    <Section title={en.netpol.rules(en.netpol.direction[direction])}>
      {!policy.policyTypes.includes(direction) ? (
        <p className="muted">{en.netpol.notInTypes(lower)}</p>
      ) : rules.length === 0 ? (
        <p>{en.netpol.noRules(lower)}</p>
      ) : (
        <ul className="notes">
          {rules.map((r) => (
            <li key={r}>{tr(r)}</li>
          ))}
        </ul>
      )}
    </Section>
  );
}

function Policy({ policy }: { policy: NetpolPolicy }) {
  const en = useStrings();
  return (
    <>
      <Facts
        rows={[
          [
            en.netpol.policyTypes,
            `${policy.policyTypes.join(', ')}${policy.policyTypesDefaulted ? ` ${en.netpol.defaulted}` : ''}`,
          ],
          [
            en.netpol.podSelector,
            policy.podSelector === '{}' ? en.netpol.everyPod : <code key="sel">{policy.podSelector}</code>,
          ],
        ]}
      />
      <Section title={en.netpol.selects}>
        {policy.selects.length === 0 ? (
          <p className="muted">{en.netpol.selectsNone}</p>
        ) : (
          <ul className="links">
            {policy.selects.map((id) => (
              <li key={id}>
                <button type="button" className="link" onClick={() => select(id)}>
                  {id.split('/').slice(1).join('/')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Rules policy={policy} direction="Ingress" />
      <Rules policy={policy} direction="Egress" />
    </>
  );
}

export function PolicyDetails({ id, revision }: { id: string; revision: number }) {
  const en = useStrings();
  const [, namespace = '', name = ''] = id.split('/');
  const answer = useNetpol((s) => s.answer);
  const loading = useNetpol((s) => s.loading);
  const probe = useNetpol((s) => s.probe);
  useEffect(() => requestNetworkPolicies(revision, namespace, true), [revision, namespace, probe]);
  // The pod inspector's answer (no matrix) for the same namespace is not this one's.
  const current =
    answer?.namespace === namespace && (answer.matrix !== undefined || answer.tooManyPods > 0)
      ? answer
      : undefined;
  const policy = current?.policies.find((p) => p.id === id);
  const range = policy?.range;
  return (
    <>
      <header className="inspector-head">
        <PolicyIcon />
        <span className="kind">{en.netpol.kind}</span>
        <span className="name">{`${namespace}/${name}`}</span>
        {range && (
          <button type="button" onClick={() => jumpTo(range.start.line, range.start.column)}>
            {en.showInEditor}
          </button>
        )}
        <button type="button" aria-label={en.close} onClick={() => select(undefined)}>
          ×
        </button>
      </header>
      {!current ? (
        <p className="muted">{loading ? en.loading : en.fields.none}</p>
      ) : (
        <>
          {policy ? <Policy policy={policy} /> : <p>{en.netpol.gone}</p>}
          <ConnectivityMatrix answer={current} />
        </>
      )}
    </>
  );
}
