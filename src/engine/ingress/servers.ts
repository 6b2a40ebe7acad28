// The server blocks before their paths: one per host plus the catch-all `_`, each with a root `/`
// location, the catch-all taken over by spec.defaultBackend, and the TLS certificate of each host.
// Mirrors ingress-nginx internal/ingress/controller/controller.go createServers and extractTLSSecretName.

import type { ManifestObject } from '../manifest/types.ts';
import { NO_ANNOTATIONS, readAnnotations, type NginxAnnotations } from './annotations.ts';
import { ingressDiagnostic, type IngressDiagnostic } from './diagnostics.ts';
import type { BackendSpec, IngressSpec } from './ingress-spec.ts';
import type { IngressPathType, IngressServer, IngressUpstream } from './types.ts';

export const CATCH_ALL = '_';

/** One location as controller.go keeps it before the template renders it. */
export interface LocationDraft {
  /** As stored (`/` for the root, the rule's path otherwise). */
  readonly path: string;
  /** As written in the Ingress. */
  readonly writtenPathType: IngressPathType;
  /** After SetDefaultNGINXPathType: ImplementationSpecific (and missing) become Prefix. */
  readonly pathType: 'Exact' | 'Prefix';
  readonly upstream: IngressUpstream;
  /** The Ingress whose rule (or spec.defaultBackend) this location serves; undefined for the controller's 404. */
  readonly ingress: IngressSpec | undefined;
  readonly fieldPath: readonly (string | number)[];
  readonly anns: NginxAnnotations;
  /** controller.go IsDefBackend: the root location still waiting for a rule path `/`. */
  readonly isDefBackend: boolean;
  /** A root location createServers made (the controller's 404 or an Ingress's spec.defaultBackend). */
  readonly fromDefaultBackend: boolean;
}

export interface ServerDraft {
  readonly host: string;
  locations: LocationDraft[];
  tls: IngressServer['tls'];
}

export const DEFAULT_UPSTREAM: IngressUpstream = { kind: 'default-backend' };

export function upstreamOf(ingress: IngressSpec, backend: BackendSpec): IngressUpstream | undefined {
  return backend.service
    ? {
        kind: 'service',
        namespace: ingress.ref.namespace,
        service: backend.service.name,
        port: backend.service.port,
      }
    : undefined;
}

function rootLocation(
  upstream: IngressUpstream,
  ingress: IngressSpec | undefined,
  anns: NginxAnnotations,
): LocationDraft {
  return {
    path: '/',
    writtenPathType: 'Prefix',
    pathType: 'Prefix',
    upstream,
    ingress: upstream.kind === 'service' ? ingress : undefined,
    fieldPath: ingress && upstream.kind === 'service' ? ['spec', 'defaultBackend'] : [],
    anns,
    isDefBackend: true,
    fromDefaultBackend: true,
  };
}

/** controller.go createServers: servers and their root locations (canary Ingresses add none). */
export function createServers(
  ingresses: readonly IngressSpec[],
  objects: readonly ManifestObject[],
  diagnostics: IngressDiagnostic[],
): Map<string, ServerDraft> {
  const servers = new Map<string, ServerDraft>();
  servers.set(CATCH_ALL, {
    host: CATCH_ALL,
    locations: [rootLocation(DEFAULT_UPSTREAM, undefined, NO_ANNOTATIONS)],
    tls: undefined,
  });
  let catchAllOwner: IngressSpec | undefined;
  for (const ingress of ingresses) {
    const anns = readAnnotations(ingress.annotations);
    if (anns.canary) continue;
    let upstream = DEFAULT_UPSTREAM;
    const fallback = ingress.defaultBackend ? upstreamOf(ingress, ingress.defaultBackend) : undefined;
    if (fallback) {
      // Every Ingress with a defaultBackend takes over the catch-all's root: the last one read wins.
      upstream = fallback;
      const catchAll = servers.get(CATCH_ALL);
      const root = catchAll?.locations[0];
      // An Ingress with no rules makes it final (no rule path `/` replaces it any more).
      if (catchAll && root)
        catchAll.locations[0] = {
          ...rootLocation(fallback, ingress, NO_ANNOTATIONS),
          isDefBackend: root.isDefBackend && ingress.rules.length > 0,
        };
      if (catchAllOwner)
        diagnostics.push(
          ingressDiagnostic(
            catchAllOwner,
            'warning',
            'default-backend-overridden',
            `Ingress ${catchAllOwner.ref.namespace}/${catchAllOwner.ref.name}'s spec.defaultBackend no longer answers requests for unknown hosts: Ingress ${ingress.ref.namespace}/${ingress.ref.name}, read after it, set its own, and ingress-nginx keeps the last one for the catch-all server.`,
            ['spec', 'defaultBackend'],
          ),
        );
      catchAllOwner = ingress;
    }
    for (const rule of ingress.rules) {
      const host = rule.host || CATCH_ALL;
      if (!servers.has(host))
        servers.set(host, { host, locations: [rootLocation(upstream, ingress, anns)], tls: undefined });
    }
  }
  assignCertificates(servers, ingresses, objects, diagnostics);
  return servers;
}

/** store.go GetLocalSSLCert: the Secret must exist in the Ingress's namespace. */
function secretExists(objects: readonly ManifestObject[], namespace: string, name: string): boolean {
  return objects.some(
    (o) => o.kind === 'Secret' && o.name === name && (o.namespace ?? 'default') === namespace,
  );
}

/** controller.go createServers' SSL loop: the first Ingress (in order) with a TLS section gives each of its hosts a certificate. */
function assignCertificates(
  servers: Map<string, ServerDraft>,
  ingresses: readonly IngressSpec[],
  objects: readonly ManifestObject[],
  diagnostics: IngressDiagnostic[],
): void {
  for (const ingress of ingresses) {
    if (readAnnotations(ingress.annotations).canary || ingress.tls.length === 0) continue;
    for (const rule of ingress.rules) {
      const server = servers.get(rule.host || CATCH_ALL);
      if (!server || server.tls || server.host === CATCH_ALL) continue;
      // extractTLSSecretName: the spec.tls entry listing this host (case-insensitive).
      const entry = ingress.tls.find((t) => t.hosts.some((h) => h.toLowerCase() === server.host));
      const secretName = entry?.secretName;
      let usesDefaultCertificate = secretName === undefined;
      if (secretName !== undefined && !secretExists(objects, ingress.ref.namespace, secretName)) {
        usesDefaultCertificate = true;
        const key = `${ingress.ref.namespace}/${secretName}`;
        diagnostics.push(
          ingressDiagnostic(
            ingress,
            'warning',
            'tls-secret-not-found',
            `Error getting SSL certificate "${key}": local SSL certificate ${key} was not found. Using default certificate`,
            [...(entry?.fieldPath ?? ['spec', 'tls']), 'secretName'],
            `Host ${server.host} gets ingress-nginx's self-signed "Kubernetes Ingress Controller Fake Certificate" until Secret ${key} exists.`,
          ),
        );
      }
      server.tls = { secretName, ingress: ingress.ref, usesDefaultCertificate };
    }
  }
}
