// Which server takes a Host: exact server_name, then the wildcard (one DNS label), then `_`.
import { describe, expect, it } from 'vitest';
import { answer, build, fixture, route } from './support/route.ts';

const built = build(fixture('echo-backends.yaml'), fixture('hosts-tls.yaml'));
const via = (url: string) => route(built, url.replace('http://', 'https://'));

describe('host matching', () => {
  it('takes an exact host, case-insensitively and with a trailing dot', () => {
    expect(via('http://shop.example/').server?.host).toBe('shop.example');
    expect(via('http://SHOP.Example./').server?.host).toBe('shop.example');
  });

  it('lets *.shop.example take exactly one label in front', () => {
    expect(answer(via('http://www.shop.example/'))).toBe('foo');
    const deeper = via('http://a.b.shop.example/');
    expect(deeper.server?.host).toBe('_');
    expect(deeper.servers.find((c) => c.item.host === '*.shop.example')?.reason).toBe(
      '*.shop.example does not match a.b.shop.example: the wildcard stands for exactly one DNS label, and "a.b" is 2 labels (server_name ~^(?<subdomain>[\\w-]+)\\.shop\\.example$).',
    );
    expect(via('http://shop.example/').servers.find((c) => c.item.host === '*.shop.example')?.matched).toBe(
      false,
    );
  });

  it('gives the wildcard no host that is only its suffix', () => {
    const bare = route(built, 'https://example.com/');
    expect(bare.server?.host).toBe('_');
    expect(answer(bare)).toBe('404');
  });

  it('sends an unknown host, and a request without Host, to the catch-all server _', () => {
    const unknown = via('http://nowhere.example/');
    expect(unknown.server?.host).toBe('_');
    expect(unknown.servers.find((c) => c.item.host === '_')?.reason).toBe(
      'No server_name matches nowhere.example, so nginx uses the default server _ (the catch-all).',
    );
    expect(route(built, 'http:///').server?.host).toBe('_');
  });
});
