// Mirrors k8s.io/apimachinery pkg/util/validation/ip.go and ValidateNonSpecialIP in
// pkg/apis/core/validation/validation.go, over k8s.io/utils/net's "sloppy" parsers
// (IPv4 octets may have leading zeros).

import { fieldErrors, type FieldError } from '../field-errors.ts';
import type { FieldPath } from '../types.ts';

export interface ParsedIP {
  /** IPv4, including IPv4-mapped IPv6 (Go treats both as To4() != nil). */
  readonly v4: boolean;
  /** 16 bytes (IPv4 as ::ffff:a.b.c.d). */
  readonly bytes: readonly number[];
}

function parseV4Octets(s: string): number[] | undefined {
  const parts = s.split('.');
  if (parts.length !== 4) return undefined;
  const out: number[] = [];
  for (const p of parts) {
    if (!/^[0-9]{1,5}$/.test(p)) return undefined;
    const n = Number(p);
    if (n > 255) return undefined;
    out.push(n);
  }
  return out;
}

function parseV6(s: string): number[] | undefined {
  if (s.length === 0 || s.length > 64) return undefined;
  let tail: number[] = [];
  let text = s;
  const lastColon = text.lastIndexOf(':');
  if (text.includes('.')) {
    const v4 = parseV4Octets(text.slice(lastColon + 1));
    if (!v4) return undefined;
    tail = v4;
    text = text.slice(0, lastColon + 1);
    if (!text.endsWith('::')) text = text.slice(0, -1);
  }
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groups = (h: string): number[] | undefined => {
    if (h === '') return [];
    const out: number[] = [];
    for (const g of h.split(':')) {
      if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return undefined;
      const n = parseInt(g, 16);
      out.push(n >> 8, n & 0xff);
    }
    return out;
  };
  const head = groups(halves[0] ?? '');
  const rest = halves.length === 2 ? groups(halves[1] ?? '') : [];
  if (!head || !rest) return undefined;
  const known = head.length + rest.length + tail.length;
  if (halves.length === 1) return known === 16 ? [...head, ...tail] : undefined;
  if (known > 14) return undefined;
  return [...head, ...new Array<number>(16 - known).fill(0), ...rest, ...tail];
}

export function parseIP(s: string): ParsedIP | undefined {
  const v4 = parseV4Octets(s);
  if (v4) return { v4: true, bytes: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, ...v4] };
  if (!s.includes(':')) return undefined;
  const v6 = parseV6(s);
  if (!v6) return undefined;
  const mapped = v6.slice(0, 10).every((b) => b === 0) && v6[10] === 0xff && v6[11] === 0xff;
  return { v4: mapped, bytes: v6 };
}

export interface ParsedCIDR {
  readonly ip: ParsedIP;
  readonly prefix: number;
}

export function parseCIDR(s: string): ParsedCIDR | undefined {
  const slash = s.indexOf('/');
  if (slash < 0) return undefined;
  const ip = parseIP(s.slice(0, slash));
  const len = s.slice(slash + 1);
  if (!ip || !/^[0-9]{1,3}$/.test(len)) return undefined;
  const prefix = Number(len);
  // Go keys the mask length on how the address was written, not on To4().
  const written4 = parseV4Octets(s.slice(0, slash)) !== undefined;
  if (prefix > (written4 ? 32 : 128)) return undefined;
  return { ip, prefix: written4 ? prefix + 96 : prefix };
}

/** Whether `inner`'s address lies in `outer` and `outer` is strictly wider. */
export function isStrictSubset(outer: ParsedCIDR, inner: ParsedCIDR): boolean {
  if (outer.prefix >= inner.prefix) return false;
  for (let bit = 0; bit < outer.prefix; bit++) {
    const byte = bit >> 3;
    const mask = 0x80 >> (bit & 7);
    if (((outer.ip.bytes[byte] ?? 0) & mask) !== ((inner.ip.bytes[byte] ?? 0) & mask)) return false;
  }
  return true;
}

export function isValidIP(path: FieldPath, value: string): FieldError[] {
  return parseIP(value)
    ? []
    : [fieldErrors.invalid(path, value, 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)')];
}

export function isValidCIDR(path: FieldPath, value: string): FieldError[] {
  return parseCIDR(value)
    ? []
    : [fieldErrors.invalid(path, value, 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)')];
}

/** Endpoints, EndpointSlices and external IPs may not be unspecified, loopback or link-local. */
export function validateNonSpecialIP(value: string, path: FieldPath): FieldError[] {
  const ip = parseIP(value);
  if (!ip) return [fieldErrors.invalid(path, value, 'must be a valid IP address')];
  const b = ip.bytes;
  const errs: FieldError[] = [];
  const at = (i: number): number => b[i] ?? 0;
  const unspecified = ip.v4 ? b.slice(12).every((x) => x === 0) : b.every((x) => x === 0);
  const loopback = ip.v4 ? at(12) === 127 : b.slice(0, 15).every((x) => x === 0) && at(15) === 1;
  const linkLocal = ip.v4 ? at(12) === 169 && at(13) === 254 : at(0) === 0xfe && (at(1) & 0xc0) === 0x80;
  const linkLocalMulticast = ip.v4
    ? at(12) === 224 && at(13) === 0 && at(14) === 0
    : at(0) === 0xff && (at(1) & 0x0f) === 0x02;
  if (unspecified) errs.push(fieldErrors.invalid(path, value, `may not be unspecified (${value})`));
  if (loopback)
    errs.push(fieldErrors.invalid(path, value, 'may not be in the loopback range (127.0.0.0/8, ::1/128)'));
  if (linkLocal)
    errs.push(
      fieldErrors.invalid(path, value, 'may not be in the link-local range (169.254.0.0/16, fe80::/10)'),
    );
  if (linkLocalMulticast)
    errs.push(
      fieldErrors.invalid(
        path,
        value,
        'may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)',
      ),
    );
  return errs;
}
