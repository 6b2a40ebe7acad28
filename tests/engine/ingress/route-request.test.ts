// One request through ingress-nginx: TLS and the https redirect, the answer's headers, the
// upstream request, and the explanation a learner reads.
import { describe, expect, it } from 'vitest';
import { answer, build, fixture, route, server } from './support/route.ts';

const built = build(fixture('echo-backends.yaml'), fixture('hosts-tls.yaml'));

describe('TLS and the https redirect', () => {
  it('gives each spec.tls host its Secret, and presents it for the SNI name', () => {
    expect(server(built, 'shop.example')?.tls).toEqual({
      secretName: 'shop-tls',
      ingress: { namespace: 'default', name: 'shop' },
      usesDefaultCertificate: false,
    });
    const r = route(built, 'https://shop.example/');
    expect(r).toMatchObject({ outcome: 'proxied', certificate: 'default/shop-tls' });
    expect(r.responseHeaders['Strict-Transport-Security']).toBe('max-age=31536000; includeSubDomains');
  });

  it('answers http with 308 to https (ssl-redirect), dropping a trailing slash', () => {
    expect(route(built, 'http://shop.example/')).toMatchObject({
      outcome: 'redirect',
      httpStatus: 308,
      redirectTo: 'https://shop.example',
      redirectKind: 'ssl-redirect',
      responseHeaders: { Location: 'https://shop.example' },
    });
    expect(route(built, 'http://shop.example/cart/?id=1').redirectTo).toBe('https://shop.example/cart/?id=1');
    expect(route(built, 'http://shop.example/cart/').redirectTo).toBe('https://shop.example/cart');
  });

  it('keeps cert-manager challenges on http', () => {
    expect(answer(route(built, 'http://shop.example/.well-known/acme-challenge/token'))).toBe('api');
  });

  it("uses nginx's default certificate for a rule host its Ingress's spec.tls does not list, and still redirects", () => {
    expect(server(built, '*.shop.example')?.tls).toMatchObject({
      secretName: undefined,
      usesDefaultCertificate: true,
    });
    expect(answer(route(built, 'http://www.shop.example/'))).toBe('308 https://www.shop.example');
    expect(route(built, 'https://www.shop.example/').certificate).toBe('default-fake-certificate');
  });

  it('uses the default certificate without a secretName, or when the Secret is missing (with a warning)', () => {
    expect(server(built, 'nosecret.example')?.tls).toMatchObject({
      secretName: undefined,
      usesDefaultCertificate: true,
    });
    expect(server(built, 'missing.example')?.tls).toMatchObject({
      secretName: 'missing-tls',
      usesDefaultCertificate: true,
    });
    const warning = built.table.diagnostics.find((d) => d.code === 'ingress/tls-secret-not-found');
    expect(warning).toMatchObject({
      severity: 'warning',
      path: 'spec.tls[1].secretName',
      message:
        'Error getting SSL certificate "default/missing-tls": local SSL certificate default/missing-tls was not found. Using default certificate',
    });
    expect(route(built, 'http://missing.example/').httpStatus).toBe(308);
  });

  it('does not redirect with ssl-redirect: "false", and redirects anyway with force-ssl-redirect', () => {
    expect(answer(route(built, 'http://plain.example/'))).toBe('root');
    expect(server(built, 'forced.example')?.tls).toBeUndefined();
    expect(answer(route(built, 'http://forced.example/a/'))).toBe('308 https://forced.example/a/');
  });
});

describe('the request the pod receives', () => {
  it('keeps the method, Host and client headers, adds the X-Forwarded ones, speaks HTTP/1.1', () => {
    const r = route(built, 'https://shop.example/x', { method: 'POST' });
    expect(r.upstreamRequest).toEqual({
      method: 'POST',
      host: 'shop.example',
      path: '/x',
      proto: 'HTTP/1.1',
      headers: {
        Host: 'shop.example',
        'X-Forwarded-Host': 'shop.example',
        'X-Forwarded-Port': '443',
        'X-Forwarded-Proto': 'https',
        'X-Forwarded-Scheme': 'https',
        'X-Scheme': 'https',
      },
    });
    expect(r.responseHeaders).toMatchObject({ Server: 'nginx' });
  });

  it('explains each decision in order', () => {
    const r = route(built, 'http://plain.example/cart');
    expect(r.explanation[0]).toBe(
      'GET http://plain.example/cart reaches ingress-nginx (controller k8s.io/ingress-nginx).',
    );
    expect(r.explanation[1]).toBe(
      'Host plain.example matches the server plain.example by its exact server_name.',
    );
    expect(r.explanation.at(-1)).toMatch(
      /^ingress-nginx balances over the Service's ready endpoints itself, not through the ClusterIP: round robin picks 1 of 1, pod default\/echo-[a-z0-9]+-[a-z0-9]{5} at 10\.244\.\d+\.\d+:8080\.$/,
    );
  });
});
