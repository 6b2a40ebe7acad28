// Mirrors kubernetes pkg/apis/networking/validation/validation.go: ValidateIngressCreate
// (rules, paths, backends, TLS) and ValidateIngressClass. Ingress arrives already normalized to
// networking.k8s.io/v1.

import { fieldErrors, goValue } from '../field-errors.ts';
import type { FieldPath, JsonObject } from '../types.ts';
import { parseIP } from './ip.ts';
import {
  byteLength,
  httpPathError,
  isDns1123Subdomain,
  isPathSegmentName,
  isValidPortName,
  isValidPortNum,
  isWildcardDns1123Subdomain,
  matchesHttpPath,
  nameIsDns1035Label,
  nameIsDnsLabel,
  nameIsDnsSubdomain,
} from './names.ts';
import { validateObjectMeta, validateSubdomainRef, type Errors } from './object-meta.ts';
import { arr, child, get, has, int, isObject, obj, str, stringList } from './read-fields.ts';

const SPEC: FieldPath = ['spec'];
const PATH_TYPES = ['Exact', 'ImplementationSpecific', 'Prefix'];
const INVALID_SEQUENCES = ['//', '/./', '/../', '%2f', '%2F'];
const INVALID_SUFFIXES = ['/..', '/.'];

export function validateIngress(body: JsonObject, errs: Errors): void {
  validateObjectMeta(body, { nameFn: nameIsDnsSubdomain, namespaced: true }, errs);
  const spec = obj(body, 'spec');
  const rules = arr(spec, 'rules');
  const defaultBackend = obj(spec, 'defaultBackend');
  if ((rules ?? []).length === 0 && !defaultBackend) {
    const value = goValue(
      rules === undefined ? '[]networking.IngressRule(nil)' : '[]networking.IngressRule{}',
    );
    errs.push(fieldErrors.invalid(SPEC, value, 'either `defaultBackend` or `rules` must be specified'));
  }
  if (defaultBackend) validateBackend(defaultBackend, child(SPEC, 'defaultBackend'), errs);
  (rules ?? []).forEach((rule, i) => {
    if (isObject(rule)) validateRule(rule, child(SPEC, 'rules', i), errs);
  });
  (arr(spec, 'tls') ?? []).forEach((tls, i) => {
    for (const [hi, host] of stringList(tls, 'hosts') ?? [])
      validateHost(host, child(SPEC, 'tls', i, 'hosts', hi), errs);
    const secretName = str(tls, 'secretName') ?? '';
    if (secretName !== '') validateSubdomainRef(secretName, child(SPEC, 'tls', i, 'secretName'), errs);
  });
  const className = str(spec, 'ingressClassName');
  if (className !== undefined) validateSubdomainRef(className, child(SPEC, 'ingressClassName'), errs);

  const annotation = str(obj(obj(body, 'metadata'), 'annotations'), 'kubernetes.io/ingress.class');
  if (annotation !== undefined && className !== undefined && annotation !== className)
    errs.push(
      fieldErrors.invalid(
        ['annotations', 'kubernetes.io/ingress.class'],
        annotation,
        'must match `ingressClassName` when both are specified',
      ),
    );
}

function validateHost(host: string, path: FieldPath, errs: Errors): void {
  const msgs = host.includes('*') ? isWildcardDns1123Subdomain(host) : isDns1123Subdomain(host);
  for (const msg of msgs) errs.push(fieldErrors.invalid(path, host, msg));
}

function validateRule(rule: JsonObject, path: FieldPath, errs: Errors): void {
  const host = str(rule, 'host') ?? '';
  if (host !== '') {
    if (parseIP(host))
      errs.push(fieldErrors.invalid(child(path, 'host'), host, 'must be a DNS name, not an IP address'));
    validateHost(host, child(path, 'host'), errs);
  }
  const http = obj(rule, 'http');
  if (!http) return;
  const paths = arr(http, 'paths') ?? [];
  if (paths.length === 0) errs.push(fieldErrors.required(child(path, 'http', 'paths'), ''));
  paths.forEach((p, i) => {
    if (isObject(p)) validatePath(p, child(path, 'http', 'paths', i), errs);
  });
}

function validatePath(p: JsonObject, path: FieldPath, errs: Errors): void {
  const pathType = str(p, 'pathType');
  if (pathType === undefined) {
    errs.push(fieldErrors.required(child(path, 'pathType'), 'pathType must be specified'));
    return;
  }
  const value = str(p, 'path') ?? '';
  const pathPath = child(path, 'path');
  if (pathType === 'Exact' || pathType === 'Prefix') {
    if (!value.startsWith('/')) errs.push(fieldErrors.invalid(pathPath, value, 'must be an absolute path'));
    if (value.length > 0) {
      for (const seq of INVALID_SEQUENCES)
        if (value.includes(seq)) errs.push(fieldErrors.invalid(pathPath, value, `must not contain '${seq}'`));
      for (const suffix of INVALID_SUFFIXES)
        if (value.endsWith(suffix))
          errs.push(fieldErrors.invalid(pathPath, value, `cannot end with '${suffix}'`));
    }
  } else if (pathType === 'ImplementationSpecific') {
    if (value.length > 0 && !value.startsWith('/'))
      errs.push(fieldErrors.invalid(pathPath, value, 'must be an absolute path'));
  } else errs.push(fieldErrors.notSupported(child(path, 'pathType'), pathType, PATH_TYPES));
  validateBackend(obj(p, 'backend'), child(path, 'backend'), errs);
}

function validateBackend(backend: JsonObject | undefined, path: FieldPath, errs: Errors): void {
  const resource = obj(backend, 'resource');
  const service = obj(backend, 'service');
  if (resource && service) {
    errs.push(fieldErrors.invalid(path, '', 'cannot set both resource and service backends'));
    return;
  }
  if (resource) {
    validateTypedRef(resource, child(path, 'resource'), errs);
    return;
  }
  if (!service) {
    errs.push(fieldErrors.invalid(path, '', 'resource or service backend is required'));
    return;
  }
  const name = str(service, 'name') ?? '';
  const namePath = child(path, 'service', 'name');
  if (name === '') errs.push(fieldErrors.required(namePath, ''));
  else for (const msg of nameIsDns1035Label(name, false)) errs.push(fieldErrors.invalid(namePath, name, msg));
  const port = obj(service, 'port');
  const portName = str(port, 'name') ?? '';
  const portNumber = int(port, 'number') ?? 0;
  if (portName !== '' && portNumber !== 0)
    errs.push(fieldErrors.invalid(path, '', 'cannot set both port name & port number'));
  else if (portName !== '')
    for (const msg of isValidPortName(portName))
      errs.push(fieldErrors.invalid(child(path, 'service', 'port', 'name'), portName, msg));
  else if (portNumber !== 0)
    for (const msg of isValidPortNum(portNumber))
      errs.push(fieldErrors.invalid(child(path, 'service', 'port', 'number'), portNumber, msg));
  else errs.push(fieldErrors.required(path, 'port name or number is required'));
}

/** TypedLocalObjectReference in a resource backend, and IngressClass parameters. */
function validateTypedRef(ref: JsonObject, path: FieldPath, errs: Errors): void {
  const apiGroup = str(ref, 'apiGroup');
  if (apiGroup !== undefined) validateSubdomainRef(apiGroup, child(path, 'apiGroup'), errs);
  for (const key of ['kind', 'name'] as const) {
    const value = str(ref, key) ?? '';
    if (value === '') errs.push(fieldErrors.required(child(path, key), ''));
    else
      for (const msg of isPathSegmentName(value))
        errs.push(fieldErrors.invalid(child(path, key), value, msg));
  }
}

export function validateIngressClass(body: JsonObject, errs: Errors): void {
  validateObjectMeta(body, { nameFn: nameIsDnsSubdomain, namespaced: false }, errs);
  const spec = obj(body, 'spec');
  const controller = str(spec, 'controller') ?? '';
  const cPath = child(SPEC, 'controller');
  if (controller === '') errs.push(fieldErrors.required(cPath, ''));
  else {
    if (byteLength(controller) > 250) errs.push(fieldErrors.tooLong(cPath, 250));
    validateDomainPrefixedPath(controller, cPath, errs);
  }
  const params = obj(spec, 'parameters');
  if (!params) return;
  const pPath = child(SPEC, 'parameters');
  validateTypedRef(params, pPath, errs);
  // v1 defaulting sets an unset scope to Cluster.
  const written = get(params, 'scope');
  const scope = written === undefined || written === null ? 'Cluster' : written;
  if (typeof scope !== 'string') return;
  if (scope !== 'Cluster' && scope !== 'Namespace')
    errs.push(fieldErrors.notSupported(child(pPath, 'scope'), scope, ['Cluster', 'Namespace']));
  else if (scope === 'Namespace') {
    const ns = str(params, 'namespace');
    if (ns === undefined)
      errs.push(fieldErrors.required(child(pPath, 'namespace'), "`parameters.scope` is set to 'Namespace'"));
    else
      for (const msg of nameIsDnsLabel(ns, false))
        errs.push(fieldErrors.invalid(child(pPath, 'namespace'), ns, msg));
  } else if (has(params, 'namespace'))
    errs.push(fieldErrors.forbidden(child(pPath, 'namespace'), "`parameters.scope` is set to 'Cluster'"));
}

/** IsDomainPrefixedPath, e.g. `k8s.io/ingress-nginx`. */
function validateDomainPrefixedPath(value: string, path: FieldPath, errs: Errors): void {
  const slash = value.indexOf('/');
  const host = slash < 0 ? value : value.slice(0, slash);
  const rest = slash < 0 ? '' : value.slice(slash + 1);
  if (slash < 0 || host === '' || rest === '') {
    errs.push(fieldErrors.invalid(path, value, 'must be a domain-prefixed path (such as "acme.io/foo")'));
    return;
  }
  for (const msg of isDns1123Subdomain(host)) errs.push(fieldErrors.invalid(path, host, msg));
  if (!matchesHttpPath(rest)) errs.push(fieldErrors.invalid(path, rest, httpPathError()));
}
