// rewrite-target: nginx's `rewrite "(?i)<path>" <target> break;` replaces the whole URI, with the
// path regex's capture groups; and the URI nginx normalizes before matching.
import { describe, expect, it } from 'vitest';
import { normalizeUri, rewriteFor } from '../../../src/engine/ingress/rewrite.ts';
import type { IngressLocation } from '../../../src/engine/ingress/types.ts';
import { answer, build, fixture, route } from './support/route.ts';

const built = build(fixture('echo-backends.yaml'), fixture('regex.yaml'));
const at = (path: string, rewriteTarget: string | undefined) => ({ path, rewriteTarget }) as IngressLocation;

describe('rewrite-target', () => {
  it('fills $1, $2 from the path regex and keeps the query string', () => {
    expect(route(built, 'http://surprise.example/api/users/7?x=1')).toMatchObject({
      service: { name: 'api' },
      upstreamPath: '/users/7?x=1',
    });
    expect(route(built, 'http://surprise.example/api').upstreamPath).toBe('/');
    expect(route(built, 'http://surprise.example/API/Users').upstreamPath).toBe('/Users');
    expect(answer(route(built, 'http://surprise.example/apix'))).toBe('404');
  });

  it('replaces the whole URI, not only the matched part', () => {
    const r = rewriteFor(at('/foo', '/'), normalizeUri('/foo/bar/baz'));
    expect(r.path).toBe('/');
    expect(r.directive).toBe('rewrite "(?i)/foo" / break;');
  });

  it('does nothing when the target equals the path, or is absent', () => {
    expect(rewriteFor(at('/', '/'), normalizeUri('/x?y=1')).path).toBe('/x?y=1');
    expect(rewriteFor(at('/foo', undefined), normalizeUri('/foo')).directive).toBeUndefined();
  });

  it('drops the query when the target ends in ? and keeps its own when it has one', () => {
    expect(rewriteFor(at('/old/(.*)', '/new/$1?'), normalizeUri('/old/a?b=1')).path).toBe('/new/a');
    expect(rewriteFor(at('/old/(.*)', '/new?page=$1'), normalizeUri('/old/a?b=1')).path).toBe('/new?page=a');
  });
});

describe("nginx's URI normalization", () => {
  it('decodes %XX, merges slashes and resolves dot segments before matching', () => {
    expect(normalizeUri('/a//b/./c/../d%2Fe?q=1')).toEqual({
      uri: '/a/b/d/e',
      args: 'q=1',
      requestUri: '/a//b/./c/../d%2Fe?q=1',
    });
    expect(normalizeUri('/foo/..').uri).toBe('/');
  });
});
