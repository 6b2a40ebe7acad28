// routeRequest: one HTTP request through ingress-nginx, step by step: server by Host, location by
// path (nginx), the https redirect (rootfs/etc/nginx/lua/lua_ingress.lua rewrite), then the
// location's upstream: the Service's ready endpoints in round robin (lua/balancer/round_robin.lua),
// or the default backend's 404. Pure: the counter passed in picks the endpoint.

import type { ClusterModel } from '../cluster/types.ts';
import { resolveBackend } from './endpoints.ts';
import { chooseServer, normalizeHost } from './host-match.ts';
import { keyOf } from './ingress-spec.ts';
import { chooseLocation } from './path-match.ts';
import { normalizeUri, rewriteFor } from './rewrite.ts';
import { CATCH_ALL } from './servers.ts';
import type {
  IngressLocation,
  IngressRequest,
  IngressRouteTable,
  IngressRouting,
  IngressServer,
} from './types.ts';

/** ConfigMap defaults: http-redirect-code 308, hsts max-age one year with subdomains. */
const REDIRECT_CODE = 308;
const HSTS = 'max-age=31536000; includeSubDomains';
/** ConfigMap no-tls-redirect-locations default: cert-manager's HTTP-01 challenges stay on http. */
const NO_TLS_REDIRECT = '/.well-known/acme-challenge';
const DATE = '(the time nginx answers)';

type Draft = Omit<IngressRouting, 'servers' | 'locations' | 'explanation'>;

const EMPTY: Draft = {
  outcome: 'not-found',
  httpStatus: 404,
  server: undefined,
  location: undefined,
  ingress: undefined,
  service: undefined,
  upstreamPath: '',
  endpoints: [],
  endpoint: undefined,
  redirectTo: undefined,
  redirectKind: undefined,
  certificate: undefined,
  upstreamRequest: undefined,
  responseHeaders: {},
};

const hasCertificate = (server: IngressServer): boolean =>
  server.host !== CATCH_ALL && server.tls !== undefined;

function certificateOf(server: IngressServer | undefined): string {
  const tls = server && hasCertificate(server) ? server.tls : undefined;
  if (!tls || tls.usesDefaultCertificate || tls.secretName === undefined) return 'default-fake-certificate';
  return `${tls.ingress.namespace}/${tls.secretName}`;
}

/** lua_ingress.lua redirect_to_https: force-ssl-redirect, or ssl-redirect on a host with a certificate. */
function redirectsToHttps(server: IngressServer, location: IngressLocation): boolean {
  if (location.path.startsWith(NO_TLS_REDIRECT)) return false;
  return location.forceSslRedirect || (location.sslRedirect && hasCertificate(server));
}

function ingressOf(server: IngressServer, location: IngressLocation): IngressRouting['ingress'] {
  if (!location.ingress) return undefined;
  return { ...location.ingress, host: server.host === CATCH_ALL ? '' : server.host, path: location.path };
}

/** Routes one request through the route table (`counter` n picks ready endpoint n mod their number). */
export function routeRequest(
  table: IngressRouteTable,
  model: ClusterModel,
  request: IngressRequest,
  options: { readonly counter?: number } = {},
): IngressRouting {
  const method = request.method ?? 'GET';
  const host = normalizeHost(request.host);
  const uri = normalizeUri(request.path);
  const explanation = [
    `${method} ${request.scheme}://${host || '(no host)'}${uri.requestUri} reaches ingress-nginx (controller ${table.controller.controllerName}).`,
  ];
  const base = { ...EMPTY, upstreamPath: uri.requestUri };
  const finish = (
    draft: Draft,
    servers: IngressRouting['servers'],
    locations: IngressRouting['locations'],
  ): IngressRouting => ({
    ...draft,
    responseHeaders: { Server: 'nginx', Date: DATE, ...draft.responseHeaders },
    servers,
    locations,
    explanation,
  });

  const sc = chooseServer(table, host);
  explanation.push(sc.explanation);
  const server = sc.server;
  if (!server) return finish(base, sc.candidates, []);
  const certificate = request.scheme === 'https' ? certificateOf(server) : undefined;
  if (certificate !== undefined)
    explanation.push(
      certificate === 'default-fake-certificate'
        ? `TLS: nginx presents its self-signed default certificate ("Kubernetes Ingress Controller Fake Certificate"): no Secret gives ${host || 'this request'} one.`
        : `TLS: for the SNI name ${host}, nginx presents the certificate of Secret ${certificate}.`,
    );
  if (uri.uri !== uri.requestUri.split('?')[0])
    explanation.push(`nginx matches the normalized path ${uri.uri}.`);
  const lc = chooseLocation(server, uri.uri);
  explanation.push(lc.explanation);
  const withTls = { ...base, server, certificate };
  const hsts: Record<string, string> =
    certificate !== undefined && hasCertificate(server) ? { 'Strict-Transport-Security': HSTS } : {};

  if (lc.slashRedirect !== undefined) {
    const to = `${request.scheme}://${host}${lc.slashRedirect}${uri.args ? `?${uri.args}` : ''}`;
    return finish(
      {
        ...withTls,
        outcome: 'redirect',
        httpStatus: 301,
        redirectTo: to,
        redirectKind: 'trailing-slash',
        responseHeaders: { ...hsts, Location: to, 'Content-Type': 'text/html' },
      },
      sc.candidates,
      lc.candidates,
    );
  }
  const location = lc.location;
  if (!location) return finish({ ...withTls }, sc.candidates, lc.candidates);
  const routed = { ...withTls, location, ingress: ingressOf(server, location) };

  if (request.scheme === 'http' && redirectsToHttps(server, location)) {
    // The Lua redirect drops a trailing slash unless preserve-trailing-slash is set (ingress-nginx PR 6037).
    const path =
      !location.preserveTrailingSlash && uri.requestUri.endsWith('/')
        ? uri.requestUri.slice(0, -1)
        : uri.requestUri;
    const to = `https://${host}${path}`;
    explanation.push(
      location.forceSslRedirect
        ? `force-ssl-redirect is set: nginx answers ${String(REDIRECT_CODE)} Permanent Redirect to ${to}.`
        : `Host ${server.host} has TLS (spec.tls), and ssl-redirect is on by default: nginx answers ${String(REDIRECT_CODE)} Permanent Redirect to ${to} before proxying.`,
    );
    return finish(
      {
        ...routed,
        outcome: 'redirect',
        httpStatus: REDIRECT_CODE,
        redirectTo: to,
        redirectKind: 'ssl-redirect',
        responseHeaders: { Location: to, 'Content-Type': 'text/html' },
      },
      sc.candidates,
      lc.candidates,
    );
  }

  const upstream = location.upstream;
  if (upstream.kind !== 'service') {
    explanation.push("This location goes to the controller's default backend, which answers 404 Not Found.");
    return finish(
      { ...routed, responseHeaders: { ...hsts, 'Content-Type': 'text/html' } },
      sc.candidates,
      lc.candidates,
    );
  }
  const backend = resolveBackend(model, upstream);
  const service = {
    namespace: upstream.namespace,
    name: upstream.service,
    port: typeof upstream.port === 'string' && backend.servicePort ? backend.servicePort.port : upstream.port,
  };
  const owner = location.ingress ? `Ingress ${keyOf(location.ingress)}` : 'The catch-all';
  explanation.push(`${owner} sends it to Service ${upstream.service} port ${String(upstream.port)}.`);
  if (backend.problem !== undefined || backend.endpoints.length === 0) {
    explanation.push(
      `${backend.problem ?? 'No endpoints.'} nginx answers 503 Service Temporarily Unavailable.`,
    );
    return finish(
      {
        ...routed,
        service,
        outcome: 'unavailable',
        httpStatus: 503,
        responseHeaders: { ...hsts, 'Content-Type': 'text/html' },
      },
      sc.candidates,
      lc.candidates,
    );
  }
  const endpoints = backend.endpoints;
  const n = Math.abs(Math.trunc(options.counter ?? 0));
  const endpoint = endpoints[n % endpoints.length];
  const rewritten = rewriteFor(location, uri);
  if (rewritten.explanation !== undefined) explanation.push(rewritten.explanation);
  if (endpoint?.externalName !== undefined)
    explanation.push(
      `Service ${upstream.service} is an ExternalName: nginx resolves ${endpoint.externalName} and proxies out of the cluster to port ${String(endpoint.port)}.`,
    );
  else if (endpoint)
    explanation.push(
      `ingress-nginx balances over the Service's ready endpoints itself, not through the ClusterIP: round robin picks ${String((n % endpoints.length) + 1)} of ${String(endpoints.length)}, ${endpoint.pod ? `pod ${endpoint.namespace}/${endpoint.pod} ` : ''}at ${endpoint.ip}:${String(endpoint.port)}.`,
    );
  const upstreamHost = request.host === '' ? CATCH_ALL : host;
  return finish(
    {
      ...routed,
      service,
      outcome: 'proxied',
      httpStatus: 200,
      upstreamPath: rewritten.path,
      endpoints,
      endpoint,
      upstreamRequest: {
        method,
        host: upstreamHost,
        path: rewritten.path,
        proto: 'HTTP/1.1',
        headers: {
          ...request.headers,
          Host: upstreamHost,
          'X-Forwarded-Host': upstreamHost,
          'X-Forwarded-Port': request.scheme === 'https' ? '443' : '80',
          'X-Forwarded-Proto': request.scheme,
          'X-Forwarded-Scheme': request.scheme,
          'X-Scheme': request.scheme,
        },
      },
      responseHeaders: hsts,
    },
    sc.candidates,
    lc.candidates,
  );
}
