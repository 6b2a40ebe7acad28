// The Kubernetes documentation's path matching table, one test per row
// (https://kubernetes.io/docs/concepts/services-networking/ingress/#examples), through
// ingress-nginx. Where nginx answers with a 301 (a location ending in "/"), the row says so:
// the docs' answer then holds after the redirect, which a browser or curl -L follows.
import { describe, expect, it } from 'vitest';
import { answer, build, fixture, route } from './support/route.ts';

const built = build(fixture('echo-backends.yaml'), fixture('docs-examples.yaml'));

interface Row {
  readonly kind: string;
  readonly paths: string;
  readonly requests: readonly string[];
  readonly docs: string;
  /** What ingress-nginx answers each request with (a Service name, 404, or `301 <Location>`). */
  readonly nginx: readonly string[];
}

const rows: Row[] = [
  { kind: 'Prefix', paths: '/', requests: ['/', '/anything/at/all'], docs: 'Yes', nginx: ['root', 'root'] },
  { kind: 'Exact', paths: '/foo', requests: ['/foo'], docs: 'Yes', nginx: ['foo'] },
  { kind: 'Exact', paths: '/foo', requests: ['/bar'], docs: 'No', nginx: ['404'] },
  { kind: 'Exact', paths: '/foo', requests: ['/foo/'], docs: 'No', nginx: ['404'] },
  // nginx: `location = /foo/` with proxy_pass redirects /foo to /foo/ (not served for /foo itself).
  {
    kind: 'Exact',
    paths: '/foo/',
    requests: ['/foo'],
    docs: 'No',
    nginx: ['301 http://row05.docs.example/foo/'],
  },
  { kind: 'Prefix', paths: '/foo', requests: ['/foo', '/foo/'], docs: 'Yes', nginx: ['foo', 'foo'] },
  {
    kind: 'Prefix',
    paths: '/foo/',
    requests: ['/foo', '/foo/'],
    docs: 'Yes',
    nginx: ['301 http://row07.docs.example/foo/', 'foo'],
  },
  { kind: 'Prefix', paths: '/aaa/bb', requests: ['/aaa/bbb'], docs: 'No', nginx: ['404'] },
  { kind: 'Prefix', paths: '/aaa/bbb', requests: ['/aaa/bbb'], docs: 'Yes', nginx: ['aaa-bbb'] },
  {
    kind: 'Prefix',
    paths: '/aaa/bbb/',
    requests: ['/aaa/bbb', '/aaa/bbb/'],
    docs: 'Yes, ignores trailing slash',
    nginx: ['301 http://row10.docs.example/aaa/bbb/', 'aaa-bbb'],
  },
  {
    kind: 'Prefix',
    paths: '/aaa/bbb',
    requests: ['/aaa/bbb/'],
    docs: 'Yes, matches trailing slash',
    nginx: ['aaa-bbb'],
  },
  {
    kind: 'Prefix',
    paths: '/aaa/bbb',
    requests: ['/aaa/bbb/ccc'],
    docs: 'Yes, matches subpath',
    nginx: ['aaa-bbb'],
  },
  {
    kind: 'Prefix',
    paths: '/aaa/bbb',
    requests: ['/aaa/bbbxyz'],
    docs: 'No, does not match string prefix',
    nginx: ['404'],
  },
  {
    kind: 'Prefix',
    paths: '/, /aaa',
    requests: ['/aaa/ccc'],
    docs: 'Yes, matches /aaa prefix',
    nginx: ['aaa'],
  },
  {
    kind: 'Prefix',
    paths: '/, /aaa, /aaa/bbb',
    requests: ['/aaa/bbb'],
    docs: 'Yes, matches /aaa/bbb prefix',
    nginx: ['aaa-bbb'],
  },
  {
    kind: 'Prefix',
    paths: '/, /aaa, /aaa/bbb',
    requests: ['/ccc'],
    docs: 'Yes, matches / prefix',
    nginx: ['root'],
  },
  { kind: 'Prefix', paths: '/aaa', requests: ['/ccc'], docs: 'No, uses default backend', nginx: ['404'] },
  {
    kind: 'Mixed',
    paths: '/foo (Prefix), /foo (Exact)',
    requests: ['/foo'],
    docs: 'Yes, prefers Exact',
    nginx: ['foo-exact'],
  },
];

describe('the Kubernetes docs path matching examples, as ingress-nginx answers them', () => {
  rows.forEach((row, i) => {
    const host = `row${String(i + 1).padStart(2, '0')}.docs.example`;
    it(`${row.kind} | ${row.paths} | ${row.requests.join(', ')} | ${row.docs}`, () => {
      const answers = row.requests.map((path) => answer(route(built, `http://${host}${path}`)));
      expect(answers).toEqual(row.nginx);
      // Following each redirect once gives the documentation's answer.
      const followed = row.requests.map((path) => {
        const first = route(built, `http://${host}${path}`);
        return first.redirectTo ? answer(route(built, first.redirectTo)) : answer(first);
      });
      const served = followed.every((a) => !/^\d/.test(a));
      if (row.docs.startsWith('Yes')) expect(served).toBe(true);
    });
  });

  it('explains a miss element by element', () => {
    const r = route(built, 'http://row13.docs.example/aaa/bbbxyz');
    expect(r.locations.find((c) => c.item.path === '/aaa/bbb')?.reason).toBe(
      'Prefix /aaa/bbb does not match /aaa/bbbxyz: "bbbxyz" is not the path element "bbb".',
    );
  });
});
