// A pod in the inspector: where it runs, its labels, who selects it, and what it sees
// (environment variables and resolv.conf, computed by the engine in the worker).
import type { ClusterPod } from '../../engine/index.ts';
import type { GraphEdge } from '../../engine/index.ts';
import type { Inspection } from '../../state/inspection.ts';
import { select } from '../../state/view.ts';
import { Facts, LabelList, Section } from './Facts.tsx';
import { PodPolicies } from './PodPolicies.tsx';
import { useStrings } from '../../state/hooks.ts';

interface Props {
  readonly pod: ClusterPod;
  readonly selectedBy: readonly GraphEdge[];
  readonly inspection: Inspection | undefined;
  readonly loading: boolean;
  readonly revision: number;
}

export function PodDetails({ pod, selectedBy, inspection, loading, revision }: Props) {
  const en = useStrings();
  const details = inspection?.kind === 'pod' ? inspection : undefined;
  return (
    <>
      <Facts
        rows={[
          [en.fields.ip, <code key="ip">{pod.ip || en.fields.none}</code>],
          [en.fields.node, pod.node || en.fields.none],
          [en.fields.namespace, pod.namespace],
          [en.fields.status, `${en.phases[pod.phase]}, ${pod.ready ? en.status.ok : en.status['not-ready']}`],
          [en.fields.owner, pod.owner ? `${pod.owner.kind}/${pod.owner.name}` : en.fields.none],
          [en.fields.labels, <LabelList key="labels" labels={pod.labels} />],
        ]}
      />
      <Section title={en.fields.selectedBy}>
        {selectedBy.length === 0 ? (
          <p className="muted">{en.fields.none}</p>
        ) : (
          <ul className="links">
            {selectedBy.map((e) => (
              <li key={e.id}>
                <button type="button" className="link" onClick={() => select(e.source)}>
                  {e.source.split('/').slice(1).join('/')}
                </button>
                {!e.ready && <span className="badge warn">{en.status['not-ready']}</span>}
              </li>
            ))}
          </ul>
        )}
      </Section>
      <PodPolicies podId={`pod/${pod.namespace}/${pod.name}`} namespace={pod.namespace} revision={revision} />
      {loading && <p className="muted">{en.loading}</p>}
      {details?.env.map((c) => (
        <Section key={c.container} title={en.fields.envFor(c.container)}>
          <p className="muted hint">{en.fields.envHint}</p>
          {c.env.length === 0 ? (
            <p className="muted">{en.fields.none}</p>
          ) : (
            <table className="env">
              <tbody>
                {c.env.map((v) => (
                  <tr key={v.name}>
                    <th scope="row">{v.name}</th>
                    <td>{v.value}</td>
                    <td className="origin">
                      {v.origin === 'service' ? en.fields.fromService : en.fields.declared}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Section>
      ))}
      {details && (
        <Section title={en.fields.resolvConf}>
          <pre className="file">{details.resolvConf}</pre>
        </Section>
      )}
    </>
  );
}
