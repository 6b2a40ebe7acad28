// The Kubernetes NetworkPolicy documentation's examples with the verdicts its text states
// (kubernetes/website content/en/docs/concepts/services-networking/network-policies.md).
import { describe, expect, it } from 'vitest';
import { connectivityMatrix, type Protocol } from '../../../src/engine/index.ts';
import { build, decide, fixture, pod } from './load.ts';

type Row = readonly [from: string, protocol: Protocol, port: number, allowed: boolean, rule: string];

describe('the test-network-policy example', () => {
  const built = build(fixture('docs-test-network-policy.yaml'));

  it('reads without errors and enforces one policy', () => {
    expect(built.parseErrors).toEqual([]);
    expect(built.index.policies.map((p) => [p.name, p.policyTypes])).toEqual([
      ['test-network-policy', ['Ingress', 'Egress']],
    ]);
  });

  // "allows connections to all pods in the default namespace with the label role=db on TCP port
  // 6379 from: any pod in default with role=frontend; any pod in a namespace with project=myproject;
  // IP addresses in 172.17.0.0–172.17.0.255 and 172.17.2.0–172.17.255.255".
  const ingress: readonly Row[] = [
    ['default/frontend', 'TCP', 6379, true, 'spec.ingress[0] from[2]'],
    ['myproject/client', 'TCP', 6379, true, 'spec.ingress[0] from[1]'],
    ['172.17.0.9', 'TCP', 6379, true, 'spec.ingress[0] from[0]'],
    ['172.17.2.9', 'TCP', 6379, true, 'spec.ingress[0] from[0]'],
    ['172.17.255.254', 'TCP', 6379, true, 'spec.ingress[0] from[0]'],
    ['172.17.1.9', 'TCP', 6379, false, ''],
    ['172.18.0.9', 'TCP', 6379, false, ''],
    ['other/frontend', 'TCP', 6379, false, ''],
    ['default/backend', 'TCP', 6379, false, ''],
    ['default/frontend', 'TCP', 80, false, ''],
    ['default/frontend', 'UDP', 6379, false, ''],
  ];
  it.each(ingress)('ingress to default/db from %s on %s %i: %s', (from, protocol, port, allowed, rule) => {
    const d = decide(built, from, 'default/db', protocol, port);
    expect(d.allowed).toBe(allowed);
    expect(d.ingress.allowed).toBe(allowed);
    if (allowed) {
      expect(d.ingress.policy).toEqual({ namespace: 'default', name: 'test-network-policy' });
      expect(d.ingress.explanation).toContain(rule);
      expect(d.ingress.explanation).toContain('ports[0] (TCP 6379)');
    } else {
      expect(d.droppedBy).toBe('Ingress');
      expect(d.ingress.isolatedPod).toEqual({ namespace: 'default', name: 'db' });
      expect(d.ingress.explanation).toContain(
        'is isolated for ingress by NetworkPolicy default/test-network-policy',
      );
    }
  });

  // "allows connections from any pod in the default namespace with the label role=db to CIDR 10.0.0.0/24 on TCP port 5978"
  const egress: readonly (readonly [to: string, port: number, allowed: boolean])[] = [
    ['10.0.0.1', 5978, true],
    ['10.0.0.255', 5978, true],
    ['10.0.1.1', 5978, false],
    ['10.0.0.1', 5979, false],
    ['default/frontend', 5978, false],
  ];
  it.each(egress)('egress from default/db to %s on TCP %i: %s', (to, port, allowed) => {
    const d = decide(built, 'default/db', to, 'TCP', port);
    expect(d.egress.allowed).toBe(allowed);
    expect(d.droppedBy).toBe(allowed ? undefined : 'Egress');
  });

  it('isolates only role=db: other pods keep talking to each other', () => {
    const d = decide(built, 'default/backend', 'default/frontend', 'TCP', 80);
    expect(d.allowed).toBe(true);
    expect(d.ingress.reason).toBe('not-isolated');
    expect(d.egress.reason).toBe('not-isolated');
  });
});

describe('default policies', () => {
  const built = build(fixture('docs-default-policies.yaml'));
  const cells = (ns: string) =>
    connectivityMatrix(built.index, built.model.pods, { namespace: ns, port: 80 }).cells.flat();
  // Within each namespace (two pods, every pair and each pod to itself) and across from/to "plain".
  const table: readonly (readonly [ns: string, inside: boolean, fromPlain: boolean, toPlain: boolean])[] = [
    ['deny-ingress', false, false, true],
    ['allow-ingress', true, true, true],
    ['deny-egress', false, true, false],
    ['allow-egress', true, true, true],
    ['deny-all', false, false, false],
    ['egress-only', false, false, true],
    ['plain', true, true, true],
  ];
  it.each(table)('%s: inside %s, from plain %s, to plain %s', (ns, inside, fromPlain, toPlain) => {
    const matrix = cells(ns);
    expect(matrix).toHaveLength(4);
    expect(matrix.every((c) => c.allowed === (inside ? 'all' : 'none'))).toBe(true);
    expect(decide(built, 'plain/a', `${ns}/a`, 'TCP', 80).allowed).toBe(fromPlain);
    expect(decide(built, `${ns}/a`, 'plain/a', 'TCP', 80).allowed).toBe(toPlain);
  });

  it('default deny names the isolating policy and says it has no rules', () => {
    const d = decide(built, 'plain/a', 'deny-ingress/a', 'TCP', 80);
    expect(d.ingress.policies).toEqual([{ namespace: 'deny-ingress', name: 'default-deny-ingress' }]);
    expect(d.ingress.explanation).toContain('no ingress rules: ingress is denied entirely');
  });

  it('allow-all wins over default deny (the union of the policies)', () => {
    const d = decide(built, 'plain/a', 'allow-ingress/a', 'TCP', 80);
    expect(d.ingress.policies.map((p) => p.name)).toEqual(['default-deny-ingress', 'allow-all-ingress']);
    expect(d.ingress.policy?.name).toBe('allow-all-ingress');
    expect(d.ingress.rule).toEqual({ index: 0, path: 'spec.ingress[0]', peer: undefined, port: undefined });
  });

  it('deny-all drops on the source side first', () => {
    const d = decide(built, 'deny-all/a', 'deny-all/a', 'TCP', 80);
    expect([d.droppedBy, d.egress.allowed, d.ingress.allowed]).toEqual(['Egress', false, false]);
  });
});

describe('namespaceSelector and podSelector: one peer (AND) or two (OR)', () => {
  const built = build(fixture('docs-and-or.yaml'));
  const table: readonly (readonly [from: string, and: boolean, or: boolean])[] = [
    ['alice/client', true, true],
    ['alice/other', false, true],
    ['bob/client', false, false],
    ['and/client', false, false],
    ['or/client', false, true],
  ];
  it.each(table)('from %s: AND %s, OR %s', (from, and, or) => {
    expect(decide(built, from, 'and/server', 'TCP', 80).allowed).toBe(and);
    expect(decide(built, from, 'or/server', 'TCP', 80).allowed).toBe(or);
  });

  it('the policies default to Ingress only (no policyTypes, no egress rules)', () => {
    expect(built.index.policies.map((p) => [p.name, p.policyTypes, p.policyTypesDefaulted])).toEqual([
      ['alice-clients', ['Ingress'], true],
      ['alice-or-clients', ['Ingress'], true],
    ]);
  });
});

describe('endPort (Targeting a range of ports)', () => {
  const built = build(fixture('docs-endport.yaml'));
  // "allows any Pod with label role=db on the namespace default to communicate with any IP within
  // the range 10.0.0.0/24 over TCP, provided that the target port is between the range 32000 and 32768"
  const table: readonly (readonly [
    from: string,
    to: string,
    protocol: Protocol,
    port: number,
    allowed: boolean,
  ])[] = [
    ['default/db', '10.0.0.7', 'TCP', 32000, true],
    ['default/db', '10.0.0.7', 'TCP', 32768, true],
    ['default/db', '10.0.0.7', 'TCP', 32400, true],
    ['default/db', '10.0.0.7', 'TCP', 31999, false],
    ['default/db', '10.0.0.7', 'TCP', 32769, false],
    ['default/db', '10.0.0.7', 'UDP', 32000, false],
    ['default/db', '10.0.1.7', 'TCP', 32000, false],
    ['default/web', '10.0.1.7', 'TCP', 80, true],
  ];
  it.each(table)('%s → %s %s %i: %s', (from, to, protocol, port, allowed) => {
    const d = decide(built, from, to, protocol, port);
    expect(d.egress.allowed).toBe(allowed);
    if (allowed && from === 'default/db')
      expect(d.egress.explanation).toContain('ports[0] (TCP 32000-32768)');
  });

  it('a pod that is not selected is not isolated', () => {
    expect(pod(built, 'default/web').labels).toEqual({ role: 'web' });
    expect(decide(built, 'default/web', 'default/db', 'TCP', 5432).egress.reason).toBe('not-isolated');
  });
});
