// How nginx picks a location, and the reasons a learner reads for every location it looked at.
import { describe, expect, it } from 'vitest';
import { build, fixture, route } from './support/route.ts';

const built = build(fixture('echo-backends.yaml'), fixture('docs-examples.yaml'));
const reasons = (url: string) =>
  new Map(route(built, url).locations.map((c) => [`${c.item.pathType} ${c.item.path}`, c.reason]));

describe('location reasons', () => {
  it('says which path element differs for a Prefix miss', () => {
    expect(reasons('http://row17.docs.example/aaaccc').get('Prefix /aaa')).toBe(
      'Prefix /aaa does not match /aaaccc: "aaaccc" is not the path element "aaa".',
    );
    expect(reasons('http://row06.docs.example/FOO').get('Prefix /foo')).toBe(
      'Prefix /foo does not match /FOO: "FOO" is not "foo": paths are case-sensitive.',
    );
  });

  it('explains Exact misses: case, trailing slash, other path', () => {
    expect(reasons('http://row02.docs.example/FOO').get('Exact /foo')).toBe(
      'Exact /foo does not match /FOO: paths are case-sensitive.',
    );
    expect(reasons('http://row04.docs.example/foo/').get('Exact /foo')).toBe(
      'Exact /foo does not match /foo/: for Exact a trailing slash counts.',
    );
    expect(reasons('http://row03.docs.example/bar').get('Exact /foo')).toBe(
      'Exact /foo does not match /bar: Exact needs the whole path to be equal.',
    );
  });

  it('prefers the longest match, and an exact location over everything', () => {
    const longest = reasons('http://row15.docs.example/aaa/bbb/ccc');
    expect(longest.get('Prefix /aaa')).toBe(
      'Prefix /aaa matches /aaa/bbb/ccc: its path elements lead the request path (nginx location /aaa/). But Prefix /aaa/bbb is a longer match.',
    );
    const mixed = route(built, 'http://row18.docs.example/foo');
    expect(mixed.location).toMatchObject({ pathType: 'Exact', path: '/foo' });
    expect(mixed.explanation).toContain(
      'Location: Exact /foo matches /foo exactly, and an exact location wins at once.',
    );
  });

  it("answers /aaa/bbb with nginx's 301 to /aaa/bbb/ when only Prefix /aaa/bbb/ exists", () => {
    const r = route(built, 'http://row10.docs.example/aaa/bbb?x=1');
    expect(r).toMatchObject({
      outcome: 'redirect',
      httpStatus: 301,
      redirectKind: 'trailing-slash',
      redirectTo: 'http://row10.docs.example/aaa/bbb/?x=1',
    });
    expect(r.locations.find((c) => c.item.path === '/aaa/bbb/')?.reason).toBe(
      "Prefix /aaa/bbb/ is nginx's location /aaa/bbb/ and = /aaa/bbb/: /aaa/bbb is that minus its trailing slash, so nginx answers 301 Moved Permanently to /aaa/bbb/ (it matches after the redirect).",
    );
  });

  it('routes the same request the same way every time (pure)', () => {
    const a = route(built, 'http://row15.docs.example/aaa/bbb', { counter: 7 });
    const b = route(built, 'http://row15.docs.example/aaa/bbb', { counter: 7 });
    expect(b).toEqual(a);
  });
});
