// The study note's Ingress examples through ingress-nginx: name-based hosting (whale) and the
// fanout with rewrite-target: / (networking.k8s.io/v1beta1, so its paths are ImplementationSpecific).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { seedYamlBlocks, sharedExists } from '../../support/shared.ts';
import { answer, build, fixture, route, server } from './support/route.ts';

const whaleText = readFileSync(new URL('../../../src/scenarios/whale-hosting.yaml', import.meta.url), 'utf8');

describe('name-based hosting: the whale scenario', () => {
  const whale = build(whaleText);

  it('serves both hosts, each on its own server whose rule path / replaced the root location', () => {
    expect(whale.table.served).toEqual([{ namespace: 'default', name: 'whale-ingress' }]);
    expect(whale.table.servers.map((s) => s.host)).toEqual(['_', 'a.whale.hey', 'b.whale.hey']);
    const a = server(whale, 'a.whale.hey');
    expect(a?.locations.map((l) => [l.path, l.match, l.nginx, l.isDefaultBackend])).toEqual([
      ['/', 'prefix', ['/'], false],
    ]);
    expect(whale.table.diagnostics).toEqual([]);
  });

  it('sends a.whale.hey to whale A and b.whale.hey to whale B, each pod directly on its target port', () => {
    const a = route(whale, 'http://a.whale.hey/');
    expect(a).toMatchObject({
      outcome: 'proxied',
      httpStatus: 200,
      service: { name: 'whale-svc-a', port: 80 },
    });
    expect(a.ingress).toEqual({
      namespace: 'default',
      name: 'whale-ingress',
      host: 'a.whale.hey',
      path: '/',
    });
    expect(a.endpoint?.pod).toMatch(/^whale-ingress-a-/);
    expect(a.endpoint?.port).toBe(80);
    expect(route(whale, 'http://b.whale.hey/').endpoint?.pod).toMatch(/^whale-ingress-b-/);
    expect(route(whale, 'http://B.Whale.Hey/').service?.name).toBe('whale-svc-b');
  });

  it('answers 404 from the default backend for another host', () => {
    const c = route(whale, 'http://c.whale.hey/');
    expect(answer(c)).toBe('404');
    expect(c.server?.host).toBe('_');
    expect(c.servers.find((s) => s.item.host === 'a.whale.hey')).toMatchObject({
      matched: false,
      reason: 'c.whale.hey is not a.whale.hey.',
    });
  });

  it.skipIf(!sharedExists())("routes the note's own text too (extensions/v1beta1, no pathType)", () => {
    const blocks = seedYamlBlocks();
    const pick = (suffix: string) => blocks.find((b) => b.title.endsWith(suffix))?.text ?? '';
    const note = build(pick('whale-rcs.yaml'), pick('whale-svcs-yaml'), pick('whale-ingress.yaml'));
    const loc = server(note, 'a.whale.hey')?.locations[0];
    expect(loc).toMatchObject({
      path: '/',
      pathType: 'ImplementationSpecific',
      match: 'prefix',
      isDefaultBackend: false,
    });
    expect(route(note, 'http://a.whale.hey/').service?.name).toBe('whale-svc-a');
    expect(route(note, 'http://b.whale.hey/').service?.name).toBe('whale-svc-b');
  });
});

describe('the fanout with rewrite-target: /', () => {
  const fanout = build(fixture('fanout-seed.yaml'));
  const foo = server(fanout, 'foo.bar.com');

  it('turns every path of foo.bar.com into a case-insensitive regex location, longest first', () => {
    expect(foo?.useRegex).toBe(true);
    expect(foo?.locations.map((l) => [l.path, l.pathType, l.match, l.nginx])).toEqual([
      ['/foo', 'ImplementationSpecific', 'regex', ['~* "^/foo"']],
      ['/bar', 'ImplementationSpecific', 'regex', ['~* "^/bar"']],
      ['/', 'Prefix', 'regex', ['~* "^/"']],
    ]);
  });

  it('sends /foo to service1 and /bar to service2, and the pods see /', () => {
    const r = route(fanout, 'http://foo.bar.com/foo');
    expect(r).toMatchObject({
      outcome: 'proxied',
      service: { name: 'service1', port: 4200 },
      upstreamPath: '/',
    });
    expect(r.endpoint?.port).toBe(4200);
    expect(r.explanation.join(' ')).toContain('rewrite "(?i)/foo" / break;');
    expect(route(fanout, 'http://foo.bar.com/bar/baz?x=1')).toMatchObject({
      service: { name: 'service2' },
      upstreamPath: '/?x=1',
    });
  });

  it('matches more than a Prefix would: /foobar and /FOO (regex, case-insensitive), both rewritten to /', () => {
    expect(route(fanout, 'http://foo.bar.com/foobar')).toMatchObject({
      service: { name: 'service1' },
      upstreamPath: '/',
    });
    expect(route(fanout, 'http://foo.bar.com/FOO/x')).toMatchObject({
      service: { name: 'service1' },
      upstreamPath: '/',
    });
  });

  it('answers 404 for other paths and hosts, and balances /foo over both service1 pods', () => {
    expect(answer(route(fanout, 'http://foo.bar.com/baz'))).toBe('404');
    expect(answer(route(fanout, 'http://bar.foo.com/foo'))).toBe('404');
    const pods = [0, 1, 2, 3].map(
      (counter) => route(fanout, 'http://foo.bar.com/foo', { counter }).endpoint?.pod,
    );
    expect(new Set(pods).size).toBe(2);
    expect(pods[0]).toBe(pods[2]);
  });
});
