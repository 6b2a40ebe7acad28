import { describe, expect, it } from 'vitest';
import type { SimHop } from '../../src/engine/index.ts';
import { fileName, requestHops, traceJson, traceText } from '../../src/state/export-trace.ts';

const hop = (seq: number, request: number, over: Partial<SimHop> = {}): SimHop => ({
  at: seq * 0.5,
  seq,
  request,
  flow: 0,
  where: 'node/node-1',
  from: 'node/node-1',
  to: 'kube-proxy/node-1',
  kind: 'forward',
  description: `hop ${String(seq)}`,
  status: 'ok',
  reply: false,
  ...over,
});

const timeline = [
  hop(4, 1),
  hop(1, 0, { kind: 'send', where: 'client' }),
  hop(2, 0, {
    kind: 'kube-proxy',
    rule: '-A KUBE-SEP-X -j DNAT --to-destination 10.244.0.3:80',
    before: { src: '203.0.113.10:40000', dst: '172.18.0.2:30301' },
    after: { src: '172.18.0.2:40000', dst: '10.244.0.3:80' },
    pick: { pod: 'default/whale-a', how: 'random', probability: 0.5, of: 2 },
  }),
  hop(3, 0, { kind: 'deliver', where: 'pod/default/whale-a', reply: true, status: 'failed' }),
];

describe('trace export', () => {
  it('takes one request’s hops, in order', () => {
    expect(requestHops(timeline, 0).map((h) => h.seq)).toEqual([1, 2, 3]);
    expect(requestHops(timeline, 1).map((h) => h.seq)).toEqual([4]);
  });

  it('writes the text as podwire trace does: time, place, step, addresses, rule, pick', () => {
    const text = traceText(requestHops(timeline, 0));
    expect(text.split('\n')).toEqual([
      'request 0 (flow 0)',
      'hops:',
      '    0.500 ms  client  send: hop 1',
      '    1.000 ms  node/node-1  kube-proxy: hop 2  [203.0.113.10:40000 -> 172.18.0.2:30301  =>  172.18.0.2:40000 -> 10.244.0.3:80]',
      '      rule: -A KUBE-SEP-X -j DNAT --to-destination 10.244.0.3:80',
      '      picked: default/whale-a (random probability 0.5000)',
      '    1.500 ms  pod/default/whale-a  deliver (reply) (failed): hop 3',
      '',
    ]);
  });

  it('writes JSON that parses back to the same hops', () => {
    const hops = requestHops(timeline, 0);
    const parsed = JSON.parse(traceJson(hops)) as { request: number; hops: SimHop[] };
    expect(parsed.request).toBe(0);
    expect(parsed.hops).toEqual(hops);
  });

  it('makes file names safe from untrusted parts', () => {
    expect(fileName('rules-../../<img>-node 1', 'txt')).toBe('rules-img-node-1.txt');
    expect(fileName('///', 'json')).toBe('podwire.json');
  });
});
