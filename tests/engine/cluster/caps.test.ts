import { describe, expect, it } from 'vitest';
import { proxyInputFromModel } from '../../../src/engine/index.ts';
import { build, fixture, userPods } from './build-helpers.ts';

describe('semantic caps (hostile-inputs.md item 21)', () => {
  const model = build(fixture('replicas-bomb.yaml'));

  it('makes at most 1,000 pods per controller', () => {
    const pods = userPods(model);
    expect(pods.filter((p) => p.labels['app'] === 'web')).toHaveLength(1000);
    expect(pods.filter((p) => p.labels['app'] === 'db')).toHaveLength(1000);
    // StatefulSet ordinals stop at the cap too.
    expect(pods.some((p) => p.name === 'db-999')).toBe(true);
    expect(pods.some((p) => p.name === 'db-1000')).toBe(false);
  });

  it('says which cap and why, at each spec.replicas', () => {
    const caps = model.diagnostics.filter((d) => d.code === 'cap/replicas');
    expect(caps.map((d) => [d.range.start.line, d.message])).toEqual([
      [
        7,
        'spec.replicas: 1000000 is more than Podwire simulates: it makes at most 1000 pods per controller, so the picture stays readable and quick',
      ],
      [
        23,
        'spec.replicas: 5000 is more than Podwire simulates: it makes at most 1000 pods per controller, so the picture stays readable and quick',
      ],
    ]);
    expect(caps.every((d) => d.severity === 'warning' && d.path === 'spec.replicas')).toBe(true);
  });
});

describe('the kube-proxy cap: port/endpoint pairs (hostile-inputs.md item 21)', () => {
  const model = build(fixture('proxy-pairs-bomb.yaml'));
  const input = proxyInputFromModel(model, 'node-1', 'iptables');
  const ports = (name: string) => input.services.filter((s) => s.name === name);

  it('gives rules to as many ports as fit in 50,000 pairs, Services in order', () => {
    // 600 endpoints each: 83 ports are 49,800 pairs; the 84th would pass the cap.
    expect(ports('wide').map((p) => p.port)).toEqual(Array.from({ length: 83 }, (_, i) => i + 1));
    expect(ports('wide')[0]?.endpoints).toHaveLength(600);
    // 200 pairs are left: not enough for a port with 600 endpoints.
    expect(ports('after')).toEqual([]);
  });

  it('says which cap and why, at the first port left out of each Service', () => {
    const caps = model.diagnostics.filter((d) => d.code === 'cap/proxy-pairs');
    expect(caps.map((d) => [d.path, d.range.start.line])).toEqual([
      ['spec.ports[83]', 116],
      ['spec.ports[0]', 141],
    ]);
    expect(caps[0]?.message).toBe(
      "spec.ports[83]: kube-proxy's rules stop here in Podwire: 100 ports × 600 endpoints make 60000 port/endpoint pairs, and it simulates at most 50000 in a cluster (kube-proxy writes a rule chain for each), so the rules and the simulation stay quick. The ports from here on get no rules.",
    );
  });

  it('leaves a cluster under the cap alone', () => {
    const small = build(fixture('endpoints-shop.yaml'));
    expect(small.diagnostics.filter((d) => d.code === 'cap/proxy-pairs')).toEqual([]);
  });
});
