// Mirrors kubernetes pkg/apis/core/validation/validation.go: ValidateServiceClusterIPsRelatedFields
// (clusterIP/clusterIPs agreement, 'None', dual-stack pairs, ipFamilies, ipFamilyPolicy).

import { fieldErrors } from '../field-errors.ts';
import type { FieldPath, JsonObject } from '../types.ts';
import { goStringSlice } from './go-syntax.ts';
import { isValidIP, parseIP } from './ip.ts';
import type { Errors } from './object-meta.ts';
import { child, str, stringList } from './read-fields.ts';

const SPEC: FieldPath = ['spec'];

/** The strategy syncs clusterIP and clusterIPs on create when only one is written. */
export function normalizedClusterIPs(spec: JsonObject | undefined): string[] {
  const list = stringList(spec, 'clusterIPs');
  const clusterIP = str(spec, 'clusterIP') ?? '';
  if (list && list.length > 0) return list.map(([, ip]) => ip);
  return clusterIP === '' ? [] : [clusterIP];
}

export function validateClusterIPs(
  spec: JsonObject | undefined,
  clusterIPs: readonly string[],
  headless: boolean,
  errs: Errors,
): void {
  const field = child(SPEC, 'clusterIPs');
  const clusterIP = str(spec, 'clusterIP') ?? '';
  const written = stringList(spec, 'clusterIPs');
  const ipsValue = goStringSlice('string', clusterIPs);
  if (clusterIP !== '' && written && written.length > 0 && clusterIPs[0] !== clusterIP)
    errs.push(fieldErrors.invalid(field, ipsValue, 'first value must match `clusterIP`'));

  const families = stringList(spec, 'ipFamilies') ?? [];
  const seen = new Set<string>();
  for (const [i, family] of families) {
    if (family !== 'IPv4' && family !== 'IPv6')
      errs.push(fieldErrors.notSupported(child(SPEC, 'ipFamilies', i), family, ['IPv4', 'IPv6']));
    if (seen.has(family)) errs.push(fieldErrors.duplicate(child(SPEC, 'ipFamilies', i), family));
    seen.add(family);
  }
  const policy = str(spec, 'ipFamilyPolicy');
  const policies = ['PreferDualStack', 'RequireDualStack', 'SingleStack'];
  if (policy !== undefined && !policies.includes(policy))
    errs.push(fieldErrors.notSupported(child(SPEC, 'ipFamilyPolicy'), policy, policies));

  let invalid = false;
  clusterIPs.forEach((ip, i) => {
    if (i === 0 && ip === 'None') {
      if (clusterIPs.length > 1) {
        invalid = true;
        errs.push(fieldErrors.invalid(field, ipsValue, "'None' must be the first and only value"));
      }
      return;
    }
    const ipErrs = isValidIP(child(field, i), ip);
    if (ipErrs.length > 0) invalid = true;
    errs.push(...ipErrs);
  });
  if (clusterIPs.length > 2) errs.push(fieldErrors.invalid(field, ipsValue, 'may only hold up to 2 values'));
  if (invalid) return;
  if (clusterIPs.length > 1) {
    const v4 = clusterIPs.map((ip) => parseIP(ip)?.v4 === true);
    if (clusterIPs.length !== 2 || v4[0] === v4[1])
      errs.push(fieldErrors.invalid(field, ipsValue, 'may specify no more than one IP for each IP family'));
  }
  if (!headless)
    clusterIPs.forEach((ip, i) => {
      const family = families.find(([fi]) => fi === i)?.[1];
      const isV6 = parseIP(ip)?.v4 === false;
      if (family === 'IPv4' && isV6)
        errs.push(
          fieldErrors.invalid(
            child(field, i),
            ip,
            `expected an IPv4 value as indicated by \`ipFamilies[${i}]\``,
          ),
        );
      if (family === 'IPv6' && !isV6)
        errs.push(
          fieldErrors.invalid(
            child(field, i),
            ip,
            `expected an IPv6 value as indicated by \`ipFamilies[${i}]\``,
          ),
        );
    });
}
