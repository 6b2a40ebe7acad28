// Which Ingresses ingress-nginx takes (store.go GetIngressClass), and the admission webhook's
// strict pathType validation; the order it reads them in (sortIngressSlice).
import { describe, expect, it } from 'vitest';
import { sortIngresses } from '../../../src/engine/ingress/classes.ts';
import type { IngressSpec } from '../../../src/engine/ingress/ingress-spec.ts';
import { answer, build, fixture, route } from './support/route.ts';

const built = build(fixture('echo-backends.yaml'), fixture('classes.yaml'));
const names = (refs: readonly { name: string }[]) => refs.map((r) => r.name);

describe('which Ingresses ingress-nginx takes', () => {
  it('takes class nginx by spec.ingressClassName, by an IngressClass of its controller, or by the annotation', () => {
    expect(names(built.table.served).sort()).toEqual(['by-annotation', 'by-class-object', 'by-name']);
    expect(answer(route(built, 'http://internal.example/'))).toBe('root');
    expect(answer(route(built, 'http://annotated.example/'))).toBe('root');
  });

  it('ignores other classes, missing classes and no class, each with a reason and a located diagnostic', () => {
    const ignored = new Map(built.table.ignored.map((i) => [i.ingress.name, i.reason]));
    expect(ignored.get('other-controller')).toBe(
      'IngressClass "traefik" belongs to controller traefik.io/ingress-controller, not k8s.io/ingress-nginx; ingress-nginx leaves it to that controller.',
    );
    expect(ignored.get('other-annotation')).toContain(
      'ingress class annotation is not equal to the expected by Ingress Controller',
    );
    expect(ignored.get('no-such-class')).toContain('No IngressClass "missing" exists');
    expect(ignored.get('classless')).toContain('ingress does not contain a valid IngressClass');
    const diags = built.table.diagnostics.filter((d) => d.code === 'ingress/ignored-class');
    expect(diags.map((d) => [d.severity, d.path])).toEqual([
      ['info', 'spec.ingressClassName'],
      ['info', 'metadata.annotations.kubernetes.io/ingress.class'],
      ['warning', 'spec.ingressClassName'],
      ['warning', 'metadata.name'],
    ]);
    const traefik = built.objects.find((o) => o.name === 'other-controller');
    expect(diags[0]?.range).toEqual(traefik?.locate(['spec', 'ingressClassName']));
    expect(answer(route(built, 'http://traefik.example/'))).toBe('404');
  });

  it('refuses regex characters in Exact and Prefix paths, as the admission webhook does (dots are fine)', () => {
    expect(built.table.ignored.find((i) => i.ingress.name === 'regex-in-prefix')?.reason).toContain(
      'path /api(/|$)(.*) cannot be used with pathType Prefix',
    );
    const refused = built.table.diagnostics.filter((d) => d.code === 'ingress/invalid-path-type');
    expect(refused.map((d) => [d.severity, d.path, d.message])).toEqual([
      [
        'error',
        'spec.rules[0].http.paths[0].path',
        'admission webhook "validate.nginx.ingress.kubernetes.io" denied the request: ingress contains invalid paths: path /api(/|$)(.*) cannot be used with pathType Prefix',
      ],
    ]);
    expect(answer(route(built, 'http://regex.example/api/x'))).toBe('404');
  });
});

describe('the order ingress-nginx reads Ingresses in', () => {
  const spec = (name: string, createdAt: number) =>
    ({ ref: { namespace: 'default', name }, createdAt }) as IngressSpec;

  it('oldest first; created in the same second, by namespace/name descending', () => {
    const order = sortIngresses([spec('a', 0), spec('c', 0.5), spec('b', 0), spec('z', 10)]).map(
      (i) => i.ref.name,
    );
    expect(order).toEqual(['c', 'b', 'a', 'z']);
  });
});
