// How ingress-nginx writes a server block: Prefix split into `/foo/` + `= /foo`, longest path
// first, server names for wildcards, and the regex mode one annotation switches on for a host.
import { describe, expect, it } from 'vitest';
import { buildServerName, sortLocations } from '../../../src/engine/ingress/template.ts';
import type { LocationDraft } from '../../../src/engine/ingress/servers.ts';
import { answer, build, fixture, route, server } from './support/route.ts';

const built = build(fixture('echo-backends.yaml'), fixture('regex.yaml'));

describe('server names', () => {
  it('writes a wildcard host as a one-label regex (template.go buildServerName)', () => {
    expect(buildServerName('*.foo.com')).toBe('~^(?<subdomain>[\\w-]+)\\.foo\\.com$');
    expect(buildServerName('foo.bar.com')).toBe('foo.bar.com');
  });
});

describe('location order', () => {
  it('sorts by path length, longest first, then by path descending (stable)', () => {
    const d = (path: string, pathType: 'Exact' | 'Prefix') => ({ path, pathType }) as LocationDraft;
    const sorted = sortLocations([
      d('/', 'Prefix'),
      d('/aaa', 'Prefix'),
      d('/foo', 'Prefix'),
      d('/foo', 'Exact'),
      d('/aaa/bbb', 'Prefix'),
    ]);
    expect(sorted.map((l) => `${l.pathType} ${l.path}`)).toEqual([
      'Prefix /aaa/bbb',
      'Prefix /foo',
      'Exact /foo',
      'Prefix /aaa',
      'Prefix /',
    ]);
  });
});

describe('plain locations', () => {
  it('splits Prefix /foo into location /foo/ and = /foo, except when an Exact /foo exists', () => {
    const mixed = server(built, 'mixed.example');
    expect(mixed?.useRegex).toBe(false);
    expect(mixed?.locations.map((l) => [l.pathType, l.path, l.nginx, l.exactTwin])).toEqual([
      ['Prefix', '/foo', ['/foo/'], false],
      ['Exact', '/foo', ['= /foo'], false],
      ['Prefix', '/', ['/'], false],
    ]);
    expect(answer(route(built, 'http://mixed.example/foo'))).toBe('foo-exact');
    expect(answer(route(built, 'http://mixed.example/foo/bar'))).toBe('foo');
    expect(answer(route(built, 'http://mixed.example/foobar'))).toBe('404');
  });
});

describe('ImplementationSpecific', () => {
  it('is Prefix in ingress-nginx (store.go SetDefaultNGINXPathType): /foo matches /foo and /foo/x, not /foobar', () => {
    expect(server(built, 'impl.example')?.locations[0]).toMatchObject({
      pathType: 'ImplementationSpecific',
      match: 'prefix',
      nginx: ['/foo/', '= /foo'],
    });
    expect(answer(route(built, 'http://impl.example/foo'))).toBe('foo');
    expect(answer(route(built, 'http://impl.example/foo/x'))).toBe('foo');
    const miss = route(built, 'http://impl.example/foobar');
    expect(answer(miss)).toBe('404');
    expect(miss.locations[0]?.reason).toBe(
      'ImplementationSpecific /foo (read as Prefix) does not match /foobar: "foobar" is not the path element "foo".',
    );
  });
});

describe('regex mode: one rewrite-target or use-regex on a host makes every location a ~* regex', () => {
  const surprise = server(built, 'surprise.example');

  it('writes every path of the host as ~* "^<path>", the other Ingress\'s too', () => {
    expect(surprise?.useRegex).toBe(true);
    expect(surprise?.locations.map((l) => [l.ingress?.name, l.pathType, l.path, l.nginx])).toEqual([
      ['rewriter', 'ImplementationSpecific', '/api(/|$)(.*)', ['~* "^/api(/|$)(.*)"']],
      ['surprise', 'Prefix', '/foo', ['~* "^/foo/"']],
      ['surprise', 'Exact', '/foo', ['~* "^/foo"']],
      [undefined, 'Prefix', '/', ['~* "^/"']],
    ]);
  });

  it('so Exact /foo stops being exact: it answers /foobar and /FOO (case-insensitive), first match in order wins', () => {
    expect(answer(route(built, 'http://surprise.example/foo'))).toBe('foo-exact');
    expect(answer(route(built, 'http://surprise.example/foobar'))).toBe('foo-exact');
    expect(answer(route(built, 'http://surprise.example/FOO/x'))).toBe('foo');
    const r = route(built, 'http://surprise.example/foo/x');
    expect(r.locations.find((c) => c.item.pathType === 'Exact')?.reason).toBe(
      'Exact /foo is written ~* "^/foo": the case-insensitive regex ^/foo matches /foo/x. But Prefix /foo comes first, and nginx takes the first regex that matches.',
    );
  });

  it('use-regex alone keeps the path as the client sent it', () => {
    const r = route(built, 'http://regex.example/V2/items/3');
    expect(r).toMatchObject({ outcome: 'proxied', service: { name: 'api' }, upstreamPath: '/V2/items/3' });
    expect(answer(route(built, 'http://regex.example/aaaccc'))).toBe('aaa');
    expect(r.explanation.join(' ')).toContain('case-insensitive ~* regex');
  });
});
