// Mirrors kubernetes pkg/apis/core/validation/validation.go: ValidateNode (taints, podCIDRs)
// and ValidateNamespace (name, spec.finalizers).

import { fieldErrors, goQuote, goValue } from '../field-errors.ts';
import type { FieldPath, JsonObject } from '../types.ts';
import { goStringSlice } from './go-syntax.ts';
import { isValidCIDR, parseCIDR } from './ip.ts';
import { isLabelValue, nameIsDnsLabel, nameIsDnsSubdomain } from './names.ts';
import { validateLabelName, validateObjectMeta, type Errors } from './object-meta.ts';
import { arr, child, isObject, obj, str, stringList } from './read-fields.ts';

const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

export function validateNode(body: JsonObject, errs: Errors): void {
  validateObjectMeta(body, { nameFn: nameIsDnsSubdomain, namespaced: false }, errs);
  const spec = obj(body, 'spec');
  // Upstream roots the taints path at metadata, not spec.
  const taintsPath: FieldPath = ['metadata', 'taints'];
  const unique = new Set<string>();
  (arr(spec, 'taints') ?? []).forEach((taint, i) => {
    if (!isObject(taint)) return;
    const idx = child(taintsPath, i);
    const key = str(taint, 'key') ?? '';
    validateLabelName(key, child(idx, 'key'), errs);
    const value = str(taint, 'value') ?? '';
    const valueErrs = isLabelValue(value);
    if (valueErrs.length > 0) errs.push(fieldErrors.invalid(child(idx, 'value'), value, valueErrs.join(';')));
    const effect = str(taint, 'effect') ?? '';
    if (effect === '') errs.push(fieldErrors.required(child(idx, 'effect'), ''));
    else if (!TAINT_EFFECTS.includes(effect))
      errs.push(fieldErrors.notSupported(child(idx, 'effect'), effect, TAINT_EFFECTS));
    const uniqueKey = `${effect}\u0000${key}`;
    if (unique.has(uniqueKey)) {
      const dup = fieldErrors.duplicate(idx, goValue(goTaint(key, value, effect)));
      errs.push({ ...dup, message: `${dup.message}: taints must be unique by key and effect pair` });
    } else unique.add(uniqueKey);
  });

  // The strategy copies spec.podCIDR into an empty spec.podCIDRs.
  const written = stringList(spec, 'podCIDRs') ?? [];
  const single = str(spec, 'podCIDR');
  const podCIDRs = written.length > 0 ? written : single ? ([[0, single]] as const) : [];
  const cidrsPath = child(['spec'], 'podCIDRs');
  for (const [i, cidr] of podCIDRs) errs.push(...isValidCIDR(child(cidrsPath, i), cidr));
  if (podCIDRs.length > 1) {
    const families = podCIDRs.map(([, c]) => parseCIDR(c)?.ip.v4);
    if (families.every((f) => f !== undefined) && (podCIDRs.length > 2 || families[0] === families[1]))
      errs.push(
        fieldErrors.invalid(
          cidrsPath,
          goStringSlice(
            'string',
            podCIDRs.map(([, c]) => c),
          ),
          'may specify no more than one CIDR for each IP family',
        ),
      );
    const seen = new Set<string>();
    for (const [i, cidr] of podCIDRs) {
      if (seen.has(cidr)) errs.push(fieldErrors.duplicate(child(cidrsPath, i), cidr));
      seen.add(cidr);
    }
  }
}

const goTaint = (key: string, value: string, effect: string): string =>
  `core.Taint{Key:${goQuote(key)}, Value:${goQuote(value)}, Effect:${goQuote(effect)}, TimeAdded:(*v1.Time)(nil)}`;

const STANDARD_FINALIZERS = new Set(['kubernetes', 'orphan', 'foregroundDeletion']);

export function validateNamespace(body: JsonObject, errs: Errors): void {
  validateObjectMeta(body, { nameFn: nameIsDnsLabel, namespaced: false }, errs);
  const path = ['spec', 'finalizers'];
  for (const [, f] of stringList(obj(body, 'spec'), 'finalizers') ?? []) {
    validateLabelName(f, path, errs);
    if (!f.includes('/') && !STANDARD_FINALIZERS.has(f))
      errs.push(
        fieldErrors.invalid(path, f, 'name is neither a standard finalizer name nor is it fully qualified'),
      );
  }
}
