// An Ingress's routes as networking.k8s.io/v1 writes them (spec.rules[].http.paths[], spec.defaultBackend),
// read from the applied body; the graph draws one edge per backend Service.

export interface IngressRoute {
  /** `a.whale.hey/` or `*` + path; `default` for spec.defaultBackend. */
  readonly label: string;
  readonly host: string | undefined;
  readonly service: string;
}

type Loose = Readonly<Record<string, unknown>>;

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Loose)[key]
    : undefined;
}

function list(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function ingressRoutes(body: unknown): IngressRoute[] {
  const spec = field(body, 'spec');
  const routes: IngressRoute[] = [];
  const fallback = text(field(field(field(spec, 'defaultBackend'), 'service'), 'name'));
  if (fallback) routes.push({ label: 'default', host: undefined, service: fallback });
  for (const rule of list(field(spec, 'rules'))) {
    const host = text(field(rule, 'host'));
    for (const path of list(field(field(rule, 'http'), 'paths'))) {
      const service = text(field(field(field(path, 'backend'), 'service'), 'name'));
      if (service) routes.push({ label: `${host ?? '*'}${text(field(path, 'path')) ?? '/'}`, host, service });
    }
  }
  return routes;
}
