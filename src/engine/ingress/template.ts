// A server block as nginx.conf gets it: locations sorted longest path first, Prefix paths split into
// `location /foo/` + `location = /foo`, and every path a `~*` regex when one location of the host
// uses rewrite-target or use-regex. Mirrors ingress-nginx controller.go (location sort),
// controller/location.go updateServerLocations, and template/template.go buildLocation,
// enforceRegexModifier and buildServerName.

import { needsRewrite } from './annotations.ts';
import { ingressDiagnostic, type IngressDiagnostic } from './diagnostics.ts';
import { keyOf } from './ingress-spec.ts';
import { CATCH_ALL, type LocationDraft, type ServerDraft } from './servers.ts';
import type { IngressLocation, IngressServer } from './types.ts';

/** template.go buildServerName: `*.foo.com` → `~^(?<subdomain>[\w-]+)\.foo\.com$`. */
export function buildServerName(host: string): string {
  if (!host.startsWith('*')) return host;
  const parts = host.replace('*.', '').split('.');
  return `~^(?<subdomain>[\\w-]+)\\.${parts.join('\\.')}$`;
}

const usesRegex = (d: LocationDraft): boolean =>
  needsRewrite(d.anns.rewriteTarget, d.path) || d.anns.useRegex;

/** template.go enforceRegexModifier: one location with rewrite-target or use-regex turns the whole server regex. */
export function enforceRegex(drafts: readonly LocationDraft[]): boolean {
  return drafts.some(usesRegex);
}

/** controller.go getBackendServers: stable sort by path descending, then by length descending. */
export function sortLocations(drafts: readonly LocationDraft[]): LocationDraft[] {
  return [...drafts]
    .sort((a, b) => (a.path === b.path ? 0 : a.path > b.path ? -1 : 1))
    .sort((a, b) => b.path.length - a.path.length);
}

/** controller/location.go normalizePrefixPath: a Prefix location ends in `/`. */
export function normalizePrefixPath(path: string): string {
  return path.endsWith('/') ? path : `${path}/`;
}

function render(d: LocationDraft, regexMode: boolean, exactPaths: ReadonlySet<string>): IngressLocation {
  const quote = (p: string) => `~* "^${p}"`;
  let nginx: string[];
  let regex = `^${d.path}`;
  let exactTwin = false;
  if (d.pathType === 'Exact') nginx = regexMode ? [quote(d.path)] : [`= ${d.path}`];
  else if (d.path === '/' || usesRegex(d)) nginx = [regexMode ? quote(d.path) : d.path];
  else {
    // updateServerLocations: `location /foo/`, plus `location = /foo` unless an Exact /foo exists.
    const prefix = normalizePrefixPath(d.path);
    exactTwin = !exactPaths.has(d.path);
    nginx = regexMode
      ? [quote(prefix), ...(exactTwin ? [quote(d.path)] : [])]
      : [prefix, ...(exactTwin ? [`= ${d.path}`] : [])];
    if (!exactTwin) regex = `^${prefix}`;
  }
  return {
    path: d.path,
    pathType: d.writtenPathType,
    match: regexMode ? 'regex' : d.pathType === 'Exact' ? 'exact' : 'prefix',
    regex: regexMode ? regex : undefined,
    upstream: d.upstream,
    ingress: d.ingress?.ref,
    sourceIndex: d.ingress?.sourceIndex ?? -1,
    fieldPath: d.fieldPath,
    rewriteTarget: d.anns.rewriteTarget,
    isDefaultBackend: d.fromDefaultBackend,
    nginx,
    exactTwin,
    sslRedirect: d.anns.sslRedirect,
    forceSslRedirect: d.anns.forceSslRedirect,
    preserveTrailingSlash: d.anns.preserveTrailingSlash,
  };
}

/** nginx -t refuses a second static location with the same name; the later one never loads. */
function duplicate(d: LocationDraft, name: string, server: ServerDraft): IngressDiagnostic | undefined {
  if (!d.ingress) return undefined;
  return ingressDiagnostic(
    d.ingress,
    'warning',
    'duplicate-location',
    `nginx: [emerg] duplicate location "${name}" in server ${server.host}: Ingress ${keyOf(d.ingress.ref)}'s path ${d.path} (${d.writtenPathType}) becomes a location another path already made, so nginx would refuse the whole configuration; Podwire keeps the first one.`,
    [...d.fieldPath, 'path'],
  );
}

/** One server block, its locations in the order nginx tries them. */
export function renderServer(server: ServerDraft, diagnostics: IngressDiagnostic[]): IngressServer {
  const regexMode = enforceRegex(server.locations);
  const sorted = sortLocations(server.locations);
  const exactPaths = new Set(sorted.filter((d) => d.pathType === 'Exact').map((d) => d.path));
  const seen = new Set<string>();
  const locations: IngressLocation[] = [];
  for (const d of sorted) {
    const location = render(d, regexMode, exactPaths);
    if (!regexMode) {
      const clash = location.nginx.find((name) => seen.has(name));
      if (clash !== undefined) {
        const problem = duplicate(d, clash.replace(/^= /, ''), server);
        if (problem) diagnostics.push(problem);
        continue;
      }
      for (const name of location.nginx) seen.add(name);
    }
    locations.push(location);
  }
  return {
    host: server.host,
    serverName: server.host === CATCH_ALL ? CATCH_ALL : buildServerName(server.host),
    tls: server.tls,
    useRegex: regexMode,
    locations,
  };
}
