// Mirrors k8s.io/apimachinery pkg/api/validation/objectmeta.go (ValidateObjectMeta) and
// pkg/apis/meta/v1/validation/validation.go (labels, label selectors).

import { fieldErrors, type FieldError } from '../field-errors.ts';
import type { FieldPath, JsonObject } from '../types.ts';
import {
  isDns1123Subdomain,
  isLabelValue,
  isQualifiedName,
  nameIsDnsLabel,
  byteLength,
  type NameFn,
} from './names.ts';
import { goStringSlice } from './go-syntax.ts';
import { arr, child, get, isObject, str, stringList, stringMap, type Maybe } from './read-fields.ts';

const TOTAL_ANNOTATION_SIZE_LIMIT = 256 * (1 << 10);

export type Errors = FieldError[];

export interface MetaOptions {
  readonly nameFn: NameFn;
  /** Namespaced kinds validate metadata.namespace when it is written (it defaults otherwise). */
  readonly namespaced: boolean;
}

export function validateObjectMeta(body: JsonObject, opts: MetaOptions, errs: Errors): void {
  const path: FieldPath = ['metadata'];
  const meta = get(body, 'metadata');
  const generateName = str(meta, 'generateName') ?? '';
  const name = get(meta, 'name');
  if (generateName !== '')
    for (const msg of opts.nameFn(generateName, true))
      errs.push(fieldErrors.invalid(child(path, 'generateName'), generateName, msg));
  if ((name === undefined || name === null || name === '') && generateName === '')
    errs.push(fieldErrors.required(child(path, 'name'), 'name or generateName is required'));
  else if (typeof name === 'string' && name !== '')
    for (const msg of opts.nameFn(name, false))
      errs.push(fieldErrors.invalid(child(path, 'name'), name, msg));

  const namespace = str(meta, 'namespace');
  // A cluster-scoped object's namespace is cleared before validation; a namespaced one defaults.
  if (opts.namespaced && namespace !== undefined && namespace !== '')
    for (const msg of nameIsDnsLabel(namespace, false))
      errs.push(fieldErrors.invalid(child(path, 'namespace'), namespace, msg));

  const generation = get(meta, 'generation');
  if (typeof generation === 'number' && generation < 0)
    errs.push(
      fieldErrors.invalid(child(path, 'generation'), generation, 'must be greater than or equal to 0'),
    );
  validateLabels(stringMap(meta, 'labels'), child(path, 'labels'), errs);
  validateAnnotations(stringMap(meta, 'annotations'), child(path, 'annotations'), errs);
  validateFinalizers(meta, child(path, 'finalizers'), errs);
}

export function validateLabels(
  labels: readonly (readonly [string, string])[] | undefined,
  path: FieldPath,
  errs: Errors,
): void {
  for (const [k, v] of labels ?? []) {
    validateLabelName(k, path, errs);
    for (const msg of isLabelValue(v)) errs.push(fieldErrors.invalid(path, v, msg));
  }
}

export function validateLabelName(name: string, path: FieldPath, errs: Errors): void {
  for (const msg of isQualifiedName(name)) errs.push(fieldErrors.invalid(path, name, msg));
}

export function validateAnnotations(
  annotations: readonly (readonly [string, string])[] | undefined,
  path: FieldPath,
  errs: Errors,
): void {
  let total = 0;
  for (const [k, v] of annotations ?? []) {
    // The rule is QualifiedName except that case doesn't matter.
    for (const msg of isQualifiedName(k.toLowerCase())) errs.push(fieldErrors.invalid(path, k, msg));
    total += byteLength(k) + byteLength(v);
  }
  if (total > TOTAL_ANNOTATION_SIZE_LIMIT) errs.push(fieldErrors.tooLong(path, TOTAL_ANNOTATION_SIZE_LIMIT));
}

function validateFinalizers(meta: Maybe, path: FieldPath, errs: Errors): void {
  const finalizers = stringList(meta, 'finalizers') ?? [];
  for (const [, f] of finalizers) validateLabelName(f, path, errs);
  const names = new Set(finalizers.map(([, f]) => f));
  if (names.has('orphan') && names.has('foregroundDeletion'))
    errs.push(
      fieldErrors.invalid(
        path,
        goStringSlice(
          'string',
          finalizers.map(([, f]) => f),
        ),
        'finalizer orphan and foregroundDeletion cannot be both set',
      ),
    );
}

/** ValidateLabelSelector (strict: values in expressions must be label values). */
export function validateLabelSelector(selector: JsonObject | undefined, path: FieldPath, errs: Errors): void {
  if (!selector) return;
  validateLabels(stringMap(selector, 'matchLabels'), child(path, 'matchLabels'), errs);
  (arr(selector, 'matchExpressions') ?? []).forEach((expr, i) => {
    if (!isObject(expr)) return;
    const exprPath = child(path, 'matchExpressions', i);
    const operator = str(expr, 'operator') ?? '';
    const values = stringList(expr, 'values') ?? [];
    if (operator === 'In' || operator === 'NotIn') {
      if (values.length === 0)
        errs.push(
          fieldErrors.required(
            child(exprPath, 'values'),
            "must be specified when `operator` is 'In' or 'NotIn'",
          ),
        );
    } else if (operator === 'Exists' || operator === 'DoesNotExist') {
      if (values.length > 0)
        errs.push(
          fieldErrors.forbidden(
            child(exprPath, 'values'),
            "may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
          ),
        );
    } else
      errs.push(fieldErrors.invalid(child(exprPath, 'operator'), operator, 'not a valid selector operator'));
    validateLabelName(str(expr, 'key') ?? '', child(exprPath, 'key'), errs);
    for (const [vi, v] of values)
      for (const msg of isLabelValue(v))
        errs.push(fieldErrors.invalid(child(exprPath, 'values', vi), v, msg));
  });
}

/** labels.Selector.Matches for a metav1.LabelSelector; an empty selector matches everything. */
export function selectorMatches(selector: JsonObject, labels: ReadonlyMap<string, string>): boolean {
  for (const [k, v] of stringMap(selector, 'matchLabels') ?? []) if (labels.get(k) !== v) return false;
  for (const expr of arr(selector, 'matchExpressions') ?? []) {
    const key = str(expr, 'key') ?? '';
    const values = new Set((stringList(expr, 'values') ?? []).map(([, v]) => v));
    const value = labels.get(key);
    switch (str(expr, 'operator')) {
      case 'In':
        if (value === undefined || !values.has(value)) return false;
        break;
      case 'NotIn':
        if (value !== undefined && values.has(value)) return false;
        break;
      case 'Exists':
        if (value === undefined) return false;
        break;
      case 'DoesNotExist':
        if (value !== undefined) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

export const labelMap = (entries: readonly (readonly [string, string])[] | undefined): Map<string, string> =>
  new Map(entries ?? []);

/** An object's DNS-subdomain reference fields, e.g. a Secret or Node name. */
export function validateSubdomainRef(value: string, path: FieldPath, errs: Errors): void {
  for (const msg of isDns1123Subdomain(value)) errs.push(fieldErrors.invalid(path, value, msg));
}
