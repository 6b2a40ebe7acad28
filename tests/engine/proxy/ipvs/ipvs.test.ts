import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildIpvsRuleSet } from '../../../../src/engine/proxy/ipvs/build.ts';
import { evaluateIpvs } from '../../../../src/engine/proxy/ipvs/evaluate.ts';
import {
  renderIpsetSave,
  renderIpvsadm,
  renderIpvsIptables,
  renderKubeIpvs0,
} from '../../../../src/engine/proxy/ipvs/render.ts';
import { emptyIpvsState } from '../../../../src/engine/proxy/ipvs/scheduler.ts';
import type { Packet } from '../../../../src/engine/proxy/types.ts';
import { expectGolden, scenario } from '../nftables/scenario.ts';

const input = scenario('ipvs');
const set = buildIpvsRuleSet(input);
const golden = (name: string) => join(import.meta.dirname, 'golden', name);
const pkt = (over: Partial<Packet>): Packet => ({
  sourceIP: '10.244.1.20',
  destIP: '10.96.0.10',
  destPort: 80,
  protocol: 'TCP',
  origin: 'forwarded',
  ...over,
});

describe('IPVS renderings', () => {
  it('ipvsadm -Ln (golden)', () => expectGolden(golden('ipvsadm.txt'), renderIpvsadm(set)));
  it('ipset save + kube-ipvs0 (golden)', () =>
    expectGolden(golden('ipset-save.txt'), `${renderIpsetSave(set)}${renderKubeIpvs0(set)}`));
  it('iptables rules (golden)', () => expectGolden(golden('iptables.txt'), renderIpvsIptables(set)));
  it('prints the ipvsadm header and persistence', () => {
    const text = renderIpvsadm(set);
    expect(
      text.startsWith(
        'IP Virtual Server version 1.2.1 (size=4096)\nProt LocalAddress:Port Scheduler Flags\n',
      ),
    ).toBe(true);
    expect(text).toContain('TCP  10.96.0.40:80 rr persistent 10800');
    expect(text).toContain('  -> 10.244.1.5:8080              Masq    1      0          0         ');
  });
});

describe('IPVS evaluator', () => {
  it('rr cycles through the real servers', () => {
    let state = emptyIpvsState();
    const got: string[] = [];
    for (let i = 0; i < 4; i++) {
      const r = evaluateIpvs(set, pkt({}), input, state);
      got.push(r.dnat?.ip ?? '');
      state = r.state;
    }
    expect(got).toEqual(['10.244.1.5', '10.244.2.7', '10.244.1.5', '10.244.2.7']);
  });
  it('lc picks the server with fewer active connections', () => {
    const lc = buildIpvsRuleSet(scenario('ipvs', { ipvsScheduler: 'lc' }));
    const first = evaluateIpvs(lc, pkt({}), input, emptyIpvsState());
    const second = evaluateIpvs(lc, pkt({}), input, first.state);
    expect(second.dnat?.ip).not.toBe(first.dnat?.ip);
    expect(second.why).toContain('least connections');
  });
  it('sh keeps a client on one server', () => {
    const sh = buildIpvsRuleSet(scenario('ipvs', { ipvsScheduler: 'sh' }));
    let state = emptyIpvsState();
    const seen = new Set<string>();
    for (let i = 0; i < 5; i++) {
      const r = evaluateIpvs(sh, pkt({ sourceIP: '10.244.1.33' }), input, state);
      seen.add(r.dnat?.ip ?? '');
      state = r.state;
    }
    expect(seen.size).toBe(1);
  });
  it('persistence (ClientIP affinity) sticks under rr', () => {
    const a = evaluateIpvs(set, pkt({ destIP: '10.96.0.40' }), input, emptyIpvsState());
    const b = evaluateIpvs(set, pkt({ destIP: '10.96.0.40' }), input, a.state);
    expect(b.dnat).toEqual(a.dnat);
    expect(b.probability).toBe(1);
  });
  it('rejects a virtual server without real servers', () => {
    const r = evaluateIpvs(set, pkt({ destIP: '10.96.0.50' }), input, emptyIpvsState());
    expect(r.verdict).toBe('reject');
  });
  it('eTP Local NodePort has no real servers on this node', () => {
    const r = evaluateIpvs(
      set,
      pkt({ sourceIP: '198.51.100.7', destIP: '192.168.0.2', destPort: 31000 }),
      input,
      emptyIpvsState(),
    );
    expect(r.verdict).toBe('reject');
    expect(r.why).toContain('externalTrafficPolicy Local');
  });
  it('NodePort traffic is marked for masquerade by the ipset rule', () => {
    const r = evaluateIpvs(
      set,
      pkt({ sourceIP: '172.16.0.9', destIP: '192.168.0.2', destPort: 30080 }),
      input,
      emptyIpvsState(),
    );
    expect(r.dnat).toEqual({ ip: '10.244.2.8', port: 9000 });
    expect(r.masquerade).toBe(true);
    expect(r.matched.some((m) => m.text.includes('KUBE-NODE-PORT-TCP'))).toBe(true);
  });
  it('drops LoadBalancer clients outside the source ranges', () => {
    const r = evaluateIpvs(
      set,
      pkt({ sourceIP: '8.8.8.8', destIP: '203.0.113.10' }),
      input,
      emptyIpvsState(),
    );
    expect(r.verdict).toBe('drop');
  });
  it('rejects other ports on a service address (KUBE-IPVS-FILTER)', () => {
    expect(evaluateIpvs(set, pkt({ destPort: 22 }), input, emptyIpvsState()).verdict).toBe('reject');
  });
});
