// The API server's create path for one object: NamespaceLifecycle admission
// (plugin/pkg/admission/namespace/lifecycle: `namespaces "x" not found`), then ResourceQuota
// admission (`<resource> "<name>" is forbidden: exceeded quota: …`). Storage comes after.

import { formatPath } from '../manifest/field-errors.ts';
import type { FieldPath, JsonObject, ManifestObject } from '../manifest/types.ts';
import { objAt } from './body-fields.ts';
import type { ClusterState } from './cluster-state.ts';
import { podScopeFacts, type ScopeFacts, type Usage } from './quota.ts';
import { groupResource, usageOf } from './resources.ts';
import type { SourceRef } from './types.ts';

export interface CreateRequest {
  readonly kind: string;
  readonly namespace: string;
  readonly name: string;
  readonly body: JsonObject;
  /** Precomputed usage and scope facts (controllers make many pods from one template). */
  readonly usage?: Usage;
  readonly facts?: ScopeFacts | undefined;
}

export interface Admitted {
  /** Call once storage succeeded: the object now counts against quotas. */
  readonly commit: () => void;
}

export type AdmissionResult =
  | { readonly ok: true; readonly admitted: Admitted }
  | { readonly ok: false; readonly message: string; readonly code: string };

function scopeFacts(req: CreateRequest): ReturnType<typeof podScopeFacts> | undefined {
  return req.kind === 'Pod' ? podScopeFacts(objAt(req.body, 'spec')) : undefined;
}

/** Namespace lifecycle then quota; nothing is charged until commit(). */
export function admitCreate(state: ClusterState, req: CreateRequest): AdmissionResult {
  if (!state.namespaces.has(req.namespace)) {
    return {
      ok: false,
      message: `namespaces "${req.namespace}" not found`,
      code: 'admission/namespace-not-found',
    };
  }
  const usage = req.usage ?? usageOf(req.kind, req.body);
  const facts = req.facts ?? scopeFacts(req);
  const refused = state.quota.check(req.namespace, usage, facts);
  if (refused !== undefined) {
    return {
      ok: false,
      message: `${groupResource(req.kind)} "${req.name}" is forbidden: ${refused}`,
      code: 'admission/quota-exceeded',
    };
  }
  return { ok: true, admitted: { commit: () => state.quota.charge(req.namespace, usage, facts) } };
}

/** Records a refused object of the text: in `rejected`, and as an error where it went wrong. */
export function reject(
  state: ClusterState,
  object: ManifestObject,
  source: SourceRef,
  message: string,
  code: string,
  at: FieldPath,
  diagnosticMessage = message,
): void {
  state.rejected.push({ kind: object.kind, namespace: source.namespace, name: object.name, message, source });
  state.diagnostics.push({
    severity: 'error',
    message: diagnosticMessage,
    range: object.locate(at),
    path: formatPath(at),
    code,
  });
}

/** Where a rejection points: the namespace for lifecycle errors, the kind for quota ones. */
export function rejectionPath(code: string): FieldPath {
  return code === 'admission/namespace-not-found' ? ['metadata', 'namespace'] : ['metadata', 'name'];
}
