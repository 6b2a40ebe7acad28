// Mirrors kubernetes pkg/apis/core/validation/validation.go: ValidateService, validateServicePort,
// ValidateServiceClusterIPsRelatedFields and the traffic-policy checks. Applied to the object as
// the API server sees it after defaulting (type ClusterIP, protocol TCP, targetPort = port...).
// The nodePort range belongs to the allocator and is not checked here.

import { fieldErrors, goQuote, goValue } from '../field-errors.ts';
import type { FieldPath, JsonObject } from '../types.ts';
import { isValidCIDR, isValidIP, validateNonSpecialIP } from './ip.ts';
import { normalizedClusterIPs, validateClusterIPs } from './service-cluster-ips.ts';
import {
  isDns1123Label,
  isDns1123Subdomain,
  isQualifiedName,
  isValidPortName,
  isValidPortNum,
  nameIsDns1035Label,
} from './names.ts';
import { validateLabels, validateObjectMeta, type Errors } from './object-meta.ts';
import { SUPPORTED_PORT_PROTOCOLS } from './pod-spec.ts';
import {
  arr,
  child,
  get,
  int,
  intOrString,
  isObject,
  obj,
  str,
  stringList,
  stringMap,
} from './read-fields.ts';

const SPEC: FieldPath = ['spec'];
const TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];

export function validateService(body: JsonObject, errs: Errors): void {
  validateObjectMeta(body, { nameFn: nameIsDns1035Label, namespaced: true }, errs);
  const spec = obj(body, 'spec');
  const type = str(spec, 'type') ?? 'ClusterIP';
  const clusterIPs = normalizedClusterIPs(spec);
  const headless = clusterIPs.length === 1 && clusterIPs[0] === 'None';
  const ports = arr(spec, 'ports') ?? [];

  if (ports.length === 0 && !headless && type !== 'ExternalName')
    errs.push(fieldErrors.required(child(SPEC, 'ports'), ''));
  if ((type === 'LoadBalancer' || type === 'NodePort') && headless)
    errs.push(
      fieldErrors.invalid(
        child(SPEC, 'clusterIPs', 0),
        'None',
        `may not be set to 'None' for ${type} services`,
      ),
    );
  if (type === 'ExternalName') validateExternalName(spec, clusterIPs, errs);

  const names = new Set<string>();
  ports.forEach((p, i) => {
    if (isObject(p)) validateServicePort(p, ports.length > 1, names, child(SPEC, 'ports', i), errs);
  });
  validateLabels(stringMap(spec, 'selector'), child(SPEC, 'selector'), errs);
  validateSessionAffinity(spec, errs);
  if (type !== 'ExternalName') validateClusterIPs(spec, clusterIPs, headless, errs);

  const externalIPs = stringList(spec, 'externalIPs') ?? [];
  for (const [i, ip] of externalIPs) {
    const ipErrs = isValidIP(child(SPEC, 'externalIPs', i), ip);
    errs.push(...(ipErrs.length > 0 ? ipErrs : validateNonSpecialIP(ip, child(SPEC, 'externalIPs', i))));
  }
  if (!TYPES.includes(type)) errs.push(fieldErrors.notSupported(child(SPEC, 'type'), type, TYPES));

  const nodePorts = new Set<string>();
  const portKeys = new Set<string>();
  ports.forEach((p, i) => {
    if (!isObject(p)) return;
    const protocol = str(p, 'protocol') ?? 'TCP';
    const nodePort = int(p, 'nodePort') ?? 0;
    if (type === 'ClusterIP' && nodePort !== 0)
      errs.push(
        fieldErrors.forbidden(
          child(SPEC, 'ports', i, 'nodePort'),
          "may not be used when `type` is 'ClusterIP'",
        ),
      );
    if (nodePort !== 0) {
      const key = `${protocol}/${nodePort}`;
      if (nodePorts.has(key)) errs.push(fieldErrors.duplicate(child(SPEC, 'ports', i, 'nodePort'), nodePort));
      nodePorts.add(key);
    }
  });
  ports.forEach((p, i) => {
    if (!isObject(p)) return;
    const protocol = str(p, 'protocol') ?? 'TCP';
    const port = int(p, 'port') ?? 0;
    const key = `${protocol}/${port}`;
    if (portKeys.has(key))
      errs.push(fieldErrors.duplicate(child(SPEC, 'ports', i), goServicePortKey(protocol, port)));
    portKeys.add(key);
  });

  validateLoadBalancerFields(spec, type, errs);
  validateTrafficPolicies(spec, type, externalIPs.length > 0, errs);
}

/** Go's %#v of the (protocol, port) key the duplicate check builds. */
const goServicePortKey = (protocol: string, port: number) =>
  goValue(
    `core.ServicePort{Name:"", Protocol:${goQuote(protocol)}, AppProtocol:(*string)(nil), Port:${port}, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}`,
  );

function validateExternalName(
  spec: JsonObject | undefined,
  clusterIPs: readonly string[],
  errs: Errors,
): void {
  if (clusterIPs.length > 0)
    errs.push(fieldErrors.forbidden(child(SPEC, 'clusterIPs'), 'may not be set for ExternalName services'));
  if ((arr(spec, 'ipFamilies') ?? []).length > 0)
    errs.push(fieldErrors.forbidden(child(SPEC, 'ipFamilies'), 'may not be set for ExternalName services'));
  if (get(spec, 'ipFamilyPolicy') !== undefined && get(spec, 'ipFamilyPolicy') !== null)
    errs.push(
      fieldErrors.forbidden(child(SPEC, 'ipFamilyPolicy'), 'may not be set for ExternalName services'),
    );
  const cname = (str(spec, 'externalName') ?? '').replace(/\.$/, '');
  if (cname === '') errs.push(fieldErrors.required(child(SPEC, 'externalName'), ''));
  else
    for (const msg of isDns1123Subdomain(cname))
      errs.push(fieldErrors.invalid(child(SPEC, 'externalName'), cname, msg));
}

function validateServicePort(
  p: JsonObject,
  requireName: boolean,
  names: Set<string>,
  path: FieldPath,
  errs: Errors,
): void {
  const name = str(p, 'name') ?? '';
  if (requireName && name === '') errs.push(fieldErrors.required(child(path, 'name'), ''));
  else if (name !== '') {
    for (const msg of isDns1123Label(name)) errs.push(fieldErrors.invalid(child(path, 'name'), name, msg));
    if (names.has(name)) errs.push(fieldErrors.duplicate(child(path, 'name'), name));
    else names.add(name);
  }
  const port = int(p, 'port') ?? 0;
  if (typeof get(p, 'port') !== 'string')
    for (const msg of isValidPortNum(port)) errs.push(fieldErrors.invalid(child(path, 'port'), port, msg));
  const protocol = str(p, 'protocol');
  if (protocol !== undefined && !(SUPPORTED_PORT_PROTOCOLS as readonly string[]).includes(protocol))
    errs.push(fieldErrors.notSupported(child(path, 'protocol'), protocol, SUPPORTED_PORT_PROTOCOLS));
  // An unset (or zero) targetPort defaults to port.
  const target = intOrString(p, 'targetPort');
  if (typeof target === 'number' && target !== 0)
    for (const msg of isValidPortNum(target))
      errs.push(fieldErrors.invalid(child(path, 'targetPort'), target, msg));
  else if (typeof target === 'string' && target !== '')
    for (const msg of isValidPortName(target))
      errs.push(fieldErrors.invalid(child(path, 'targetPort'), target, msg));
  const appProtocol = str(p, 'appProtocol');
  if (appProtocol !== undefined)
    for (const msg of isQualifiedName(appProtocol))
      errs.push(fieldErrors.invalid(child(path, 'appProtocol'), appProtocol, msg));
}

function validateSessionAffinity(spec: JsonObject | undefined, errs: Errors): void {
  const affinity = str(spec, 'sessionAffinity') ?? 'None';
  const configPath = child(SPEC, 'sessionAffinityConfig');
  if (affinity !== 'ClientIP' && affinity !== 'None')
    errs.push(fieldErrors.notSupported(child(SPEC, 'sessionAffinity'), affinity, ['ClientIP', 'None']));
  const config = obj(spec, 'sessionAffinityConfig');
  if (affinity === 'ClientIP') {
    // Defaulting fills in 10800 seconds; only a written timeout can be wrong.
    const timeout = int(obj(config, 'clientIP'), 'timeoutSeconds');
    if (timeout !== undefined && (timeout <= 0 || timeout > 86400))
      errs.push(
        fieldErrors.invalid(
          child(configPath, 'clientIP', 'timeoutSeconds'),
          timeout,
          'must be greater than 0 and less than 86400',
        ),
      );
  } else if (affinity === 'None' && config !== undefined)
    errs.push(fieldErrors.forbidden(configPath, 'must not be set when session affinity is None'));
}

function validateLoadBalancerFields(spec: JsonObject | undefined, type: string, errs: Errors): void {
  const ranges = stringList(spec, 'loadBalancerSourceRanges') ?? [];
  if (ranges.length > 0) {
    // Upstream spells this path with a capital L.
    const path = child(SPEC, 'LoadBalancerSourceRanges');
    if (type !== 'LoadBalancer')
      errs.push(fieldErrors.forbidden(path, "may only be used when `type` is 'LoadBalancer'"));
    for (const [i, cidr] of ranges) errs.push(...isValidCIDR(child(path, i), cidr.trim()));
  }
  if (get(spec, 'allocateLoadBalancerNodePorts') !== undefined && type !== 'LoadBalancer')
    errs.push(
      fieldErrors.forbidden(
        child(SPEC, 'allocateLoadBalancerNodePorts'),
        "may only be used when `type` is 'LoadBalancer'",
      ),
    );
  const lbClass = str(spec, 'loadBalancerClass');
  if (lbClass !== undefined) {
    if (type === 'LoadBalancer')
      for (const msg of isQualifiedName(lbClass))
        errs.push(fieldErrors.invalid(child(SPEC, 'loadBalancerClass'), lbClass, msg));
    else
      errs.push(
        fieldErrors.forbidden(
          child(SPEC, 'loadBalancerClass'),
          "may only be used when `type` is 'LoadBalancer'",
        ),
      );
  }
}

function validateTrafficPolicies(
  spec: JsonObject | undefined,
  type: string,
  hasExternalIPs: boolean,
  errs: Errors,
): void {
  const accessible =
    type === 'LoadBalancer' || type === 'NodePort' || (type === 'ClusterIP' && hasExternalIPs);
  const etp = str(spec, 'externalTrafficPolicy');
  const etpPath = child(SPEC, 'externalTrafficPolicy');
  if (!accessible) {
    if (etp !== undefined && etp !== '')
      errs.push(fieldErrors.invalid(etpPath, etp, 'may only be set for externally-accessible services'));
  } else if (etp !== undefined && etp !== '' && etp !== 'Cluster' && etp !== 'Local')
    errs.push(fieldErrors.notSupported(etpPath, etp, ['Cluster', 'Local']));
  const needsHealthCheck = type === 'LoadBalancer' && etp === 'Local';
  const hcnp = int(spec, 'healthCheckNodePort') ?? 0;
  const hcPath = child(SPEC, 'healthCheckNodePort');
  if (!needsHealthCheck && hcnp !== 0)
    errs.push(
      fieldErrors.invalid(
        hcPath,
        hcnp,
        "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'",
      ),
    );
  else if (needsHealthCheck && hcnp !== 0)
    for (const msg of isValidPortNum(hcnp)) errs.push(fieldErrors.invalid(hcPath, hcnp, msg));
  const itp = str(spec, 'internalTrafficPolicy');
  if (itp !== undefined && itp !== 'Cluster' && itp !== 'Local')
    errs.push(fieldErrors.notSupported(child(SPEC, 'internalTrafficPolicy'), itp, ['Cluster', 'Local']));
}
