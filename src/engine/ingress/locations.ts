// The rule paths of every Ingress merged into the servers: a rule path `/` replaces the root
// location, the same path and pathType twice keeps the first one read. Mirrors ingress-nginx
// internal/ingress/controller/controller.go getBackendServers (its path loop).

import { readAnnotations } from './annotations.ts';
import { ingressDiagnostic, type IngressDiagnostic } from './diagnostics.ts';
import { keyOf, type IngressSpec, type PathSpec } from './ingress-spec.ts';
import { CATCH_ALL, upstreamOf, type LocationDraft, type ServerDraft } from './servers.ts';
import type { IngressUpstream } from './types.ts';

/** controller.go upstreamName: `namespace-service-port`, the name nginx's logs show. */
export function upstreamName(upstream: IngressUpstream): string {
  if (upstream.kind === 'service')
    return `${upstream.namespace}-${upstream.service}-${String(upstream.port)}`;
  return 'upstream-default-backend';
}

/** Why `first` was read before `later` (store.go sortIngressSlice), in words. */
function readOrder(first: IngressSpec, later: IngressSpec): string {
  if (first === later) return 'the first of the two paths in this Ingress wins';
  if (Math.floor(first.createdAt) !== Math.floor(later.createdAt))
    return `Ingress ${keyOf(first.ref)} is older, and ingress-nginx reads Ingresses oldest first`;
  return `both were created in the same second, so ingress-nginx orders them by namespace/name, reverse alphabetical (${keyOf(first.ref)} before ${keyOf(later.ref)})`;
}

function conflict(
  existing: LocationDraft,
  ingress: IngressSpec,
  server: ServerDraft,
  p: PathSpec,
): IngressDiagnostic {
  const owner = existing.ingress;
  const log = `Location "${p.path}" already configured for server "${server.host}" with upstream "${upstreamName(existing.upstream)}" (Ingress "${keyOf(ingress.ref)}")`;
  const why = owner
    ? `; the path of Ingress ${keyOf(owner.ref)} is kept: ${readOrder(owner, ingress)}.`
    : '.';
  const hint =
    owner && owner !== ingress
      ? `With ingress-nginx's admission webhook installed (its kind deployment has it), kubectl apply would refuse this Ingress: admission webhook "validate.nginx.ingress.kubernetes.io" denied the request: host "${server.host}" and path "${p.path}" is already defined in ingress ${keyOf(owner.ref)}.`
      : undefined;
  return ingressDiagnostic(
    ingress,
    'warning',
    'path-conflict',
    `${log}: this path is not used${why}`,
    [...p.fieldPath, 'path'],
    hint,
  );
}

function skipped(ingress: IngressSpec, p: PathSpec): IngressDiagnostic {
  const resource = p.backend?.resource;
  const what = resource ? `a ${resource.kind} resource backend (${resource.name})` : 'no service backend';
  return ingressDiagnostic(
    ingress,
    'info',
    'not-a-service-backend',
    `Ingress "${keyOf(ingress.ref)}" and path "${p.path}" does not contain a service backend, using default backend: ingress-nginx adds no location for ${what}.`,
    [...p.fieldPath, 'backend'],
  );
}

/** getBackendServers' loop over every rule path of every Ingress, in the controller's order. */
export function addRuleLocations(
  servers: Map<string, ServerDraft>,
  ingresses: readonly IngressSpec[],
  diagnostics: IngressDiagnostic[],
): void {
  for (const ingress of ingresses) {
    const anns = readAnnotations(ingress.annotations);
    if (anns.canary) {
      diagnostics.push(
        ingressDiagnostic(
          ingress,
          'info',
          'canary-not-simulated',
          `Ingress ${keyOf(ingress.ref)} is a canary: ingress-nginx adds its backends as weighted alternatives to another Ingress's paths; Podwire does not simulate the traffic split, so its paths take no requests here.`,
          ['metadata', 'annotations', 'nginx.ingress.kubernetes.io/canary'],
        ),
      );
      continue;
    }
    for (const rule of ingress.rules) {
      const server = servers.get(rule.host || CATCH_ALL) ?? servers.get(CATCH_ALL);
      if (!server || !rule.hasHttp) continue;
      for (const p of rule.paths) {
        const upstream = p.backend ? upstreamOf(ingress, p.backend) : undefined;
        if (!upstream) {
          diagnostics.push(skipped(ingress, p));
          continue;
        }
        const pathType = p.pathType === 'Exact' ? 'Exact' : 'Prefix';
        const draft: LocationDraft = {
          path: p.path,
          writtenPathType: p.pathType,
          pathType,
          upstream,
          ingress,
          fieldPath: p.fieldPath,
          anns,
          isDefBackend: false,
          fromDefaultBackend: false,
        };
        let add = true;
        for (const [i, loc] of server.locations.entries()) {
          if (loc.path !== p.path) continue;
          // Same paths but different types are allowed; upstream stops at the first same path.
          if (loc.pathType !== pathType) break;
          add = false;
          if (loc.isDefBackend) server.locations[i] = draft;
          else diagnostics.push(conflict(loc, ingress, server, p));
          break;
        }
        if (add) server.locations.push(draft);
      }
    }
  }
}
