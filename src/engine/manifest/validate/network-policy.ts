// Mirrors kubernetes pkg/apis/networking/validation/validation.go: ValidateNetworkPolicy
// (pod selector, ingress/egress ports and peers, ipBlock, policyTypes), and the CIDR warnings of
// pkg/registry/networking/networkpolicy/strategy.go (networkPolicyWarnings).

import { fieldErrors, goQuote, type FieldError } from '../field-errors.ts';
import type { FieldPath, JsonObject } from '../types.ts';
import { goStringSlice } from './go-syntax.ts';
import { isStrictSubset, isValidCIDR, parseCIDR } from './ip.ts';
import { isValidPortName, isValidPortNum, nameIsDnsSubdomain } from './names.ts';
import { validateLabelSelector, validateObjectMeta, type Errors } from './object-meta.ts';
import { arr, child, get, intOrString, isObject, obj, str, stringList } from './read-fields.ts';

const SPEC: FieldPath = ['spec'];

export function validateNetworkPolicy(body: JsonObject, errs: Errors): void {
  validateObjectMeta(body, { nameFn: nameIsDnsSubdomain, namespaced: true }, errs);
  const spec = obj(body, 'spec');
  validateLabelSelector(obj(spec, 'podSelector'), child(SPEC, 'podSelector'), errs);
  for (const [direction, peers] of [
    ['ingress', 'from'],
    ['egress', 'to'],
  ] as const) {
    (arr(spec, direction) ?? []).forEach((rule, i) => {
      const rulePath = child(SPEC, direction, i);
      (arr(rule, 'ports') ?? []).forEach((port, pi) => {
        if (isObject(port)) validatePort(port, child(rulePath, 'ports', pi), errs);
      });
      (arr(rule, peers) ?? []).forEach((peer, pi) => {
        if (isObject(peer)) validatePeer(peer, child(rulePath, peers, pi), errs);
      });
    });
  }
  const types = stringList(spec, 'policyTypes');
  if (!types) return;
  const typesPath = child(SPEC, 'policyTypes');
  if (types.length > 2) {
    errs.push(
      fieldErrors.invalid(
        typesPath,
        goStringSlice(
          'networking.PolicyType',
          types.map(([, t]) => t),
        ),
        'may not specify more than two policyTypes',
      ),
    );
    return;
  }
  for (const [i, t] of types)
    if (t !== 'Ingress' && t !== 'Egress')
      errs.push(fieldErrors.notSupported(child(typesPath, i), t, ['Ingress', 'Egress']));
}

function validatePort(port: JsonObject, path: FieldPath, errs: Errors): void {
  const protocol = str(port, 'protocol');
  if (protocol !== undefined && protocol !== 'TCP' && protocol !== 'UDP' && protocol !== 'SCTP')
    errs.push(fieldErrors.notSupported(child(path, 'protocol'), protocol, ['TCP', 'UDP', 'SCTP']));
  const value = intOrString(port, 'port');
  const endPort = get(port, 'endPort');
  const end = typeof endPort === 'number' && Number.isInteger(endPort) ? endPort : undefined;
  const endPath = child(path, 'endPort');
  if (typeof value === 'number') {
    for (const msg of isValidPortNum(value)) errs.push(fieldErrors.invalid(child(path, 'port'), value, msg));
    if (end !== undefined) {
      if (end < value)
        errs.push(fieldErrors.invalid(endPath, end, 'must be greater than or equal to `port`'));
      for (const msg of isValidPortNum(end)) errs.push(fieldErrors.invalid(endPath, end, msg));
    }
  } else if (typeof value === 'string') {
    if (end !== undefined)
      errs.push(fieldErrors.invalid(endPath, end, 'may not be specified when `port` is non-numeric'));
    for (const msg of isValidPortName(value)) errs.push(fieldErrors.invalid(child(path, 'port'), value, msg));
  } else if (end !== undefined)
    errs.push(fieldErrors.invalid(endPath, end, 'may not be specified when `port` is not specified'));
}

function validatePeer(peer: JsonObject, path: FieldPath, errs: Errors): void {
  let count = 0;
  const podSelector = obj(peer, 'podSelector');
  const namespaceSelector = obj(peer, 'namespaceSelector');
  const ipBlock = obj(peer, 'ipBlock');
  if (podSelector) {
    count++;
    validateLabelSelector(podSelector, child(path, 'podSelector'), errs);
  }
  if (namespaceSelector) {
    count++;
    validateLabelSelector(namespaceSelector, child(path, 'namespaceSelector'), errs);
  }
  if (ipBlock) {
    count++;
    validateIPBlock(ipBlock, child(path, 'ipBlock'), errs);
  }
  if (count === 0) errs.push(fieldErrors.required(path, 'must specify a peer'));
  else if (count > 1 && ipBlock)
    errs.push(fieldErrors.forbidden(path, 'may not specify both ipBlock and another peer'));
}

function validateIPBlock(block: JsonObject, path: FieldPath, errs: Errors): void {
  const cidr = str(block, 'cidr') ?? '';
  if (cidr === '') {
    errs.push(fieldErrors.required(child(path, 'cidr'), ''));
    return;
  }
  errs.push(...isValidCIDR(child(path, 'cidr'), cidr));
  const outer = parseCIDR(cidr);
  if (!outer) return;
  errs.push(...cidrWarnings(child(path, 'cidr'), cidr));
  for (const [i, except] of stringList(block, 'except') ?? []) {
    const exceptPath = child(path, 'except', i);
    errs.push(...isValidCIDR(exceptPath, except));
    const inner = parseCIDR(except);
    if (inner) errs.push(...cidrWarnings(exceptPath, except));
    if (inner && !isStrictSubset(outer, inner))
      errs.push(fieldErrors.invalid(exceptPath, except, 'must be a strict subset of `cidr`'));
  }
}

/**
 * The API server's warnings for an accepted but non-standard IPv4 CIDR (k8s.io/apimachinery
 * pkg/util/validation/ip.go GetWarningsForCIDR, returned by the NetworkPolicy strategy's
 * networkPolicyWarnings for every ipBlock cidr and except): bits set after the prefix, leading
 * zeros. IPv6 spellings are not checked here.
 */
function cidrWarnings(path: FieldPath, value: string): FieldError[] {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(value);
  if (!m) return [];
  const octets = m.slice(1, 5).map(Number);
  const prefix = Number(m[5]);
  const masked = octets.map((o, i) => {
    const bits = Math.min(8, Math.max(0, prefix - i * 8));
    return o & ((0xff << (8 - bits)) & 0xff);
  });
  const network = `${masked.join('.')}/${String(prefix)}`;
  const out: FieldError[] = [];
  if (masked.some((o, i) => o !== octets[i]))
    out.push(
      fieldErrors.warning(
        path,
        `CIDR value ${goQuote(value)} is ambiguous in this context (should be ${goQuote(network)} or ${goQuote(`${octets.join('.')}/32`)}?)`,
      ),
    );
  if (m.slice(1, 5).some((o) => o.length > 1 && o.startsWith('0')))
    out.push(
      fieldErrors.warning(
        path,
        `non-standard CIDR value ${goQuote(value)} will be considered invalid in a future Kubernetes release: use ${goQuote(network)}`,
      ),
    );
  return out;
}
