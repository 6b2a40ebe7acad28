// The request URI as nginx sees it, and the one the upstream gets. nginx normalizes the URI before
// matching locations (ngx_http_parse_complex_uri: %XX decoded, `//` merged, `.`/`..` resolved);
// rewrite-target becomes `rewrite "(?i)<path>" <target> break;` (ingress-nginx
// internal/ingress/controller/template/template.go buildProxyPass), which replaces the whole URI.

import { needsRewrite } from './annotations.ts';
import type { IngressLocation } from './types.ts';

export interface RequestUri {
  /** The normalized path locations are matched against (nginx `$uri`). */
  readonly uri: string;
  /** The query string without `?` (nginx `$args`). */
  readonly args: string;
  /** The path and query exactly as the client sent them (nginx `$request_uri`). */
  readonly requestUri: string;
}

function decode(path: string): string {
  return path.replace(/%([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** nginx's URI normalization, enough for routing: decode, merge slashes, resolve dot segments. */
export function normalizeUri(raw: string): RequestUri {
  const requestUri = raw.startsWith('/') ? raw : `/${raw}`;
  const q = requestUri.indexOf('?');
  const path = q < 0 ? requestUri : requestUri.slice(0, q);
  const args = q < 0 ? '' : requestUri.slice(q + 1);
  const segments: string[] = [];
  const parts = decode(path)
    .replace(/\/{2,}/g, '/')
    .split('/')
    .slice(1);
  parts.forEach((part, i) => {
    const last = i === parts.length - 1;
    if (part === '.') {
      if (last) segments.push('');
    } else if (part === '..') {
      segments.pop();
      if (last) segments.push('');
    } else segments.push(part);
  });
  return { uri: `/${segments.join('/')}`, args, requestUri };
}

export interface Rewritten {
  /** Path (and query) the upstream receives. */
  readonly path: string;
  /** The nginx directive that did it, when one did. */
  readonly directive: string | undefined;
  readonly explanation: string | undefined;
}

/** nginx rewrite replacement: `$1`…`$9`, `${1}`, named captures; the rest is literal. */
function substitute(target: string, match: RegExpExecArray): string {
  return target.replace(
    /\$(\{(\w+)\}|(\d)|([A-Za-z_]\w*))/g,
    (whole, _b, braced?: string, digit?: string, name?: string) => {
      const key = braced ?? digit ?? name ?? '';
      if (/^\d+$/.test(key)) return match[Number(key)] ?? '';
      const named = match.groups?.[key];
      return named ?? whole;
    },
  );
}

/** What the upstream sees for this location: the client's URI, or rewrite-target's replacement. */
export function rewriteFor(location: IngressLocation, request: RequestUri): Rewritten {
  const target = location.rewriteTarget;
  if (target === undefined || !needsRewrite(target, location.path))
    return { path: request.requestUri, directive: undefined, explanation: undefined };
  const directive = `rewrite "(?i)${location.path}" ${target} break;`;
  let re: RegExp;
  try {
    re = new RegExp(location.path, 'i');
  } catch {
    return {
      path: request.requestUri,
      directive,
      explanation: `rewrite-target ${target} is not applied: ${location.path} is not a regular expression nginx accepts.`,
    };
  }
  const match = re.exec(request.uri);
  if (!match)
    return {
      path: request.requestUri,
      directive,
      explanation: `rewrite-target ${target} does not apply: ${location.path} does not match ${request.uri}.`,
    };
  let path = substitute(target, match);
  // nginx keeps the original arguments unless the replacement has its own (a trailing `?` drops them).
  if (path.endsWith('?')) path = path.slice(0, -1);
  else if (!path.includes('?') && request.args !== '') path = `${path}?${request.args}`;
  const groups =
    match.length > 1
      ? ` (capture groups: ${match
          .slice(1)
          .map((g, i) => `$${String(i + 1)}=${JSON.stringify(g ?? '')}`)
          .join(', ')})`
      : '';
  return {
    path,
    directive,
    explanation: `rewrite-target ${target}: nginx runs ${directive}, which replaces the whole URI ${request.uri} with ${path}${groups}.`,
  };
}
