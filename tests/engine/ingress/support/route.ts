// Test helpers: fixtures are real YAML files beside the tests, built as the app builds them.
import { readFileSync } from 'node:fs';
import {
  buildCluster,
  buildIngressRouteTable,
  parseManifests,
  routeRequest,
  type ClusterModel,
  type IngressRouteTable,
  type IngressRouting,
  type ManifestObject,
} from '../../../../src/engine/index.ts';
import { splitUrl } from './harness.ts';

export function fixture(name: string): string {
  return readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
}

export interface Built {
  readonly objects: readonly ManifestObject[];
  readonly model: ClusterModel;
  readonly table: IngressRouteTable;
}

/** The texts joined as one document stream, parsed, applied and turned into ingress-nginx's table. */
export function build(...texts: string[]): Built {
  const parsed = parseManifests(texts.map((t) => t.replace(/\n*$/, '\n')).join('---\n'));
  const model = buildCluster(parsed.objects);
  return { objects: parsed.objects, model, table: buildIngressRouteTable(model, parsed.objects) };
}

/** One request (`http://host/path`), routed as it arrives. */
export function route(
  built: Built,
  url: string,
  options: { method?: string; counter?: number } = {},
): IngressRouting {
  const { scheme, host, path } = splitUrl(url);
  return routeRequest(
    built.table,
    built.model,
    { scheme, host, path: path === '' ? '/' : path, ...(options.method ? { method: options.method } : {}) },
    { counter: options.counter ?? 0 },
  );
}

/** The Service that answered, `404`/`503`, or `301 <Location>` / `308 <Location>` for a redirect. */
export function answer(r: IngressRouting): string {
  if (r.outcome === 'proxied') return r.service?.name ?? '?';
  if (r.outcome === 'redirect') return `${String(r.httpStatus)} ${r.redirectTo ?? ''}`;
  return String(r.httpStatus);
}

export const server = (built: Built, host: string) => built.table.servers.find((s) => s.host === host);
