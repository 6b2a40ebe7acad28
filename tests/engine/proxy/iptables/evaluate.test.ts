// The evaluator in one-connection mode (the simulation's): consistent with the trace-all tables,
// uniform over endpoints, session affinity through `-m recent`, and every hit located.

import { describe, expect, it } from 'vitest';
import { parseManifests } from '../../../../src/engine/index.ts';
import { evaluateIptables } from '../../../../src/engine/proxy/iptables/evaluate.ts';
import { syncProxyRules } from '../../../../src/engine/proxy/iptables/sync.ts';
import { proxyInputFromObjects } from '../../../../src/engine/proxy/input.ts';
import type { Packet } from '../../../../src/engine/proxy/types.ts';
import { sharedExists } from '../../../support/shared.ts';
import { flowScenarios, proxierConfig, ruleCases } from './conformance-data.ts';

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe.skipIf(!sharedExists())('evaluateIptables, one connection', () => {
  it('lands on one of the trace-all destinations, or on the same REJECT/DROP/no-match, for every flow', () => {
    for (const s of flowScenarios()) {
      const rules = syncProxyRules(proxyInputFromObjects(parseManifests(s.yaml).objects, s.config));
      for (const flow of s.flows) {
        const local = s.config.nodeIPs.includes(flow.sourceIP) || flow.sourceIP.startsWith('127.');
        for (let seed = 1; seed <= 8; seed++) {
          const packet: Packet = { ...flow, origin: local ? 'local' : 'forwarded', random: mulberry32(seed) };
          const one = evaluateIptables(rules, packet, s.config, { mode: 'one-connection' });
          const label = `${s.title} › ${flow.name} (seed ${seed})`;
          if (flow.output === 'REJECT') expect(one.verdict, label).toBe('reject');
          else if (flow.output === 'DROP') expect(one.verdict, label).toBe('drop');
          else if (flow.output === '') expect(one.verdict, label).toBe('no-match');
          else {
            expect(one.verdict, label).toBe('dnat');
            expect(flow.output.split(', '), label).toContain(
              `${one.destination?.ip}:${one.destination?.port}`,
            );
          }
        }
      }
    }
  });

  const overall = () => {
    const c = ruleCases().find((x) => x.name === 'overall-iptables-rules');
    const config = proxierConfig();
    return {
      config,
      rules: syncProxyRules(proxyInputFromObjects(parseManifests(c?.input ?? '').objects, config)),
    };
  };

  it('spreads connections evenly over the statistic ladder and reports the path probability', () => {
    const { config, rules } = overall();
    const random = mulberry32(42);
    const counts = new Map<string, number>();
    for (let i = 0; i < 2000; i++) {
      const r = evaluateIptables(
        rules,
        {
          sourceIP: '10.0.0.2',
          destIP: '172.30.0.44',
          destPort: 80,
          protocol: 'TCP',
          origin: 'forwarded',
          random,
        },
        config,
        { mode: 'one-connection' },
      );
      expect(r.probability).toBeCloseTo(0.5, 6);
      const key = `${r.destination?.ip}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect([...counts.keys()].sort()).toEqual(['10.180.0.4', '10.180.0.5']);
    for (const n of counts.values()) expect(n).toBeGreaterThan(900);
  });

  it('locates every rule that matched, from the built-in chain down to the DNAT', () => {
    const { config, rules } = overall();
    const r = evaluateIptables(
      rules,
      {
        sourceIP: '203.0.113.2',
        destIP: '192.168.0.2',
        destPort: 3003,
        protocol: 'TCP',
        origin: 'forwarded',
      },
      config,
      { mode: 'one-connection' },
    );
    expect(r.verdict).toBe('dnat');
    expect(r.masquerade).toBe(true);
    expect(r.matched.map((h) => `${h.table} ${h.chain}#${h.index} -j ${h.rule.target?.name ?? ''}`)).toEqual([
      'nat PREROUTING#0 -j KUBE-SERVICES',
      'nat KUBE-SERVICES#9 -j KUBE-NODEPORTS',
      'nat KUBE-NODEPORTS#3 -j KUBE-EXT-X27LE4BHSL4DOUIK',
      'nat KUBE-EXT-X27LE4BHSL4DOUIK#0 -j KUBE-MARK-MASQ',
      'nat KUBE-MARK-MASQ#0 -j MARK',
      'nat KUBE-EXT-X27LE4BHSL4DOUIK#1 -j KUBE-SVC-X27LE4BHSL4DOUIK',
      'nat KUBE-SVC-X27LE4BHSL4DOUIK#1 -j KUBE-SEP-OYPFS5VJICHGATKP',
      'nat KUBE-SEP-OYPFS5VJICHGATKP#1 -j DNAT',
      'filter FORWARD#0 -j KUBE-PROXY-FIREWALL',
      'filter FORWARD#1 -j KUBE-FORWARD',
      'filter KUBE-FORWARD#1 -j ACCEPT',
      'nat POSTROUTING#0 -j KUBE-POSTROUTING',
      'nat KUBE-POSTROUTING#1 -j MARK',
      'nat KUBE-POSTROUTING#2 -j MASQUERADE',
    ]);
  });

  it('keeps a ClientIP-affinity client on its endpoint through -m recent', () => {
    const { config, rules } = overall();
    const packet: Packet = {
      sourceIP: '10.0.0.9',
      destIP: '172.30.0.45',
      destPort: 80,
      protocol: 'TCP',
      origin: 'forwarded',
    };
    const first = evaluateIptables(rules, packet, config, { mode: 'one-connection' });
    expect(first.recentSet).toEqual(['KUBE-SEP-I77PXRDZVX7PMWMN']);
    const recent = new Map([['KUBE-SEP-I77PXRDZVX7PMWMN', new Map([['10.0.0.9', 100]])]]);
    const again = evaluateIptables(rules, packet, config, { mode: 'one-connection', recent, now: 200 });
    expect(again.matched.some((h) => h.rule.text.includes('--rcheck'))).toBe(true);
    const expired = evaluateIptables(rules, packet, config, {
      mode: 'one-connection',
      recent,
      now: 100 + 10801,
    });
    expect(expired.matched.some((h) => h.rule.text.includes('--rcheck'))).toBe(false);
  });
});
