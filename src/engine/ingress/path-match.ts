// Which location of a server takes a URI, the way nginx decides (ngx_http_core_find_location):
// an exact `= /foo` wins at once; otherwise the longest static prefix; a URI that is a static
// location minus its trailing `/` gets nginx's 301 to that location (auto_redirect, set by
// proxy_pass). In a regex server (ingress-nginx template.go enforceRegexModifier) every location
// is `~*` and the first match in order wins.

import { normalizePrefixPath } from './template.ts';
import type { IngressCandidate, IngressLocation, IngressServer } from './types.ts';

export interface LocationChoice {
  readonly location: IngressLocation | undefined;
  /** Set when nginx answers 301 to `uri + '/'` instead of choosing a location. */
  readonly slashRedirect: string | undefined;
  readonly candidates: readonly IngressCandidate<IngressLocation>[];
  readonly explanation: string;
}

/** The static prefix string nginx compares for a `prefix` location (`/foo/` for Prefix /foo). */
const prefixName = (l: IngressLocation): string => (l.path === '/' ? '/' : normalizePrefixPath(l.path));

/** How a location is named in reasons; ImplementationSpecific says it is read as Prefix (store.go SetDefaultNGINXPathType). */
function kind(l: IngressLocation): string {
  if (l.isDefaultBackend && l.ingress === undefined) return 'the default location';
  if (l.pathType === 'ImplementationSpecific' && l.match === 'prefix')
    return `ImplementationSpecific ${l.path} (read as Prefix)`;
  return `${l.pathType} ${l.path}`;
}

function compile(l: IngressLocation): RegExp | undefined {
  try {
    return new RegExp(l.regex ?? '', 'i');
  } catch {
    return undefined;
  }
}

/** Why Prefix `path` does not cover `uri`, element by element, as the Kubernetes API describes it. */
function prefixMiss(path: string, uri: string): string {
  const rule = path.split('/').filter((e) => e !== '');
  const req = uri.split('/').filter((e) => e !== '');
  for (const [i, element] of rule.entries()) {
    const got = req[i];
    if (got === element) continue;
    if (got === undefined) return `${uri} has no path element "${element}"`;
    if (got.toLowerCase() === element.toLowerCase())
      return `"${got}" is not "${element}": paths are case-sensitive`;
    return `"${got}" is not the path element "${element}"`;
  }
  return `${uri} does not start with ${normalizePrefixPath(path)}`;
}

function staticReason(
  l: IngressLocation,
  uri: string,
): { matched: boolean; reason: string; length: number; exact: boolean } {
  if (l.match === 'exact') {
    if (l.path === uri)
      return {
        matched: true,
        reason: `Exact ${l.path} equals the path (nginx location = ${l.path}).`,
        length: uri.length,
        exact: true,
      };
    const why =
      l.path.toLowerCase() === uri.toLowerCase()
        ? 'paths are case-sensitive'
        : l.path === `${uri}/` || uri === `${l.path}/`
          ? 'for Exact a trailing slash counts'
          : 'Exact needs the whole path to be equal';
    return {
      matched: false,
      reason: `Exact ${l.path} does not match ${uri}: ${why}.`,
      length: 0,
      exact: false,
    };
  }
  const name = prefixName(l);
  if (l.exactTwin && l.path === uri)
    return {
      matched: true,
      reason: `${kind(l)} matches ${uri} itself (ingress-nginx's extra location = ${l.path}).`,
      length: uri.length,
      exact: true,
    };
  if (uri.startsWith(name)) {
    const reason =
      name === '/'
        ? `${kind(l)} matches every path (nginx location /).`
        : `${kind(l)} matches ${uri}: its path elements lead the request path (nginx location ${name}).`;
    return { matched: true, reason, length: name.length, exact: false };
  }
  return {
    matched: false,
    reason: `${kind(l)} does not match ${uri}: ${prefixMiss(l.path, uri)}.`,
    length: 0,
    exact: false,
  };
}

/** nginx ngx_http_core_find_static_location: `=` first, then the longest prefix, or the auto_redirect 301. */
function staticChoice(server: IngressServer, uri: string): LocationChoice {
  const looks = server.locations.map((l) => ({ l, ...staticReason(l, uri) }));
  const exact = looks.find((x) => x.exact && x.matched);
  const inclusive = new Set(server.locations.filter((l) => l.match === 'prefix').map(prefixName));
  const names = new Set(
    server.locations.flatMap((l) =>
      l.match === 'exact' ? [l.path] : [prefixName(l), ...(l.exactTwin ? [l.path] : [])],
    ),
  );
  const slash = !exact && !inclusive.has(uri) && names.has(`${uri}/`) ? `${uri}/` : undefined;
  const longest = looks.filter((x) => x.matched).sort((a, b) => b.length - a.length)[0];
  const winner = exact ?? (slash ? undefined : longest);
  const candidates = looks.map(({ l, matched, reason }) => {
    let text = reason;
    if (slash && l.nginx.some((n) => n.replace(/^= /, '') === slash))
      text = `${kind(l)} is nginx's location ${l.nginx.join(' and ')}: ${uri} is that minus its trailing slash, so nginx answers 301 Moved Permanently to ${slash} (it matches after the redirect).`;
    else if (matched && winner && l !== winner.l)
      text += winner.exact
        ? ` But the exact location = ${uri} wins first.`
        : ` But ${kind(winner.l)} is a longer match.`;
    else if (matched && slash) text += ` But nginx redirects to ${slash} first.`;
    return { item: l, matched, reason: text };
  });
  const explanation = slash
    ? `No location is exactly ${uri}, but one is ${slash}: nginx answers 301 Moved Permanently to ${slash} (auto_redirect of a location ending in "/").`
    : winner
      ? winner.exact
        ? `Location: ${kind(winner.l)} matches ${uri} exactly, and an exact location wins at once.`
        : looks.filter((x) => x.matched).length === 1
          ? `Location: ${kind(winner.l)} is the only one that matches ${uri}.`
          : `Location: ${kind(winner.l)} is the longest match for ${uri}.`
      : `No location matches ${uri}.`;
  return { location: winner?.l, slashRedirect: slash, candidates, explanation };
}

/** nginx ngx_http_core_find_location's regex pass: `~*` locations in config order, the first match wins. */
function regexChoice(server: IngressServer, uri: string): LocationChoice {
  let winner: IngressLocation | undefined;
  const candidates = server.locations.map((l) => {
    const re = compile(l);
    const directive = l.nginx[0] ?? `~* "${l.regex ?? ''}"`;
    if (!re)
      return {
        item: l,
        matched: false,
        reason: `${kind(l)} (${directive}) is not a regular expression nginx accepts.`,
      };
    const matched = re.test(uri);
    let reason = matched
      ? `${kind(l)} is written ${l.nginx.join(' and ')}: the case-insensitive regex ${l.regex ?? ''} matches ${uri}.`
      : `${kind(l)} is written ${l.nginx.join(' and ')}: the regex ${l.regex ?? ''} does not match ${uri}.`;
    if (matched && winner)
      reason += ` But ${kind(winner)} comes first, and nginx takes the first regex that matches.`;
    if (matched && !winner) winner = l;
    return { item: l, matched, reason };
  });
  const explanation = winner
    ? `Host ${server.host} uses regex locations (use-regex or rewrite-target is set on one of its paths, so ingress-nginx writes every path as a case-insensitive ~* regex, longest path first): ${kind(winner)} is the first to match ${uri}.`
    : `No regex location of ${server.host} matches ${uri}.`;
  return { location: winner, slashRedirect: undefined, candidates, explanation };
}

/** The location that takes `uri` in `server`, or nginx's trailing-slash redirect. */
export function chooseLocation(server: IngressServer, uri: string): LocationChoice {
  return server.useRegex ? regexChoice(server, uri) : staticChoice(server, uri);
}
