// An applied Ingress as ingress-nginx's store keeps it (internal/ingress/controller/store/store.go
// syncIngress): networking.k8s.io/v1 fields with their field paths, an empty path read as `/`.

import { arrAt, at, objAt, strAt } from '../cluster/body-fields.ts';
import type { ClusterIngress } from '../cluster/types.ts';
import type { FieldPath, ManifestObject } from '../manifest/types.ts';
import type { IngressPathType, IngressRef } from './types.ts';

export interface BackendSpec {
  /** `service.name` and `service.port.number` or `.name`; undefined for a `resource` backend. */
  readonly service: { readonly name: string; readonly port: number | string } | undefined;
  readonly resource:
    { readonly apiGroup: string | undefined; readonly kind: string; readonly name: string } | undefined;
  readonly fieldPath: FieldPath;
}

export interface PathSpec {
  /** As stored: an empty or missing path is `/`. */
  readonly path: string;
  /** As written (ImplementationSpecific when missing, as the legacy conversion and defaulting do). */
  readonly pathType: IngressPathType;
  readonly backend: BackendSpec | undefined;
  readonly fieldPath: FieldPath;
}

export interface RuleSpec {
  /** Lowercased host, `` when none (the catch-all server). */
  readonly host: string;
  readonly hasHttp: boolean;
  readonly paths: readonly PathSpec[];
  readonly fieldPath: FieldPath;
}

export interface TlsSpec {
  readonly hosts: readonly string[];
  readonly secretName: string | undefined;
  readonly fieldPath: FieldPath;
}

export interface IngressSpec {
  readonly ref: IngressRef;
  readonly object: ManifestObject;
  readonly sourceIndex: number;
  /** Seconds of virtual time when it was created (0 for the text, `at` for a Simulation event). */
  readonly createdAt: number;
  /** spec.ingressClassName after admission (the DefaultIngressClass plugin may have set it). */
  readonly className: string | undefined;
  readonly annotations: Readonly<Record<string, string>>;
  readonly defaultBackend: BackendSpec | undefined;
  readonly rules: readonly RuleSpec[];
  readonly tls: readonly TlsSpec[];
}

const PATH_TYPES: readonly string[] = ['Exact', 'Prefix', 'ImplementationSpecific'];

function readBackend(object: ManifestObject, fieldPath: FieldPath): BackendSpec | undefined {
  const backend = objAt(object.body, ...fieldPath);
  if (!backend) return undefined;
  const name = strAt(backend, 'service', 'name');
  const port = at(backend, 'service', 'port', 'number') ?? at(backend, 'service', 'port', 'name');
  const resource = objAt(backend, 'resource');
  return {
    service:
      name === undefined
        ? undefined
        : { name, port: typeof port === 'number' || typeof port === 'string' ? port : '' },
    resource: resource
      ? {
          apiGroup: strAt(resource, 'apiGroup'),
          kind: strAt(resource, 'kind') ?? '',
          name: strAt(resource, 'name') ?? '',
        }
      : undefined,
    fieldPath,
  };
}

function readStringMap(object: ManifestObject, ...path: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  const map = objAt(object.body, ...path);
  if (!map) return out;
  for (const key of Object.keys(map)) {
    const value = map[key];
    if (typeof value === 'string') out[key] = value;
  }
  return out;
}

/** The Ingress's fields as the controller reads them. */
export function readIngress(object: ManifestObject, ingress: ClusterIngress, createdAt: number): IngressSpec {
  const rules = arrAt(object.body, 'spec', 'rules').map((_, r): RuleSpec => {
    const rulePath = ['spec', 'rules', r];
    const hasHttp = objAt(object.body, ...rulePath, 'http') !== undefined;
    const paths = arrAt(object.body, ...rulePath, 'http', 'paths').map((__, p): PathSpec => {
      const fieldPath = [...rulePath, 'http', 'paths', p];
      const written = strAt(object.body, ...fieldPath, 'pathType');
      return {
        path: strAt(object.body, ...fieldPath, 'path') || '/',
        pathType:
          written !== undefined && PATH_TYPES.includes(written)
            ? (written as IngressPathType)
            : 'ImplementationSpecific',
        backend: readBackend(object, [...fieldPath, 'backend']),
        fieldPath,
      };
    });
    return {
      host: (strAt(object.body, ...rulePath, 'host') ?? '').toLowerCase(),
      hasHttp,
      paths,
      fieldPath: rulePath,
    };
  });
  const tls = arrAt(object.body, 'spec', 'tls').map((entry, t): TlsSpec => ({
    hosts: arrAt(entry, 'hosts').filter((h): h is string => typeof h === 'string'),
    secretName: strAt(entry, 'secretName') || undefined,
    fieldPath: ['spec', 'tls', t],
  }));
  return {
    ref: { namespace: ingress.namespace, name: ingress.name },
    object,
    sourceIndex: ingress.source.index,
    createdAt,
    className: ingress.ingressClassName,
    annotations: readStringMap(object, 'metadata', 'annotations'),
    defaultBackend: readBackend(object, ['spec', 'defaultBackend']),
    rules,
    tls,
  };
}

/** `namespace/name`, as ingress-nginx keys Ingresses and Secrets. */
export const keyOf = (ref: IngressRef): string => `${ref.namespace}/${ref.name}`;
