// Mirrors kubernetes' create-time validation (pkg/apis/{core,apps,networking,discovery}/validation):
// the field errors the API server would return, in its words. Pure and total: wrong-typed fields
// are skipped (the schema checker reports them).

import type { FieldError } from '../field-errors.ts';
import type { JsonObject } from '../types.ts';
import { validateUnguarded } from './dispatch.ts';

/**
 * Validates one decoded object (already normalized: Ingress is networking.k8s.io/v1) the way
 * the API server's create validation would, returning its field errors with upstream wording.
 * Kinds Podwire does not model return no errors. Never throws.
 */
export function validateObject(apiVersion: string, kind: string, body: JsonObject): FieldError[] {
  const errs: FieldError[] = [];
  try {
    validateUnguarded(apiVersion, kind, body, errs);
  } catch {
    // A validator bug must not take the editor down; what was found so far still stands.
  }
  return errs;
}
