// Mirrors kubernetes pkg/apis/core/validation/validation.go (ValidateEndpoints, subsets,
// addresses, ports) and pkg/apis/discovery/validation/validation.go (ValidateEndpointSlice).

import { fieldErrors } from '../field-errors.ts';
import type { FieldPath, JsonObject } from '../types.ts';
import { isValidIP, parseIP, validateNonSpecialIP } from './ip.ts';
import {
  isDns1123Label,
  isDns1123Subdomain,
  isQualifiedName,
  isValidPortNum,
  nameIsDnsSubdomain,
} from './names.ts';
import { validateLabels, validateObjectMeta, type Errors } from './object-meta.ts';
import { SUPPORTED_PORT_PROTOCOLS } from './pod-spec.ts';
import { arr, child, int, isObject, str, stringMap } from './read-fields.ts';

const isProtocol = (p: string): boolean => (SUPPORTED_PORT_PROTOCOLS as readonly string[]).includes(p);

export function validateEndpoints(body: JsonObject, errs: Errors): void {
  validateObjectMeta(body, { nameFn: nameIsDnsSubdomain, namespaced: true }, errs);
  (arr(body, 'subsets') ?? []).forEach((ss, i) => {
    if (!isObject(ss)) return;
    const idx: FieldPath = ['subsets', i];
    const addresses = arr(ss, 'addresses') ?? [];
    const notReady = arr(ss, 'notReadyAddresses') ?? [];
    if (addresses.length === 0 && notReady.length === 0)
      errs.push(fieldErrors.required(idx, 'must specify `addresses` or `notReadyAddresses`'));
    addresses.forEach((a, ai) => {
      if (isObject(a)) validateEndpointAddress(a, child(idx, 'addresses', ai), errs);
    });
    notReady.forEach((a, ai) => {
      if (isObject(a)) validateEndpointAddress(a, child(idx, 'notReadyAddresses', ai), errs);
    });
    const ports = arr(ss, 'ports') ?? [];
    ports.forEach((p, pi) => {
      if (isObject(p)) validateEndpointPort(p, ports.length > 1, child(idx, 'ports', pi), errs);
    });
  });
}

function validateEndpointAddress(address: JsonObject, path: FieldPath, errs: Errors): void {
  const ip = str(address, 'ip') ?? '';
  errs.push(...isValidIP(child(path, 'ip'), ip));
  const hostname = str(address, 'hostname') ?? '';
  if (hostname !== '')
    for (const msg of isDns1123Label(hostname))
      errs.push(fieldErrors.invalid(child(path, 'hostname'), hostname, msg));
  const nodeName = str(address, 'nodeName');
  if (nodeName !== undefined)
    for (const msg of nameIsDnsSubdomain(nodeName, false))
      errs.push(fieldErrors.invalid(child(path, 'nodeName'), nodeName, msg));
  errs.push(...validateNonSpecialIP(ip, child(path, 'ip')));
}

function validateEndpointPort(port: JsonObject, requireName: boolean, path: FieldPath, errs: Errors): void {
  const name = str(port, 'name') ?? '';
  if (requireName && name === '') errs.push(fieldErrors.required(child(path, 'name'), ''));
  else if (name !== '')
    for (const msg of isDns1123Label(name)) errs.push(fieldErrors.invalid(child(path, 'name'), name, msg));
  const num = int(port, 'port') ?? 0;
  for (const msg of isValidPortNum(num)) errs.push(fieldErrors.invalid(child(path, 'port'), num, msg));
  const protocol = str(port, 'protocol');
  if (protocol !== undefined && !isProtocol(protocol))
    errs.push(fieldErrors.notSupported(child(path, 'protocol'), protocol, SUPPORTED_PORT_PROTOCOLS));
  const appProtocol = str(port, 'appProtocol');
  if (appProtocol !== undefined)
    for (const msg of isQualifiedName(appProtocol))
      errs.push(fieldErrors.invalid(child(path, 'appProtocol'), appProtocol, msg));
}

const ADDRESS_TYPES = ['FQDN', 'IPv4', 'IPv6'];

export function validateEndpointSlice(body: JsonObject, errs: Errors): void {
  validateObjectMeta(body, { nameFn: nameIsDnsSubdomain, namespaced: true }, errs);
  const addressType = str(body, 'addressType') ?? '';
  if (addressType === '') errs.push(fieldErrors.required(['addressType'], ''));
  else if (!ADDRESS_TYPES.includes(addressType))
    errs.push(fieldErrors.notSupported(['addressType'], addressType, ADDRESS_TYPES));

  const endpoints = arr(body, 'endpoints') ?? [];
  if (endpoints.length > 1000) errs.push(fieldErrors.tooMany(['endpoints'], endpoints.length, 1000));
  else
    endpoints.forEach((ep, i) => {
      if (!isObject(ep)) return;
      const idx: FieldPath = ['endpoints', i];
      const addresses = arr(ep, 'addresses') ?? [];
      const addrPath = child(idx, 'addresses');
      if (addresses.length === 0)
        errs.push(fieldErrors.required(addrPath, 'must contain at least 1 address'));
      else if (addresses.length > 100) errs.push(fieldErrors.tooMany(addrPath, addresses.length, 100));
      addresses.forEach((a, ai) => {
        if (typeof a === 'string') validateSliceAddress(addressType, a, child(addrPath, ai), errs);
      });
      // v1 spells the internal `topology` field deprecatedTopology.
      const topology = stringMap(ep, 'deprecatedTopology');
      const topoPath = child(idx, 'deprecatedTopology');
      if (topology && topology.length > 16) errs.push(fieldErrors.tooMany(topoPath, topology.length, 16));
      validateLabels(topology, topoPath, errs);
      const hostname = str(ep, 'hostname');
      if (hostname !== undefined)
        for (const msg of isDns1123Label(hostname))
          errs.push(fieldErrors.invalid(child(idx, 'hostname'), hostname, msg));
    });

  const ports = arr(body, 'ports') ?? [];
  if (ports.length > 100) {
    errs.push(fieldErrors.tooMany(['ports'], ports.length, 100));
    return;
  }
  const names = new Set<string>();
  ports.forEach((p, i) => {
    if (!isObject(p)) return;
    const idx: FieldPath = ['ports', i];
    const name = str(p, 'name') ?? '';
    if (name !== '')
      for (const msg of isDns1123Label(name)) errs.push(fieldErrors.invalid(child(idx, 'name'), name, msg));
    if (names.has(name)) errs.push(fieldErrors.duplicate(child(idx, 'name'), name));
    else names.add(name);
    const protocol = str(p, 'protocol');
    if (protocol !== undefined && !isProtocol(protocol))
      errs.push(fieldErrors.notSupported(child(idx, 'protocol'), protocol, SUPPORTED_PORT_PROTOCOLS));
    const appProtocol = str(p, 'appProtocol');
    if (appProtocol !== undefined)
      for (const msg of isQualifiedName(appProtocol))
        errs.push(fieldErrors.invalid(child(idx, 'appProtocol'), appProtocol, msg));
  });
}

function validateSliceAddress(addressType: string, address: string, path: FieldPath, errs: Errors): void {
  if (addressType === 'IPv4' || addressType === 'IPv6') {
    const ip = parseIP(address);
    const ok = ip !== undefined && ip.v4 === (addressType === 'IPv4');
    if (!ok) errs.push(fieldErrors.invalid(path, address, `must be a valid ${addressType} address`));
    errs.push(...validateNonSpecialIP(address, path));
  } else if (addressType === 'FQDN') validateFQDN(address, path, errs);
}

/** IsFullyQualifiedDomainName: a trailing dot is allowed, at least two labels. */
function validateFQDN(value: string, path: FieldPath, errs: Errors): void {
  if (value === '') {
    errs.push(fieldErrors.required(path, ''));
    return;
  }
  const name = value.endsWith('.') ? value.slice(0, -1) : value;
  const subErrs = isDns1123Subdomain(name);
  if (subErrs.length > 0) {
    errs.push(fieldErrors.invalid(path, name, subErrs.join(',')));
    return;
  }
  const labels = name.split('.');
  if (labels.length < 2) {
    errs.push(
      fieldErrors.invalid(path, name, 'should be a domain with at least two segments separated by dots'),
    );
    return;
  }
  for (const label of labels) {
    const labelErrs = isDns1123Label(label);
    if (labelErrs.length > 0) {
      errs.push(fieldErrors.invalid(path, label, labelErrs.join(',')));
      return;
    }
  }
}
