// A Service in the inspector: its ClusterIP and ports, the endpoints behind it, its DNS names.
import type { ClusterService, Endpoints } from '../../engine/index.ts';
import type { Inspection } from '../../state/inspection.ts';
import { select } from '../../state/view.ts';
import { Facts, Section } from './Facts.tsx';
import { useStrings } from '../../state/hooks.ts';

interface Props {
  readonly service: ClusterService;
  readonly endpoints: Endpoints | undefined;
  readonly inspection: Inspection | undefined;
  readonly loading: boolean;
}

export function ServiceDetails({ service, endpoints, inspection, loading }: Props) {
  const en = useStrings();
  const dns = inspection?.kind === 'service' ? inspection.dns : undefined;
  const addresses = (endpoints?.subsets ?? []).flatMap((s) => [
    ...s.addresses.map((a) => ({ ...a, ready: true, ports: s.ports })),
    ...s.notReadyAddresses.map((a) => ({ ...a, ready: false, ports: s.ports })),
  ]);
  return (
    <>
      <Facts
        rows={[
          [en.fields.type, service.type],
          [en.fields.clusterIP, <code key="ip">{service.clusterIP ?? en.fields.none}</code>],
          [en.fields.namespace, service.namespace],
        ]}
      />
      <Section title={en.fields.ports}>
        <table className="ports">
          <thead>
            <tr>
              <th scope="col">{en.fields.name}</th>
              <th scope="col">{en.fields.port}</th>
              <th scope="col">{en.fields.targetPort}</th>
              <th scope="col">{en.fields.nodePort}</th>
              <th scope="col">{en.fields.protocol}</th>
            </tr>
          </thead>
          <tbody>
            {service.ports.map((p) => (
              <tr key={`${p.name}/${p.port}/${p.protocol}`}>
                <td>{p.name}</td>
                <td>{p.port}</td>
                <td>{p.targetPort}</td>
                <td>{p.nodePort ?? ''}</td>
                <td>{p.protocol}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>
      <Section title={en.fields.endpoints}>
        {addresses.length === 0 ? (
          <p className="muted">{en.fields.none}</p>
        ) : (
          <ul className="links">
            {addresses.map((a) => (
              <li key={a.ip}>
                <code>{`${a.ip}:${a.ports.map((p) => p.port).join(',')}`}</code>
                {a.targetRef && (
                  <button
                    type="button"
                    className="link"
                    onClick={() => a.targetRef && select(`pod/${a.targetRef.namespace}/${a.targetRef.name}`)}
                  >
                    {a.targetRef.name}
                  </button>
                )}
                {!a.ready && <span className="badge warn">{en.status['not-ready']}</span>}
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title={en.fields.dns}>
        {loading && <p className="muted">{en.loading}</p>}
        <ul className="dns">
          {(dns ?? []).map((r) => (
            <li key={`${r.name} ${r.type} ${r.data}`}>
              <code>{r.name}</code> <span className="muted">{r.type}</span> <code>{r.data}</code>
            </li>
          ))}
        </ul>
      </Section>
    </>
  );
}
