import { describe, expect, it } from 'vitest';
import type { SimHop } from '../../../src/engine/index.ts';
import { en } from '../../../src/i18n/en.ts';
import { ko } from '../../../src/i18n/ko.ts';
import { captionOf, oddsText, placeName } from '../../../src/ui/present/captions.ts';

const base: SimHop = {
  at: 5,
  seq: 3,
  request: 0,
  flow: 0,
  where: 'node/node-1',
  from: 'node/node-1',
  to: 'kube-proxy/node-1',
  kind: 'kube-proxy',
  description: 'kube-proxy…',
  status: 'ok',
  reply: false,
};
const hop = (over: Partial<SimHop>): SimHop => ({ ...base, ...over });

describe('captionOf', () => {
  it('says which pod kube-proxy picked and the odds, in English and Korean', () => {
    const h = hop({ pick: { pod: 'default/whale-a-x7k2p', how: 'random', probability: 0.5, of: 2 } });
    expect(captionOf(en, h)).toBe(
      'kube-proxy on node-1 picked pod default/whale-a-x7k2p with probability 1/2',
    );
    expect(captionOf(ko, h)).toBe('node-1의 kube-proxy: 파드 default/whale-a-x7k2p 선택 (확률 1/2)');
  });

  it('tells round robin, stickiness, a lone endpoint and a stop apart', () => {
    const pod = 'default/echo-1';
    expect(captionOf(en, hop({ pick: { pod, how: 'round-robin', probability: 1 / 3, of: 3 } }))).toBe(
      'kube-proxy on node-1 picked pod default/echo-1 in turn (round robin over 3)',
    );
    expect(captionOf(en, hop({ pick: { pod, how: 'sticky' } }))).toBe(
      'kube-proxy on node-1 picked pod default/echo-1: sticky, the same pod as before',
    );
    expect(captionOf(en, hop({ pick: { pod, how: 'random', probability: 1, of: 1 } }))).toBe(
      'kube-proxy on node-1 sent it to pod default/echo-1, the only endpoint',
    );
    expect(captionOf(en, hop({ status: 'failed' }))).toBe(
      'kube-proxy on node-1 stopped the packet: no endpoint took it',
    );
    expect(captionOf(ko, hop({ pick: { pod, how: 'sticky' } }))).toContain('세션 고정');
  });

  it('names the pod ingress-nginx picked, and marks replies and failures', () => {
    const proxy = hop({
      kind: 'proxy',
      where: 'pod/ingress-nginx/ctl',
      pick: { pod: 'default/whale-b', how: 'round-robin', probability: 0.5, of: 2 },
    });
    expect(captionOf(en, proxy)).toBe(
      'ingress-nginx picked pod default/whale-b in turn (round robin over 2)',
    );
    const back = hop({ kind: 'deliver', where: 'pod/default/whale-b', reply: true, status: 'failed' });
    expect(captionOf(en, back)).toBe('delivered to default/whale-b: it fails here (on the way back)');
    expect(captionOf(ko, back)).toBe('default/whale-b: 도착 — 여기서 실패 (돌아가는 길)');
  });

  it('writes untrusted names as they are (the caption is text, never markup)', () => {
    const h = hop({ pick: { pod: 'default/<img src=x onerror=alert(1)>', how: 'random', probability: 0.5 } });
    expect(captionOf(en, h)).toContain('<img src=x onerror=alert(1)>');
  });
});

describe('oddsText and placeName', () => {
  it('gives one in n as a fraction and other odds with two decimals', () => {
    expect(oddsText({ pod: 'p', how: 'random', probability: 0.33333333349 })).toBe('1/3');
    expect(oddsText({ pod: 'p', how: 'random', probability: 0.4 })).toBe('0.40');
    expect(oddsText({ pod: 'p', how: 'random', of: 4 })).toBe('1/4');
  });
  it('drops the kind prefix of a graph id', () => {
    expect(placeName('pod/default/a')).toBe('default/a');
    expect(placeName('external/client')).toBe('client');
  });
});
