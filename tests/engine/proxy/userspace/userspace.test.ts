import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildUserspaceRuleSet, renderUserspaceRules } from '../../../../src/engine/proxy/userspace/build.ts';
import { emptyUserspaceState, evaluateUserspace } from '../../../../src/engine/proxy/userspace/evaluate.ts';
import type { Packet } from '../../../../src/engine/proxy/types.ts';
import { expectGolden, scenario } from '../nftables/scenario.ts';

const input = scenario('userspace');
const set = buildUserspaceRuleSet(input);
const pkt = (over: Partial<Packet>): Packet => ({
  sourceIP: '10.244.1.20',
  destIP: '10.96.0.10',
  destPort: 80,
  protocol: 'TCP',
  origin: 'forwarded',
  ...over,
});

describe('userspace mode', () => {
  it('rules (golden)', () =>
    expectGolden(join(import.meta.dirname, 'golden', 'rules.txt'), renderUserspaceRules(set)));
  it('redirects a ClusterIP to the proxy port and round-robins', () => {
    let state = emptyUserspaceState();
    const got: string[] = [];
    for (let i = 0; i < 3; i++) {
      const r = evaluateUserspace(set, pkt({}), input, state);
      got.push(r.dnat?.ip ?? '');
      state = r.state;
      expect(r.matched[0]?.text).toContain('-j REDIRECT --to-ports 36000');
    }
    expect(got).toEqual(['10.244.1.5', '10.244.2.7', '10.244.1.5']);
  });
  it('DNATs host traffic to node IP:proxy port', () => {
    const r = evaluateUserspace(
      set,
      pkt({ origin: 'local', sourceIP: '192.168.0.2' }),
      input,
      emptyUserspaceState(),
    );
    expect(r.matched[0]?.text).toContain('-j DNAT --to-destination 192.168.0.2:36000');
  });
  it('retries on a dead backend', () => {
    const r = evaluateUserspace(set, pkt({}), input, emptyUserspaceState(), new Set(['10.244.1.5:8080']));
    expect(r.failedAttempts).toEqual(['10.244.1.5:8080']);
    expect(r.dnat?.ip).toBe('10.244.2.7');
    expect(r.why).toContain('retrying');
  });
  it('keeps ClientIP affinity', () => {
    const a = evaluateUserspace(set, pkt({ destIP: '10.96.0.40' }), input, emptyUserspaceState());
    const b = evaluateUserspace(set, pkt({ destIP: '10.96.0.40' }), input, a.state);
    expect(b.dnat).toEqual(a.dnat);
  });
  it('rejects when there are no endpoints', () => {
    expect(evaluateUserspace(set, pkt({ destIP: '10.96.0.50' }), input, emptyUserspaceState()).verdict).toBe(
      'reject',
    );
  });
  it('catches NodePorts on local addresses', () => {
    const r = evaluateUserspace(
      set,
      pkt({ destIP: '192.168.0.2', destPort: 30080 }),
      input,
      emptyUserspaceState(),
    );
    expect(r.dnat).toEqual({ ip: '10.244.2.8', port: 9000 });
  });
});
