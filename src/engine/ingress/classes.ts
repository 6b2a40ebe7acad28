// Which Ingresses ingress-nginx takes, and in which order it reads them. Mirrors
// internal/ingress/controller/store/store.go (GetIngressClass, the IngressClass informer filter,
// sortIngressSlice) and controller.go CheckIngress (the admission webhook's pathType validation).

import { strAt } from '../cluster/body-fields.ts';
import { timelineObjects } from '../cluster/timeline.ts';
import type { ClusterModel } from '../cluster/types.ts';
import type { ManifestObject } from '../manifest/types.ts';
import { CLASS_ANNOTATION } from './annotations.ts';
import { ingressDiagnostic, type IngressDiagnostic } from './diagnostics.ts';
import { keyOf, readIngress, type IngressSpec } from './ingress-spec.ts';
import type { IngressRef } from './types.ts';

export const CONTROLLER_NAME = 'k8s.io/ingress-nginx';
/** The `--ingress-class` flag's default: the class name the controller answers to in the annotation. */
export const CLASS_NAME = 'nginx';

export interface Classified {
  /** The Ingresses the controller takes, in its order (oldest first; same second: name descending). */
  readonly taken: readonly IngressSpec[];
  readonly ignored: readonly { readonly ingress: IngressRef; readonly reason: string }[];
  readonly diagnostics: readonly IngressDiagnostic[];
}

/** IngressClass name → spec.controller (store.go keeps only its controller's): the system's nginx, then the text's. */
function ingressClasses(objects: readonly ManifestObject[]): Map<string, string> {
  const classes = new Map([[CLASS_NAME, CONTROLLER_NAME]]);
  for (const o of objects)
    if (o.simulated && o.kind === 'IngressClass')
      classes.set(o.name, strAt(o.body, 'spec', 'controller') ?? '');
  return classes;
}

/** The object each applied Ingress came from, and when it was created (Simulation events come later). */
function ingressSpecs(model: ClusterModel, objects: readonly ManifestObject[]): IngressSpec[] {
  const later = timelineObjects(objects).filter((t) => t.object.kind === 'Ingress');
  const out: IngressSpec[] = [];
  for (const ingress of model.ingresses) {
    const direct = objects.find((o) => o.index === ingress.source.index && o.kind === 'Ingress');
    if (direct) {
      out.push(readIngress(direct, ingress, 0));
      continue;
    }
    const event = later.find(
      (t) => t.object.name === ingress.name && (t.object.namespace ?? 'default') === ingress.namespace,
    );
    if (event) out.push(readIngress(event.object, ingress, event.at));
  }
  return out;
}

/** store.go sortIngressSlice: creationTimestamp (whole seconds) ascending; equal ones by namespace/name descending. */
export function sortIngresses(ingresses: readonly IngressSpec[]): IngressSpec[] {
  return [...ingresses].sort((a, b) => {
    const ta = Math.floor(a.createdAt);
    const tb = Math.floor(b.createdAt);
    if (ta !== tb) return ta - tb;
    const ka = keyOf(a.ref);
    const kb = keyOf(b.ref);
    return ka === kb ? 0 : ka > kb ? -1 : 1;
  });
}

type Verdict =
  { taken: true } | { taken: false; reason: string; severity: 'info' | 'warning'; path: string[] };

/** store.go GetIngressClass with the default flags (--ingress-class=nginx, no --watch-ingress-without-class). */
function classVerdict(ingress: IngressSpec, classes: ReadonlyMap<string, string>): Verdict {
  const written = strAt(ingress.object.body, 'spec', 'ingressClassName');
  if (ingress.className !== undefined) {
    const controller = classes.get(ingress.className);
    if (controller === CONTROLLER_NAME) return { taken: true };
    const path = written === undefined ? ['metadata', 'name'] : ['spec', 'ingressClassName'];
    const log = `Ignoring ingress because of error while validating ingress class: no object matching key "${ingress.className}" in local store`;
    return controller === undefined
      ? {
          taken: false,
          severity: 'warning',
          path,
          reason: `No IngressClass "${ingress.className}" exists, so no controller serves this Ingress (ingress-nginx logs: ${log}).`,
        }
      : {
          taken: false,
          severity: 'info',
          path,
          reason: `IngressClass "${ingress.className}" belongs to controller ${controller || '(none)'}, not ${CONTROLLER_NAME}; ingress-nginx leaves it to that controller.`,
        };
  }
  const annotation = ingress.annotations[CLASS_ANNOTATION];
  if (annotation !== undefined) {
    if (annotation === CLASS_NAME) return { taken: true };
    return {
      taken: false,
      severity: 'info',
      path: ['metadata', 'annotations', CLASS_ANNOTATION],
      reason: `The ${CLASS_ANNOTATION} annotation says "${annotation}", not "${CLASS_NAME}": ingress class annotation is not equal to the expected by Ingress Controller.`,
    };
  }
  return {
    taken: false,
    severity: 'warning',
    path: ['metadata', 'name'],
    reason:
      'This Ingress names no class (no spec.ingressClassName, no kubernetes.io/ingress.class annotation) and no IngressClass is marked default: ingress does not contain a valid IngressClass, so ingress-nginx ignores it.',
  };
}

/** Go `(?i)^/[[:alnum:]._\-/]*$` of internal/ingress/inspector/rules.go validPathType. */
const VALID_PATH = /^\/[A-Za-z0-9._\-/]*$/;

/** controller.go CheckIngress with strict-validate-path-type (default true): Exact and Prefix paths must be plain. */
function pathTypeRefusals(ingress: IngressSpec): { message: string; path: (string | number)[] }[] {
  const out: { message: string; path: (string | number)[] }[] = [];
  for (const rule of ingress.rules)
    for (const p of rule.paths) {
      const written = strAt(ingress.object.body, ...p.fieldPath, 'path');
      if (written === undefined || written === '' || p.pathType === 'ImplementationSpecific') continue;
      if (!VALID_PATH.test(written))
        out.push({
          message: `path ${written} cannot be used with pathType ${p.pathType}`,
          path: [...p.fieldPath, 'path'],
        });
    }
  return out;
}

/** Splits the applied Ingresses into those ingress-nginx serves and those it leaves alone, with why. */
export function classifyIngresses(model: ClusterModel, objects: readonly ManifestObject[]): Classified {
  const classes = ingressClasses(objects);
  const taken: IngressSpec[] = [];
  const ignored: { ingress: IngressRef; reason: string }[] = [];
  const diagnostics: IngressDiagnostic[] = [];
  for (const ingress of ingressSpecs(model, objects)) {
    const verdict = classVerdict(ingress, classes);
    if (!verdict.taken) {
      ignored.push({ ingress: ingress.ref, reason: verdict.reason });
      diagnostics.push(
        ingressDiagnostic(ingress, verdict.severity, 'ignored-class', verdict.reason, verdict.path),
      );
      continue;
    }
    const refusals = pathTypeRefusals(ingress);
    if (refusals.length > 0) {
      const webhook = `admission webhook "validate.nginx.ingress.kubernetes.io" denied the request: ingress contains invalid paths: ${refusals.map((r) => r.message).join('\n')}`;
      ignored.push({
        ingress: ingress.ref,
        reason: `kubectl apply would fail: ${webhook}. Only ImplementationSpecific paths may hold regex characters.`,
      });
      for (const r of refusals)
        diagnostics.push(
          ingressDiagnostic(
            ingress,
            'error',
            'invalid-path-type',
            `admission webhook "validate.nginx.ingress.kubernetes.io" denied the request: ingress contains invalid paths: ${r.message}`,
            r.path,
            'ingress-nginx (strict-validate-path-type, on by default since v1.12) allows only letters, digits, ".", "_", "-" and "/" in Exact and Prefix paths; write regex paths with pathType ImplementationSpecific.',
          ),
        );
      continue;
    }
    taken.push(ingress);
  }
  return { taken: sortIngresses(taken), ignored, diagnostics };
}
