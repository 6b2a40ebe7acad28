// Several Ingresses on one host: the first read keeps a duplicate host + path + pathType, the
// later one gets a located warning; the same path with another pathType is allowed.
import { describe, expect, it } from 'vitest';
import { answer, build, fixture, route, server } from './support/route.ts';

const built = build(fixture('echo-backends.yaml'), fixture('conflicts.yaml'));
const conflicts = built.table.diagnostics.filter((d) => d.code === 'ingress/path-conflict');

describe('merging the Ingresses of one host', () => {
  it('keeps the path of the Ingress read first, and the same path with another pathType', () => {
    expect(server(built, 'dup.example')?.locations.map((l) => [l.ingress?.name, l.pathType, l.path])).toEqual(
      [
        ['beta', 'Prefix', '/app'],
        ['beta', 'Exact', '/app'],
        [undefined, 'Prefix', '/'],
      ],
    );
    expect(answer(route(built, 'http://dup.example/app/x'))).toBe('aaa');
    expect(answer(route(built, 'http://dup.example/app'))).toBe('api');
  });

  it('warns on the later path, saying why the other was read first', () => {
    const alpha = built.objects.find((o) => o.name === 'alpha');
    expect(conflicts[0]).toMatchObject({
      severity: 'warning',
      path: 'spec.rules[0].http.paths[0].path',
      range: alpha?.locate(['spec', 'rules', 0, 'http', 'paths', 0, 'path']),
      message:
        'Location "/app" already configured for server "dup.example" with upstream "default-aaa-80" (Ingress "default/alpha"): this path is not used; the path of Ingress default/beta is kept: both were created in the same second, so ingress-nginx orders them by namespace/name, reverse alphabetical (default/beta before default/alpha).',
    });
    expect(conflicts[0]?.hint).toContain(
      'admission webhook "validate.nginx.ingress.kubernetes.io" denied the request',
    );
  });

  it('lets an Ingress applied later by the Simulation lose to the older one', () => {
    const gamma = conflicts.find((d) => d.message.includes('"default/gamma"'));
    expect(gamma?.message).toContain(
      'Ingress default/beta is older, and ingress-nginx reads Ingresses oldest first',
    );
  });

  it('warns when two paths become the same nginx location (Prefix /docs and /docs/ are both location /docs/)', () => {
    const twice = built.table.diagnostics.find((d) => d.code === 'ingress/duplicate-location');
    expect(twice?.message).toMatch(
      /^nginx: \[emerg\] duplicate location "\/docs\/" in server twice\.example/,
    );
    expect(server(built, 'twice.example')?.locations.map((l) => l.nginx)).toEqual([
      ['/docs/', '= /docs/'],
      ['/'],
    ]);
  });
});

describe('spec.defaultBackend', () => {
  const db = build(fixture('echo-backends.yaml'), fixture('default-backend.yaml'));

  it("serves every other path of the Ingress's hosts from its default backend", () => {
    expect(answer(route(db, 'http://site.example/api/x'))).toBe('api');
    expect(answer(route(db, 'http://site.example/other'))).toBe('foo');
    expect(server(db, 'site.example')?.locations.at(-1)).toMatchObject({
      path: '/',
      isDefaultBackend: true,
      ingress: { name: 'site' },
    });
  });

  it('gives the catch-all server to the last Ingress read with a defaultBackend, for every host, path and method', () => {
    for (const url of ['http://anything.example/', 'http://10.0.0.1/deep/path', 'http:///x'])
      expect(answer(route(db, url, { method: 'DELETE' }))).toBe('root');
    const overridden = db.table.diagnostics.find((d) => d.code === 'ingress/default-backend-overridden');
    expect(overridden).toMatchObject({ severity: 'warning', path: 'spec.defaultBackend' });
    expect(overridden?.message).toContain(
      "Ingress default/site's spec.defaultBackend no longer answers requests for unknown hosts",
    );
  });

  it('adds no location for a resource backend (with an info), so the path falls to the default backend', () => {
    expect(answer(route(db, 'http://static.example/assets/app.js'))).toBe('404');
    expect(db.table.diagnostics.find((d) => d.code === 'ingress/not-a-service-backend')).toMatchObject({
      severity: 'info',
      path: 'spec.rules[0].http.paths[0].backend',
    });
  });
});
