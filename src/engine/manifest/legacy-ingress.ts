// Mirrors kubernetes/kubernetes pkg/apis/networking/v1beta1 and extensions/v1beta1 conversion:
// `serviceName`/`servicePort` become `service: {name, port: {number|name}}`, `backend` becomes
// `defaultBackend`, and a path without pathType was ImplementationSpecific.

import { field, isJsonObject } from './json-value.ts';
import type { JsonObject, JsonValue } from './types.ts';

function convertBackend(backend: JsonValue | undefined): JsonValue | undefined {
  if (!isJsonObject(backend)) return backend;
  const { serviceName, servicePort, ...rest } = backend;
  if (serviceName === undefined && servicePort === undefined) return backend;
  const port: JsonValue =
    typeof servicePort === 'number' ? { number: servicePort } : { name: servicePort ?? null };
  return { ...rest, service: { name: serviceName ?? null, port } };
}

function convertPath(path: JsonValue): JsonValue {
  if (!isJsonObject(path)) return path;
  const out: Record<string, JsonValue> = {
    ...path,
    pathType: field(path, 'pathType') ?? 'ImplementationSpecific',
  };
  const backend = convertBackend(field(path, 'backend'));
  if (backend !== undefined) out['backend'] = backend;
  return out;
}

function convertRule(rule: JsonValue): JsonValue {
  if (!isJsonObject(rule)) return rule;
  const http = field(rule, 'http');
  if (!isJsonObject(http)) return rule;
  const paths = field(http, 'paths');
  return {
    ...rule,
    http: { ...http, paths: Array.isArray(paths) ? paths.map(convertPath) : (paths ?? null) },
  };
}

/** The networking.k8s.io/v1 form of a v1beta1 Ingress body. */
export function convertLegacyIngress(body: JsonObject): JsonObject {
  const spec = field(body, 'spec');
  const out: Record<string, JsonValue> = { ...body, apiVersion: 'networking.k8s.io/v1' };
  if (!isJsonObject(spec)) return out;
  const { backend, rules, ...rest } = spec;
  const newSpec: Record<string, JsonValue> = { ...rest };
  const defaultBackend = convertBackend(backend);
  if (defaultBackend !== undefined) newSpec['defaultBackend'] = defaultBackend;
  if (rules !== undefined) newSpec['rules'] = Array.isArray(rules) ? rules.map(convertRule) : rules;
  out['spec'] = newSpec;
  return out;
}

/** Where a v1 field sits in the v1beta1 text, so diagnostics still point at what the user wrote. */
export function legacyIngressPath(path: readonly (string | number)[]): (string | number)[] {
  const out: (string | number)[] = [];
  for (let i = 0; i < path.length; i++) {
    const part = path[i];
    if (part === undefined) continue;
    if (i === 1 && path[0] === 'spec' && part === 'defaultBackend') out.push('backend');
    else if (part === 'service' && (path[i - 1] === 'backend' || path[i - 1] === 'defaultBackend')) {
      const next = path[i + 1];
      if (next === 'name') return [...out, 'serviceName'];
      if (next === 'port') return [...out, 'servicePort'];
      return out;
    } else out.push(part);
  }
  return out;
}
