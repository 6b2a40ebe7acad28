// The upstream e2e NetworkPolicy tests (kubernetes test/e2e/network/netpol/network_policy.go) as
// truth tables over their model (model.go: x, y, z × a, b, c): each case's policies, the probed
// port and protocol, and the reachability its expectations describe (reachability.go ExpectPeer,
// Expect, ExpectAllIngress, ExpectAllEgress on a default-true table). Probes go pod to pod after
// DNAT (upstream probes each pod's Service, which kube-proxy DNATs to the pod).
import { describe, expect, it } from 'vitest';
import type { Protocol } from '../../../src/engine/index.ts';
import { build, decide, fixture, pod, type Built } from './load.ts';

const PODS = ['x', 'y', 'z'].flatMap((ns) => ['a', 'b', 'c'].map((p) => `${ns}/${p}`));

interface Peer {
  readonly namespace?: string;
  readonly pod?: string;
}

/** The e2e Reachability: expectations over every pair, default allowed. */
class Reachability {
  readonly expected = new Map<string, boolean>(PODS.flatMap((f) => PODS.map((t) => [`${f}>${t}`, true])));
  expect(from: string, to: string, value: boolean): this {
    this.expected.set(`${from}>${to}`, value);
    return this;
  }
  expectPeer(from: Peer, to: Peer, value: boolean): this {
    const matches = (peer: Peer, p: string) => {
      const [ns, name] = p.split('/');
      return (peer.namespace ?? ns) === ns && (peer.pod ?? name) === name;
    };
    for (const f of PODS)
      for (const t of PODS) if (matches(from, f) && matches(to, t)) this.expect(f, t, value);
    return this;
  }
  expectAllIngress(to: string, value: boolean): this {
    for (const f of PODS) this.expect(f, to, value);
    return this;
  }
  expectAllEgress(from: string, value: boolean): this {
    for (const t of PODS) this.expect(from, t, value);
    return this;
  }
}

const r = () => new Reachability();
const x = { namespace: 'x' };
const z = { namespace: 'z' };
const all = {};

type Probe = readonly [port: number, protocol: Protocol, reachability: Reachability];
const CASES: readonly (readonly [title: string, file: string, probes: readonly Probe[]])[] = [
  [
    "should support a 'default-deny-ingress' policy",
    'default-deny-ingress.yaml',
    [[80, 'TCP', r().expectPeer(all, x, false)]],
  ],
  [
    "should support a 'default-deny-all' policy",
    'default-deny-all.yaml',
    [[80, 'TCP', r().expectPeer(all, x, false).expectPeer(x, all, false)]],
  ],
  [
    'should enforce policy to allow traffic from pods within server namespace based on PodSelector',
    'pod-selector.yaml',
    [[80, 'TCP', r().expectAllIngress('x/a', false).expect('x/b', 'x/a', true)]],
  ],
  [
    'should enforce policy to allow ingress traffic for a target',
    'ingress-for-target.yaml',
    [
      [
        80,
        'TCP',
        r().expectAllIngress('x/a', true).expectAllIngress('x/b', false).expectAllIngress('x/c', false),
      ],
    ],
  ],
  [
    'should enforce policy to allow traffic only from a different namespace, based on NamespaceSelector',
    'namespace-selector.yaml',
    [
      [
        80,
        'TCP',
        r()
          .expectPeer(x, { namespace: 'x', pod: 'a' }, false)
          .expectPeer(z, { namespace: 'x', pod: 'a' }, false),
      ],
    ],
  ],
  [
    'should enforce policy based on PodSelector or NamespaceSelector',
    'pod-or-namespace.yaml',
    [[80, 'TCP', r().expect('x/a', 'x/a', false).expect('x/c', 'x/a', false)]],
  ],
  [
    'should enforce policy based on PodSelector and NamespaceSelector',
    'pod-and-namespace.yaml',
    [[80, 'TCP', r().expectAllIngress('x/a', false).expect('y/b', 'x/a', true).expect('z/b', 'x/a', true)]],
  ],
  [
    'should enforce policy based on Ports',
    'ports.yaml',
    [
      [
        81,
        'TCP',
        r()
          .expectPeer(x, { namespace: 'x', pod: 'a' }, false)
          .expectPeer(z, { namespace: 'x', pod: 'a' }, false),
      ],
      [80, 'TCP', r().expectAllIngress('x/a', false)],
    ],
  ],
  [
    'should enforce multiple, stacked policies with overlapping podSelectors',
    'stacked.yaml',
    [
      [
        81,
        'TCP',
        r()
          .expectPeer(x, { namespace: 'x', pod: 'a' }, false)
          .expectPeer(z, { namespace: 'x', pod: 'a' }, false),
      ],
      [
        80,
        'TCP',
        r()
          .expectPeer(x, { namespace: 'x', pod: 'a' }, false)
          .expectPeer(z, { namespace: 'x', pod: 'a' }, false),
      ],
    ],
  ],
  [
    'should allow ingress access on one named port',
    'named-port-ingress.yaml',
    [
      [81, 'TCP', r()],
      [80, 'TCP', r().expectPeer(all, x, false)],
    ],
  ],
  [
    'should allow egress access on one named port',
    'named-port-egress.yaml',
    [
      [80, 'TCP', r()],
      [81, 'TCP', r().expectPeer(x, all, false)],
    ],
  ],
  [
    'should enforce multiple egress policies with egress allow-all policy taking precedence',
    'egress-allow-all-precedence.yaml',
    [[81, 'TCP', r()]],
  ],
  [
    'should enforce policies to check ingress and egress policies can be controlled independently based on PodSelector',
    'ingress-egress-independent.yaml',
    [[80, 'TCP', r().expectAllIngress('x/a', false)]],
  ],
  [
    "should not mistakenly treat 'protocol: SCTP' as 'protocol: TCP'",
    'sctp-not-tcp.yaml',
    [[81, 'TCP', r().expectPeer(all, x, false)]],
  ],
  [
    'should not allow access by TCP when a policy specifies only UDP',
    'udp-not-tcp.yaml',
    [[81, 'TCP', r().expectAllIngress('x/a', false)]],
  ],
  [
    'should allow egress access to server in CIDR block',
    'cidr-egress.yaml',
    [[80, 'TCP', r().expectAllEgress('x/a', false).expect('x/a', 'y/b', true)]],
  ],
  [
    'should enforce except clause while egress access to server in CIDR block',
    'cidr-except.yaml',
    [[80, 'TCP', r().expect('x/a', 'x/b', false)]],
  ],
  [
    'should ensure an IP overlapping both IPBlock.CIDR and IPBlock.Except is allowed',
    'cidr-except-overlap.yaml',
    [[80, 'TCP', r()]],
  ],
];

/** The case's policies with POD_IP(ns/name) replaced by that pod's address in the model built without them. */
function withPolicies(file: string): Built {
  const base = build(fixture('e2e/model.yaml'));
  const text = fixture(`e2e/${file}`).replace(
    /POD_IP\(([a-z]\/[a-z])\)/g,
    (_, ref: string) => pod(base, ref).ip,
  );
  return build(fixture('e2e/model.yaml'), text);
}

describe('upstream e2e netpol truth tables', () => {
  it.each(CASES)('%s', (_title, file, probes) => {
    const built = withPolicies(file);
    expect(built.parseErrors).toEqual([]);
    expect(built.index.policies.length).toBeGreaterThan(0);
    for (const [port, protocol, reachability] of probes) {
      const observed = new Map<string, boolean>(
        PODS.flatMap((f) =>
          PODS.map((t) => [`${f}>${t}`, decide(built, f, t, protocol, port).allowed] as const),
        ),
      );
      const wrong = [...reachability.expected]
        .filter(([k, v]) => observed.get(k) !== v)
        .map(([k]) => `${k} on ${protocol} ${String(port)}`);
      expect(wrong).toEqual([]);
    }
  });

  it('the model builds the e2e pods with their named ports', () => {
    const built = build(fixture('e2e/model.yaml'));
    expect(
      built.model.pods
        .filter((p) => ['x', 'y', 'z'].includes(p.namespace))
        .map((p) => `${p.namespace}/${p.name}`),
    ).toEqual(PODS);
    expect(pod(built, 'x/a').containers.flatMap((c) => c.ports.map((p) => p.name))).toEqual([
      'serve-80-tcp',
      'serve-80-udp',
      'serve-81-tcp',
      'serve-81-udp',
    ]);
  });
});
