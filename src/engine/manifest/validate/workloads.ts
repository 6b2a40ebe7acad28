// Mirrors kubernetes pkg/apis/core/validation/validation.go (ValidateReplicationController) and
// pkg/apis/apps/validation/validation.go (ReplicaSet, Deployment, StatefulSet, DaemonSet): the
// selector, the pod template it must match, replicas, and the strategy fields that defaulting
// does not fill in.

import { fieldErrors, goValue } from '../field-errors.ts';
import type { FieldPath, JsonObject } from '../types.ts';
import { goStringMap } from './go-syntax.ts';
import { nameIsDnsSubdomain, regexError } from './names.ts';
import {
  labelMap,
  selectorMatches,
  validateLabelSelector,
  validateObjectMeta,
  validateLabels,
  type Errors,
} from './object-meta.ts';
import { validatePodTemplate } from './pod-spec.ts';
import { arr, child, get, intOrString, isObject, obj, str, stringMap } from './read-fields.ts';

const SPEC: FieldPath = ['spec'];
const TEMPLATE = child(SPEC, 'template');
const MISMATCH = '`selector` does not match template `labels`';

function validateNonNegative(spec: JsonObject | undefined, key: string, errs: Errors): void {
  const v = get(spec, key);
  if (typeof v === 'number' && Number.isInteger(v) && v < 0)
    errs.push(fieldErrors.invalid(child(SPEC, key), v, 'must be greater than or equal to 0'));
}

const templateLabels = (spec: JsonObject | undefined) =>
  stringMap(obj(obj(spec, 'template'), 'metadata'), 'labels');

export function validateReplicationController(body: JsonObject, errs: Errors): void {
  validateObjectMeta(body, { nameFn: nameIsDnsSubdomain, namespaced: true }, errs);
  const spec = obj(body, 'spec');
  validateNonNegative(spec, 'minReadySeconds', errs);
  // Defaulting copies the template's labels into an empty selector (and back).
  const labels = templateLabels(spec);
  const written = stringMap(spec, 'selector');
  const selector = written && written.length > 0 ? written : labels;
  if (!selector || selector.length === 0) errs.push(fieldErrors.required(child(SPEC, 'selector'), ''));
  validateNonNegative(spec, 'replicas', errs);
  const template = obj(spec, 'template');
  if (!template) {
    errs.push(fieldErrors.required(TEMPLATE, ''));
    return;
  }
  const effectiveLabels = labels && labels.length > 0 ? labels : selector;
  if (selector && selector.length > 0) {
    const have = labelMap(effectiveLabels);
    if (!selector.every(([k, v]) => have.get(k) === v))
      errs.push(
        fieldErrors.invalid(child(TEMPLATE, 'metadata', 'labels'), goStringMap(effectiveLabels), MISMATCH),
      );
  }
  validateLabels(written, child(SPEC, 'selector'), errs);
  validatePodTemplate(template, TEMPLATE, errs);
}

type AppsKind = 'ReplicaSet' | 'Deployment' | 'StatefulSet' | 'DaemonSet';

/** Go %#v of a metav1.LabelSelector as the empty-selector error prints it. */
function goLabelSelector(selector: JsonObject) {
  const matchLabels = stringMap(selector, 'matchLabels');
  const exprs = arr(selector, 'matchExpressions');
  const labels = matchLabels === undefined ? 'map[string]string(nil)' : goStringMap(matchLabels).goRendered;
  const expressions =
    exprs === undefined ? '[]v1.LabelSelectorRequirement(nil)' : '[]v1.LabelSelectorRequirement{}';
  return goValue(`v1.LabelSelector{MatchLabels:${labels}, MatchExpressions:${expressions}}`);
}

export function validateAppsWorkload(kind: AppsKind, body: JsonObject, errs: Errors): void {
  validateObjectMeta(body, { nameFn: nameIsDnsSubdomain, namespaced: true }, errs);
  const spec = obj(body, 'spec');
  if (kind !== 'DaemonSet') validateNonNegative(spec, 'replicas', errs);
  const selector = obj(spec, 'selector');
  const selectorPath = child(SPEC, 'selector');
  let selectorErrors = 0;
  if (!selector) errs.push(fieldErrors.required(selectorPath, ''));
  else {
    const before = errs.length;
    validateLabelSelector(selector, selectorPath, errs);
    selectorErrors = errs.length - before;
    const count =
      (stringMap(selector, 'matchLabels') ?? []).length + (arr(selector, 'matchExpressions') ?? []).length;
    const what = kind === 'ReplicaSet' ? 'deployment' : kind.toLowerCase();
    if (count === 0)
      errs.push(
        fieldErrors.invalid(selectorPath, goLabelSelector(selector), `empty selector is invalid for ${what}`),
      );
  }
  const template = obj(spec, 'template');
  // A selector that does not convert (bad keys or operators) is reported above, not matched.
  if (selector && selectorErrors === 0) {
    const labels = templateLabels(spec);
    if (!selectorMatches(selector, labelMap(labels)) && hasSelectorTerms(selector))
      errs.push(fieldErrors.invalid(child(TEMPLATE, 'metadata', 'labels'), goStringMap(labels), MISMATCH));
  }
  const claims = (arr(spec, 'volumeClaimTemplates') ?? []).flatMap(
    (c) => str(obj(isObject(c) ? c : undefined, 'metadata'), 'name') ?? [],
  );
  validatePodTemplate(template, TEMPLATE, errs, kind === 'StatefulSet' ? claims : []);
  validateNonNegative(spec, 'minReadySeconds', errs);
  validateNonNegative(spec, 'revisionHistoryLimit', errs);
  if (kind === 'Deployment') validateDeploymentStrategy(obj(spec, 'strategy'), errs);
  if (kind === 'StatefulSet') {
    const policy = str(spec, 'podManagementPolicy');
    if (policy !== undefined && policy !== 'OrderedReady' && policy !== 'Parallel')
      errs.push(
        fieldErrors.invalid(
          child(SPEC, 'podManagementPolicy'),
          policy,
          "must be 'OrderedReady' or 'Parallel'",
        ),
      );
  }
}

const hasSelectorTerms = (selector: JsonObject): boolean =>
  (stringMap(selector, 'matchLabels') ?? []).length +
    (arr(selector, 'matchExpressions') ?? []).filter(isObject).length >
  0;

function validateDeploymentStrategy(strategy: JsonObject | undefined, errs: Errors): void {
  const path = child(SPEC, 'strategy');
  const type = str(strategy, 'type') ?? 'RollingUpdate';
  const rolling = obj(strategy, 'rollingUpdate');
  if (type === 'Recreate' && rolling)
    errs.push(
      fieldErrors.forbidden(
        child(path, 'rollingUpdate'),
        "may not be specified when strategy `type` is 'Recreate'",
      ),
    );
  if (type !== 'RollingUpdate') return;
  const maxUnavailable = intOrString(rolling, 'maxUnavailable') ?? '25%';
  const maxSurge = intOrString(rolling, 'maxSurge') ?? '25%';
  const ruPath = child(path, 'rollingUpdate');
  for (const [key, value] of [
    ['maxUnavailable', maxUnavailable],
    ['maxSurge', maxSurge],
  ] as const)
    validatePositiveIntOrPercent(value, child(ruPath, key), errs);
  if (intOrPercentValue(maxUnavailable) === 0 && intOrPercentValue(maxSurge) === 0)
    errs.push(
      fieldErrors.invalid(
        child(ruPath, 'maxUnavailable'),
        goValue(String(maxUnavailable)),
        'may not be 0 when `maxSurge` is 0',
      ),
    );
  if (typeof maxUnavailable === 'string' && intOrPercentValue(maxUnavailable) > 100)
    errs.push(
      fieldErrors.invalid(
        child(ruPath, 'maxUnavailable'),
        goValue(maxUnavailable),
        'must not be greater than 100%',
      ),
    );
}

const PERCENT = /^[0-9]+%$/;
const PERCENT_MSG = "a valid percent string must be a numeric string followed by an ending '%'";

function intOrPercentValue(v: number | string): number {
  if (typeof v === 'number') return v;
  return PERCENT.test(v) ? Number(v.slice(0, -1)) : -1;
}

function validatePositiveIntOrPercent(value: number | string, path: FieldPath, errs: Errors): void {
  if (typeof value === 'string') {
    if (!PERCENT.test(value))
      errs.push(fieldErrors.invalid(path, goValue(value), regexError(PERCENT_MSG, '[0-9]+%', '1%', '93%')));
  } else if (value < 0) errs.push(fieldErrors.invalid(path, value, 'must be greater than or equal to 0'));
}
