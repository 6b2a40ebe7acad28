// Located diagnostics of the ingress stage: the controller's log lines and the admission webhook's
// refusals, pointed at the field of the Ingress that caused them.

import { formatPath } from '../manifest/field-errors.ts';
import type { Diagnostic, FieldPath, Severity } from '../manifest/types.ts';
import type { IngressSpec } from './ingress-spec.ts';

export type IngressDiagnostic = Diagnostic & { readonly sourceIndex: number };

export function ingressDiagnostic(
  ingress: IngressSpec,
  severity: Severity,
  code: string,
  message: string,
  path: FieldPath,
  hint?: string,
): IngressDiagnostic {
  return {
    severity,
    message,
    range: ingress.object.locate(path),
    path: formatPath(path),
    code: `ingress/${code}`,
    sourceIndex: ingress.sourceIndex,
    ...(hint === undefined ? {} : { hint }),
  };
}
