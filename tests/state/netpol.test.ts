import { describe, expect, it } from 'vitest';
import { isolatingPolicies, probeOf, probeValue, type NetpolAnswer } from '../../src/state/netpol.ts';

describe('the matrix port selector', () => {
  it('reads PORT/PROTOCOL and round-trips probeValue', () => {
    expect(probeOf('5432/TCP')).toEqual({ port: 5432, protocol: 'TCP' });
    expect(probeOf(probeValue(53, 'UDP'))).toEqual({ port: 53, protocol: 'UDP' });
  });

  it('takes "declared" and anything unreadable as the declared ports', () => {
    const declared = { port: undefined, protocol: undefined };
    expect(probeOf('declared')).toEqual(declared);
    expect(probeOf('0/TCP')).toEqual(declared);
    expect(probeOf('70000/TCP')).toEqual(declared);
    expect(probeOf('80/ICMP')).toEqual(declared);
  });
});

describe('isolatingPolicies', () => {
  const policy = (name: string, policyTypes: ('Ingress' | 'Egress')[], selects: string[]) => ({
    id: `netpol/ns/${name}`,
    namespace: 'ns',
    name,
    range: undefined,
    policyTypes,
    policyTypesDefaulted: false,
    podSelector: '{}',
    selects,
    ingress: [],
    egress: [],
  });
  const answer: NetpolAnswer = {
    namespace: 'ns',
    policies: [
      policy('deny-in', ['Ingress'], ['pod/ns/a', 'pod/ns/b']),
      policy('both', ['Ingress', 'Egress'], ['pod/ns/b']),
    ],
    ports: [],
    matrix: undefined,
    tooManyPods: 0,
  };

  it('splits the policies selecting a pod by the directions they list', () => {
    const b = isolatingPolicies(answer, 'pod/ns/b');
    expect(b.ingress.map((p) => p.name)).toEqual(['deny-in', 'both']);
    expect(b.egress.map((p) => p.name)).toEqual(['both']);
    const a = isolatingPolicies(answer, 'pod/ns/a');
    expect(a.egress).toEqual([]);
  });

  it('finds nothing for an unselected pod or without an answer', () => {
    expect(isolatingPolicies(answer, 'pod/ns/c')).toEqual({ ingress: [], egress: [] });
    expect(isolatingPolicies(undefined, 'pod/ns/a')).toEqual({ ingress: [], egress: [] });
  });
});
