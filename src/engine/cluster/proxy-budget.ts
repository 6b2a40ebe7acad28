// kube-proxy writes a rule chain for every (Service port, endpoint) pair: a Service with 10,000
// ports in front of 1,000 pods is ten million chains on every node (hostile-inputs.md item 21).
// Podwire proxies at most MAX_PROXIED_PAIRS pairs in a cluster, Services in order; a Service it
// stops in keeps its first ports, and the cluster stage says so at the first port left out.

import type { Diagnostic, ManifestObject } from '../manifest/types.ts';
import type { EndpointSlice } from './types.ts';

export const MAX_PROXIED_PAIRS = 50_000;

export interface ProxiedService {
  readonly namespace: string;
  readonly name: string;
  readonly type: string;
  readonly clusterIP: string | undefined;
  readonly ports: readonly unknown[];
}

export interface PortBudget {
  /** How many of the Service's ports get rules. */
  readonly kept: number;
  /** Endpoints counted for it (at least 1: a port without endpoints still gets its REJECT rule). */
  readonly endpoints: number;
}

const proxied = (s: ProxiedService) =>
  s.type !== 'ExternalName' && s.clusterIP !== undefined && s.clusterIP !== '' && s.clusterIP !== 'None';

/** The Services (`NS/NAME`) the cap cuts short, with what they keep; a Service not listed keeps every port. */
export function portBudgets(
  services: readonly ProxiedService[],
  slices: readonly EndpointSlice[],
): Map<string, PortBudget> {
  const endpointsOf = new Map<string, number>();
  for (const slice of slices) {
    const key = `${slice.namespace}/${slice.serviceName}`;
    endpointsOf.set(key, (endpointsOf.get(key) ?? 0) + slice.endpoints.length);
  }
  const cut = new Map<string, PortBudget>();
  let left = MAX_PROXIED_PAIRS;
  for (const s of services) {
    if (!proxied(s)) continue;
    const key = `${s.namespace}/${s.name}`;
    const endpoints = Math.max(1, endpointsOf.get(key) ?? 0);
    const kept = Math.min(s.ports.length, Math.floor(left / endpoints));
    left -= kept * endpoints;
    if (kept < s.ports.length) cut.set(key, { kept, endpoints });
  }
  return cut;
}

/** The cluster stage's word on the cap: a warning at the first port of each Service cut short. */
export function proxyBudgetDiagnostics(
  services: readonly (ProxiedService & { readonly source: { readonly index: number } })[],
  slices: readonly EndpointSlice[],
  objects: readonly ManifestObject[],
): Diagnostic[] {
  const byIndex = new Map(objects.map((o) => [o.index, o]));
  const out: Diagnostic[] = [];
  const budgets = portBudgets(services, slices);
  for (const s of services) {
    const budget = budgets.get(`${s.namespace}/${s.name}`);
    const o = byIndex.get(s.source.index);
    if (budget === undefined || o === undefined) continue;
    const pairs = s.ports.length * budget.endpoints;
    out.push({
      severity: 'warning',
      message:
        `spec.ports[${String(budget.kept)}]: kube-proxy's rules stop here in Podwire: ${String(s.ports.length)} ports × ` +
        `${String(budget.endpoints)} endpoints make ${String(pairs)} port/endpoint pairs, and it simulates at most ` +
        `${String(MAX_PROXIED_PAIRS)} in a cluster (kube-proxy writes a rule chain for each), so the rules and the ` +
        `simulation stay quick. The ports from here on get no rules.`,
      range: o.locate(['spec', 'ports', budget.kept]),
      path: `spec.ports[${String(budget.kept)}]`,
      code: 'cap/proxy-pairs',
    });
  }
  return out;
}
