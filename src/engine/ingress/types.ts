// The ingress stage's data: the route table ingress-nginx builds from the Ingresses it takes
// (its nginx.conf, as data), and the answer to "where does this request go, and why?".

import type { Diagnostic, FieldPath } from '../manifest/types.ts';

export type IngressPathType = 'Exact' | 'Prefix' | 'ImplementationSpecific';

export interface IngressRef {
  readonly namespace: string;
  readonly name: string;
}

/** Where a backend sends requests: a Service port of the Ingress's namespace, or the controller's own 404 backend. */
export type IngressUpstream =
  | {
      readonly kind: 'service';
      readonly namespace: string;
      readonly service: string;
      /** `port.number` or `port.name`, as written. */
      readonly port: number | string;
    }
  | { readonly kind: 'default-backend' }
  /** `backend.resource` (e.g. a StorageBucket): ingress-nginx cannot serve it and answers 503. */
  | {
      readonly kind: 'resource';
      readonly apiGroup: string | undefined;
      readonly resourceKind: string;
      readonly name: string;
    };

/**
 * How nginx compares the request path with this location, as ingress-nginx writes it:
 * - `exact`: `location = /foo` (pathType Exact, and the extra exact location ingress-nginx adds for Prefix)
 * - `prefix`: pathType Prefix, element-wise (`location /foo/` plus `= /foo`, folded into one entry here).
 *   ImplementationSpecific is Prefix too: ingress-nginx rewrites it (internal/k8s SetDefaultNGINXPathType).
 * - `string-prefix`: `location /foo`, a plain string prefix. Not produced: kept for compatibility.
 * - `regex`: `location ~* "^/foo"` (use-regex or rewrite-target on the host: case-insensitive regex)
 */
export type LocationMatch = 'exact' | 'prefix' | 'string-prefix' | 'regex';

/** One `location` of a server block. */
export interface IngressLocation {
  /** The path as written (`/` for the root location the controller adds). */
  readonly path: string;
  readonly pathType: IngressPathType;
  readonly match: LocationMatch;
  /** For `regex`: the pattern nginx tests (`^/foo`), case-insensitive. */
  readonly regex: string | undefined;
  readonly upstream: IngressUpstream;
  /** The Ingress that wrote it; undefined for the controller's own root location. */
  readonly ingress: IngressRef | undefined;
  /** ManifestObject.index of that Ingress (-1 when none). */
  readonly sourceIndex: number;
  /** Field path of the path entry, e.g. ['spec','rules',0,'http','paths',1]; ['spec','defaultBackend'] for defaults. */
  readonly fieldPath: FieldPath;
  /** nginx.ingress.kubernetes.io/rewrite-target of the writing Ingress. */
  readonly rewriteTarget: string | undefined;
  /** True for the `/` location that serves the Ingress's (or controller's) default backend. */
  readonly isDefaultBackend: boolean;
  /** The `location` directives nginx.conf gets for this entry: `['/foo/', '= /foo']`, `['= /foo']`, `['~* "^/foo"']`. */
  readonly nginx: readonly string[];
  /** For `prefix`: ingress-nginx also wrote `location = <path>` (not when an Exact location has the same path). */
  readonly exactTwin: boolean;
  /** nginx.ingress.kubernetes.io/ssl-redirect of the writing Ingress (default true; false for the catch-all root). */
  readonly sslRedirect: boolean;
  /** nginx.ingress.kubernetes.io/force-ssl-redirect (default false): redirect to https even without TLS. */
  readonly forceSslRedirect: boolean;
  /** nginx.ingress.kubernetes.io/preserve-trailing-slash (default false): the https redirect keeps a trailing `/`. */
  readonly preserveTrailingSlash: boolean;
}

/** One nginx `server` block: a host (or `_`, the catch-all) with its locations in nginx's order. */
export interface IngressServer {
  /** The host as written (`foo.bar.com`, `*.foo.com`), or `_` for the catch-all server. */
  readonly host: string;
  /** server_name as ingress-nginx writes it (`~^(?<subdomain>[\w-]+)\.foo\.com$` for wildcards). */
  readonly serverName: string;
  /**
   * TLS for this host (SNI): the Secret named in spec.tls, from the first Ingress that lists the host.
   * `secretName` undefined, or `usesDefaultCertificate`: nginx serves its self-signed default certificate
   * (no secretName, Secret missing, or the host is a rule of an Ingress whose spec.tls does not list it).
   */
  readonly tls:
    | {
        readonly secretName: string | undefined;
        readonly ingress: IngressRef;
        readonly usesDefaultCertificate: boolean;
      }
    | undefined;
  /** True when any Ingress for this host sets use-regex or rewrite-target: all its paths become regex. */
  readonly useRegex: boolean;
  /** Locations in the order nginx tries them (see match.ts). */
  readonly locations: readonly IngressLocation[];
}

export interface IngressRouteTable {
  /** The controller: IngressClass `nginx`, controller `k8s.io/ingress-nginx`, and where it is exposed. */
  readonly controller: {
    readonly className: string;
    readonly controllerName: string;
    /** status.loadBalancer.ingress[0].ip of the Ingresses it serves (its Service's LoadBalancer IP). */
    readonly address: string | undefined;
    readonly service: IngressRef;
  };
  readonly servers: readonly IngressServer[];
  /** Ingresses the controller takes (they get its address in their status). */
  readonly served: readonly IngressRef[];
  /** Ingresses it leaves alone, with why (another class, no class and not default, …). */
  readonly ignored: readonly { readonly ingress: IngressRef; readonly reason: string }[];
  /** Located problems: path conflicts between Ingresses, ignored Ingresses, bad annotations. */
  readonly diagnostics: readonly (Diagnostic & { readonly sourceIndex: number })[];
}

export interface IngressRequest {
  readonly scheme: 'http' | 'https';
  /** The Host header (and SNI for https), without port. Empty: no Host (the catch-all server). */
  readonly host: string;
  /** The request path, starting with `/` (a query string is ignored for matching). */
  readonly path: string;
  readonly method?: string;
  /** Request headers as the client sends them (e.g. User-Agent); Host comes from `host`. */
  readonly headers?: Readonly<Record<string, string>>;
}

/** Why one server or location was or was not chosen, in words a learner can read. */
export interface IngressCandidate<T> {
  readonly item: T;
  readonly matched: boolean;
  readonly reason: string;
}

export interface IngressEndpoint {
  readonly namespace: string;
  readonly pod: string | undefined;
  /** The pod IP; for an ExternalName Service, the external name nginx resolves at request time. */
  readonly ip: string;
  readonly port: number;
  /** Set for an ExternalName Service: the request leaves the cluster to this DNS name. */
  readonly externalName: string | undefined;
}

export interface IngressRouting {
  /**
   * - `proxied`: sent to a backend pod (the backend's answer, 200 in the simulation)
   * - `redirect`: 308 to https (ssl-redirect, the host has TLS), or nginx's 301 adding a trailing slash
   *   (`/foo` when only `location /foo/` or `= /foo/` exists); see `redirectKind`
   * - `not-found`: 404 from the controller's default backend
   * - `unavailable`: 503 (backend Service missing, port missing, or no ready endpoints)
   */
  readonly outcome: 'proxied' | 'redirect' | 'not-found' | 'unavailable';
  readonly httpStatus: number;
  /** The server block that took the request (the catch-all `_` when no host matched). */
  readonly server: IngressServer | undefined;
  readonly location: IngressLocation | undefined;
  /** The design's trace contract: {namespace, name, host, path} of the Ingress rule used. */
  readonly ingress:
    | { readonly namespace: string; readonly name: string; readonly host: string; readonly path: string }
    | undefined;
  /** The Service port the location names, resolved to its number when it exists. */
  readonly service:
    { readonly namespace: string; readonly name: string; readonly port: number | string } | undefined;
  /** The path the upstream sees (after rewrite-target). */
  readonly upstreamPath: string;
  /** ingress-nginx balances over the Service's ready endpoint addresses directly (not the ClusterIP). */
  readonly endpoints: readonly IngressEndpoint[];
  /** The one picked (round robin from the counter passed in), when proxied. */
  readonly endpoint: IngressEndpoint | undefined;
  /** For `redirect`: the Location header (`https://host/path`, or `http://host/foo/` for a trailing slash). */
  readonly redirectTo: string | undefined;
  /** For `redirect`: 308 `ssl-redirect` (same path, https) or 301 `trailing-slash` (same scheme, path + `/`). */
  readonly redirectKind: 'ssl-redirect' | 'trailing-slash' | undefined;
  /** The certificate nginx presents for an https request (SNI): `namespace/secret`, or `default-fake-certificate`. */
  readonly certificate: string | undefined;
  /** When proxied: the request line and headers the pod receives (nginx speaks HTTP/1.1 to upstreams). */
  readonly upstreamRequest:
    | {
        readonly method: string;
        readonly host: string;
        readonly path: string;
        readonly proto: 'HTTP/1.1';
        readonly headers: Readonly<Record<string, string>>;
      }
    | undefined;
  /** Headers nginx itself writes on the answer (Server, Date, Location, Strict-Transport-Security, …). */
  readonly responseHeaders: Readonly<Record<string, string>>;
  readonly servers: readonly IngressCandidate<IngressServer>[];
  readonly locations: readonly IngressCandidate<IngressLocation>[];
  /** The decision, step by step. */
  readonly explanation: readonly string[];
}
