import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildNftablesRuleset } from '../../../../src/engine/proxy/nftables/build.ts';
import { evaluateNftables } from '../../../../src/engine/proxy/nftables/evaluate.ts';
import { renderNftListRuleset } from '../../../../src/engine/proxy/nftables/render-list.ts';
import { renderNftablesTransaction } from '../../../../src/engine/proxy/nftables/render-transaction.ts';
import type { Packet } from '../../../../src/engine/proxy/types.ts';
import { expectGolden, randoms, scenario } from './scenario.ts';

const input = scenario('nftables');
const table = buildNftablesRuleset(input);
const golden = (name: string) => join(import.meta.dirname, 'golden', name);
const pkt = (over: Partial<Packet>): Packet => ({
  sourceIP: '10.244.1.20',
  destIP: '10.96.0.10',
  destPort: 80,
  protocol: 'TCP',
  origin: 'forwarded',
  ...over,
});

describe('nftables renderings', () => {
  it('transaction text (golden)', () =>
    expectGolden(golden('transaction.txt'), renderNftablesTransaction(table)));
  it('nft list ruleset (golden)', () =>
    expectGolden(golden('list-ruleset.txt'), renderNftListRuleset(table)));
  it('prints nft spellings of marks and priorities', () => {
    const text = renderNftListRuleset(table);
    expect(text).toContain('meta mark set meta mark | 0x00004000');
    expect(text).toContain('type filter hook prerouting priority dstnat - 10; policy accept;');
    expect(text).toContain('type nat hook postrouting priority srcnat; policy accept;');
    expect(text).toContain('timeout 3h');
  });
});

describe('nftables evaluator', () => {
  it('picks the endpoint numgen selects, with probability 1/2', () => {
    const a = evaluateNftables(table, pkt({ random: randoms(0.1) }), input);
    const b = evaluateNftables(table, pkt({ random: randoms(0.9) }), input);
    expect(a.dnat).toEqual({ ip: '10.244.1.5', port: 8080 });
    expect(b.dnat).toEqual({ ip: '10.244.2.7', port: 8080 });
    expect(a.probability).toBe(0.5);
    expect(a.masquerade).toBe(false);
    expect(a.matched.map((m) => m.where)).toContain('service-ips');
  });
  it('masquerades off-cluster clients of a ClusterIP', () => {
    const r = evaluateNftables(table, pkt({ sourceIP: '192.168.5.5', random: randoms(0) }), input);
    expect(r.verdict).toBe('dnat');
    expect(r.masquerade).toBe(true);
  });
  it('rejects a Service without endpoints', () => {
    const r = evaluateNftables(table, pkt({ destIP: '10.96.0.50' }), input);
    expect(r.verdict).toBe('reject');
    expect(r.matched.some((m) => m.where === 'no-endpoint-services')).toBe(true);
  });
  it('rejects an unknown port of a ClusterIP and drops an unallocated service IP', () => {
    expect(evaluateNftables(table, pkt({ destPort: 81 }), input).verdict).toBe('reject');
    const r = evaluateNftables(table, pkt({ destIP: '10.96.0.99' }), input);
    expect(r.verdict).toBe('drop');
    expect(r.why).toContain('Drop traffic to unallocated ClusterIPs');
  });
  it('drops external traffic to an eTP=Local Service with no local endpoint', () => {
    const r = evaluateNftables(
      table,
      pkt({ sourceIP: '198.51.100.7', destIP: '192.168.0.2', destPort: 31000 }),
      input,
    );
    expect(r.verdict).toBe('drop');
  });
  it('short-circuits pod traffic to an eTP=Local NodePort to the cluster chain', () => {
    const r = evaluateNftables(
      table,
      pkt({ destIP: '192.168.0.2', destPort: 31000, random: randoms(0) }),
      input,
    );
    expect(r.dnat).toEqual({ ip: '10.244.2.9', port: 8443 });
    expect(r.why).toContain('short-circuit pod traffic');
  });
  it('drops allowed LoadBalancer clients when no endpoint is local (eTP Local)', () => {
    const r = evaluateNftables(table, pkt({ sourceIP: '198.51.100.7', destIP: '203.0.113.10' }), input);
    expect(r.verdict).toBe('drop');
    expect(r.matched.some((m) => m.where === 'no-endpoint-services')).toBe(true);
  });
  it('drops LoadBalancer traffic from outside loadBalancerSourceRanges', () => {
    const r = evaluateNftables(table, pkt({ sourceIP: '8.8.8.8', destIP: '203.0.113.10' }), input);
    expect(r.verdict).toBe('drop');
    expect(r.matched.some((m) => m.where === 'firewall-ips')).toBe(true);
  });
  it('NodePort DNATs and masquerades (eTP Cluster)', () => {
    const r = evaluateNftables(
      table,
      pkt({ sourceIP: '172.16.0.9', destIP: '192.168.0.2', destPort: 30080 }),
      input,
    );
    expect(r.dnat).toEqual({ ip: '10.244.2.8', port: 9000 });
    expect(r.masquerade).toBe(true);
  });
  it('ClientIP affinity: update on first connection, stick on the next', () => {
    const first = evaluateNftables(table, pkt({ destIP: '10.96.0.40', random: randoms(0.9) }), input);
    expect(first.affinityUpdates).toHaveLength(1);
    const [u] = first.affinityUpdates;
    const affinity = new Map([[u?.set ?? '', [u?.ip ?? '']]]);
    const again = evaluateNftables(table, pkt({ destIP: '10.96.0.40', random: randoms(0.1) }), input, {
      affinity,
    });
    expect(again.dnat).toEqual(first.dnat);
    expect(again.probability).toBe(1);
  });
  it('leaves non-service traffic alone and counts the rules it visited', () => {
    const r = evaluateNftables(table, pkt({ destIP: '10.244.2.7', destPort: 8080 }), input);
    expect(r.verdict).toBe('no-match');
    expect(r.rulesVisited).toBeGreaterThan(0);
    expect(r.rulesVisited).toBeLessThan(20);
  });
});
