// Mirrors kubernetes pkg/apis/core/validation/validation.go: ValidateResourceQuota (resource
// names, quantities, scopes). A quantity that does not parse is a decoding error, not ours.

import { fieldErrors, goValue } from '../field-errors.ts';
import type { FieldPath, JsonObject } from '../types.ts';
import { goStringSlice } from './go-syntax.ts';
import { isQualifiedName, nameIsDnsSubdomain } from './names.ts';
import { validateObjectMeta, type Errors } from './object-meta.ts';
import { child, get, obj, stringList } from './read-fields.ts';

const QUOTA_RESOURCES = new Set([
  'cpu',
  'memory',
  'ephemeral-storage',
  'requests.cpu',
  'requests.memory',
  'requests.storage',
  'requests.ephemeral-storage',
  'limits.cpu',
  'limits.memory',
  'limits.ephemeral-storage',
  'pods',
  'services',
  'replicationcontrollers',
  'resourcequotas',
  'secrets',
  'persistentvolumeclaims',
  'configmaps',
  'services.nodeports',
  'services.loadbalancers',
]);
const STANDARD_RESOURCES = new Set([...QUOTA_RESOURCES, 'storage']);
const INTEGER_RESOURCES = new Set([
  'pods',
  'services',
  'replicationcontrollers',
  'resourcequotas',
  'secrets',
  'configmaps',
  'persistentvolumeclaims',
  'services.nodeports',
  'services.loadbalancers',
]);
const isHugePages = (name: string): boolean => /^(requests\.|limits\.)?hugepages-/.test(name);
const SCOPES = new Set([
  'Terminating',
  'NotTerminating',
  'BestEffort',
  'NotBestEffort',
  'PriorityClass',
  'CrossNamespacePodAffinity',
  'VolumeAttributesClass',
]);

const QUANTITY = /^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$/;
const SUFFIX: Readonly<Record<string, number>> = {
  '': 1,
  n: 1e-9,
  u: 1e-6,
  m: 1e-3,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

/** A quantity's approximate value, or undefined when it does not parse. */
function quantityValue(q: string): number | undefined {
  const m = QUANTITY.exec(q);
  if (!m) return undefined;
  const num = Number(m[1]);
  const suffix = m[2] ?? '';
  if (Number.isNaN(num)) return undefined;
  if (Object.hasOwn(SUFFIX, suffix)) return num * (SUFFIX[suffix] ?? 1);
  const exp = /^[eE]([-+]?[0-9]+)$/.exec(suffix);
  return exp ? num * 10 ** Number(exp[1]) : undefined;
}

export function validateResourceQuota(body: JsonObject, errs: Errors): void {
  validateObjectMeta(body, { nameFn: nameIsDnsSubdomain, namespaced: true }, errs);
  const spec = obj(body, 'spec');
  const hard = obj(spec, 'hard');
  for (const name of hard ? Object.keys(hard) : []) {
    // Go prints field.Path.Key as `hard[pods]`.
    const path: FieldPath = ['spec', `hard[${name}]`];
    validateResourceName(name, path, errs);
    const raw = get(hard, name);
    const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw : undefined;
    const value = text === undefined ? undefined : quantityValue(text);
    if (text === undefined || value === undefined) continue;
    if (value < 0) errs.push(fieldErrors.invalid(path, text, 'must be greater than or equal to 0'));
    if (isIntegerResource(name) && Math.round(value * 1000) % 1000 !== 0)
      errs.push(fieldErrors.invalid(path, goValue(canonicalMilli(text, value)), 'must be an integer'));
  }
  const scopes = stringList(spec, 'scopes') ?? [];
  const scopeValue = goStringSlice(
    'core.ResourceQuotaScope',
    scopes.map(([, s]) => s),
  );
  for (const [, scope] of scopes)
    if (!SCOPES.has(scope))
      errs.push(fieldErrors.invalid(child(['spec'], 'scopes'), scopeValue, 'unsupported scope'));
  const set = new Set(scopes.map(([, s]) => s));
  for (const [a, b] of [
    ['BestEffort', 'NotBestEffort'],
    ['Terminating', 'NotTerminating'],
  ] as const)
    if (set.has(a) && set.has(b))
      errs.push(fieldErrors.invalid(child(['spec'], 'scopes'), scopeValue, 'conflicting scopes'));
}

function isIntegerResource(name: string): boolean {
  if (INTEGER_RESOURCES.has(name)) return true;
  // Extended resources (a domain prefix outside kubernetes.io) and object counts are integers.
  return name.includes('/') && !name.includes('kubernetes.io/') && !name.startsWith('requests.');
}

/** Quantity.String() for the common case of a plain decimal: 1.5 → "1500m". */
function canonicalMilli(text: string, value: number): string {
  return /^[+-]?[0-9.]+$/.test(text) ? `${Math.round(value * 1000)}m` : text;
}

function validateResourceName(name: string, path: FieldPath, errs: Errors): void {
  // core.ResourceName has a String() method, so Go prints it without quotes.
  const shown = goValue(name);
  const msgs = isQualifiedName(name);
  for (const msg of msgs) errs.push(fieldErrors.invalid(path, name, msg));
  if (name.includes('/')) return;
  if (msgs.length === 0 && !STANDARD_RESOURCES.has(name) && !isHugePages(name))
    errs.push(fieldErrors.invalid(path, shown, 'must be a standard resource type or fully qualified'));
  if (!QUOTA_RESOURCES.has(name) && !isHugePages(name))
    errs.push(fieldErrors.invalid(path, shown, 'must be a standard resource for quota'));
}
