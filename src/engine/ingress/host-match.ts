// Which server block takes a Host: nginx's server_name lookup (ngx_http_find_virtual_server):
// exact names first, then regex names in config order (ingress-nginx writes `*.foo.com` as the
// regex of template.go buildServerName, one DNS label), then the default server `_`.

import { CATCH_ALL } from './servers.ts';
import type { IngressCandidate, IngressRouteTable, IngressServer } from './types.ts';

export interface ServerChoice {
  readonly server: IngressServer | undefined;
  readonly candidates: readonly IngressCandidate<IngressServer>[];
  readonly explanation: string;
}

/** nginx lowercases the Host header and drops a trailing dot before the lookup. */
export function normalizeHost(host: string): string {
  return host.toLowerCase().replace(/\.$/, '');
}

function wildcardMatches(server: IngressServer, host: string): boolean {
  try {
    return new RegExp(server.serverName.slice(1), 'i').test(host);
  } catch {
    return false;
  }
}

function wildcardReason(server: IngressServer, host: string, matched: boolean): string {
  const suffix = server.host.slice(1); // `.foo.com`
  const regex = `server_name ${server.serverName}`;
  if (matched)
    return `${server.host} matches ${host}: "${host.slice(0, -suffix.length)}" is exactly one DNS label in front of ${suffix} (${regex}).`;
  if (host === suffix.slice(1))
    return `${server.host} does not match ${host}: the wildcard needs one label in front of ${suffix}, and ${host} has none.`;
  if (!host.endsWith(suffix)) return `${server.host} does not match ${host}: it does not end in ${suffix}.`;
  const label = host.slice(0, -suffix.length);
  if (label.includes('.'))
    return `${server.host} does not match ${host}: the wildcard stands for exactly one DNS label, and "${label}" is ${String(label.split('.').length)} labels (${regex}).`;
  return `${server.host} does not match ${host}: "${label}" is not a label the pattern [\\w-]+ accepts (${regex}).`;
}

/** nginx ngx_http_find_virtual_server: the server that takes `host` ('' when none), and why each other one did not. */
export function chooseServer(table: IngressRouteTable, rawHost: string): ServerChoice {
  const host = normalizeHost(rawHost);
  const named = table.servers.filter((s) => s.host !== CATCH_ALL);
  const exact = named.find((s) => !s.host.startsWith('*') && s.host === host);
  const wildcard =
    exact || host === '' ? undefined : named.find((s) => s.host.startsWith('*') && wildcardMatches(s, host));
  const catchAll = table.servers.find((s) => s.host === CATCH_ALL);
  const chosen = exact ?? wildcard ?? catchAll;
  const candidates = table.servers.map((server): IngressCandidate<IngressServer> => {
    if (server.host === CATCH_ALL) {
      const used = server === chosen;
      return {
        item: server,
        matched: used,
        reason: used
          ? host === ''
            ? 'The request names no host, so nginx uses the default server _ (the catch-all).'
            : `No server_name matches ${host}, so nginx uses the default server _ (the catch-all).`
          : `Not needed: server ${chosen?.host ?? ''} matched ${host}.`,
      };
    }
    if (server.host.startsWith('*')) {
      const matched = host !== '' && wildcardMatches(server, host);
      const reason =
        host === '' ? `${server.host} needs a Host header.` : wildcardReason(server, host, matched);
      return {
        item: server,
        matched,
        reason: matched && exact ? `${reason} But the exact name ${exact.host} wins first.` : reason,
      };
    }
    const matched = server.host === host;
    return {
      item: server,
      matched,
      reason: matched
        ? `${host} is exactly the server_name ${server.host}.`
        : host === ''
          ? `${server.host} needs a Host header of ${server.host}.`
          : `${host} is not ${server.host}.`,
    };
  });
  const explanation = exact
    ? `Host ${host} matches the server ${exact.host} by its exact server_name.`
    : wildcard
      ? `Host ${host} matches no exact server_name, but the wildcard server ${wildcard.host} (server_name ${wildcard.serverName}) takes it.`
      : host === ''
        ? 'No Host header: the default server _ (the catch-all) takes the request.'
        : `Host ${host} matches no server_name, so the default server _ (the catch-all) takes it.`;
  return { server: chosen, candidates, explanation };
}
