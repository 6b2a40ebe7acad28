// A pod's NetworkPolicies in the inspector: per direction, the policies that isolate it (each a
// link to its own inspector and to where it is written), or that nothing does.
import { useEffect } from 'react';
import { useNetpol, useStrings } from '../../state/hooks.ts';
import { isolatingPolicies, requestNetworkPolicies, type NetpolPolicy } from '../../state/netpol.ts';
import { jumpTo, select } from '../../state/view.ts';
import { Facts, Section } from './Facts.tsx';

export function PolicyLinks({ policies }: { policies: readonly NetpolPolicy[] }) {
  const en = useStrings();
  return (
    <ul className="links">
      {policies.map((p) => (
        <li key={p.id}>
          <button type="button" className="link" onClick={() => select(p.id)}>
            {p.name}
          </button>
          {p.range && (
            <button
              type="button"
              className="link muted"
              aria-label={en.netpol.jumpTo(p.name, p.range.start.line)}
              onClick={() => p.range && jumpTo(p.range.start.line, p.range.start.column)}
            >
              {en.netpol.line(p.range.start.line)}
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}

interface Props {
  readonly podId: string;
  readonly namespace: string;
  readonly revision: number;
}

export function PodPolicies({ podId, namespace, revision }: Props) {
  const en = useStrings();
  const answer = useNetpol((s) => s.answer);
  const loading = useNetpol((s) => s.loading);
  useEffect(() => requestNetworkPolicies(revision, namespace, false), [revision, namespace]);
  const current = answer?.namespace === namespace ? answer : undefined;
  const { ingress, egress } = isolatingPolicies(current, podId);
  const side = (list: readonly NetpolPolicy[], direction: string) =>
    list.length === 0 ? (
      <span className="muted">{en.netpol.notIsolated(direction)}</span>
    ) : (
      <>
        <span>{en.netpol.isolatedBy}</span>
        <PolicyLinks policies={list} />
      </>
    );
  return (
    <Section title={en.netpol.section}>
      {!current ? (
        <p className="muted">{loading ? en.loading : en.fields.none}</p>
      ) : (
        <Facts
          rows={[
            [en.netpol.ingress, side(ingress, en.netpol.direction.ingress)],
            [en.netpol.egress, side(egress, en.netpol.direction.egress)],
          ]}
        />
      )}
    </Section>
  );
}
