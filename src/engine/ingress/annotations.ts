// The ingress-nginx annotations that change routing, read as internal/ingress/annotations/rewrite/main.go
// and annotations/canary do: `nginx.ingress.kubernetes.io/<name>`, booleans as Go's strconv.ParseBool.

export const ANNOTATION_PREFIX = 'nginx.ingress.kubernetes.io/';
/** The legacy class annotation ingress-nginx still honours (internal/ingress/controller/ingressclass). */
export const CLASS_ANNOTATION = 'kubernetes.io/ingress.class';

export interface NginxAnnotations {
  /** rewrite-target: the URI the upstream gets instead (with `$1`… from the path regex). */
  readonly rewriteTarget: string | undefined;
  /** use-regex: every path of the host becomes a case-insensitive regex location. */
  readonly useRegex: boolean;
  /** ssl-redirect (ConfigMap default true): http → https when the host has a certificate. */
  readonly sslRedirect: boolean;
  /** force-ssl-redirect (default false): http → https even without TLS on the host. */
  readonly forceSslRedirect: boolean;
  /** preserve-trailing-slash (default false): keep a trailing `/` in the https redirect. */
  readonly preserveTrailingSlash: boolean;
  /** canary: this Ingress only adds weighted alternative backends to another Ingress's paths. */
  readonly canary: boolean;
}

/** The Rewrite config of a location that no Ingress annotated (the catch-all server's root). */
export const NO_ANNOTATIONS: NginxAnnotations = {
  rewriteTarget: undefined,
  useRegex: false,
  sslRedirect: false,
  forceSslRedirect: false,
  preserveTrailingSlash: false,
  canary: false,
};

/** Go strconv.ParseBool; undefined for anything else (parser.GetBoolAnnotation then falls back). */
function parseBool(value: string | undefined): boolean | undefined {
  if (value === undefined) return undefined;
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(value)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(value)) return false;
  return undefined;
}

/** Mirrors internal/ingress/annotations/rewrite/main.go Parse (defaults from the ConfigMap defaults). */
export function readAnnotations(annotations: Readonly<Record<string, string>>): NginxAnnotations {
  const get = (name: string): string | undefined => annotations[ANNOTATION_PREFIX + name];
  const target = get('rewrite-target');
  return {
    rewriteTarget: target === undefined || target === '' ? undefined : target,
    useRegex: parseBool(get('use-regex')) ?? false,
    sslRedirect: parseBool(get('ssl-redirect')) ?? true,
    forceSslRedirect: parseBool(get('force-ssl-redirect')) ?? false,
    preserveTrailingSlash: parseBool(get('preserve-trailing-slash')) ?? false,
    canary: parseBool(get('canary')) ?? false,
  };
}

/** ingress-nginx controller/location.go needsRewrite: a target that differs from the location's path. */
export function needsRewrite(rewriteTarget: string | undefined, path: string): boolean {
  return rewriteTarget !== undefined && rewriteTarget !== '' && rewriteTarget !== path;
}
