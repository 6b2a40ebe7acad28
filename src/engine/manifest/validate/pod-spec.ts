// Mirrors kubernetes pkg/apis/core/validation/validation.go: ValidatePodSpec and its container
// checks (validateContainers, validateContainerPorts, ValidateEnv, checkHostPortConflicts).
// Fields the API server defaults (protocol, restartPolicy, dnsPolicy...) are valid when absent.

import { fieldErrors } from '../field-errors.ts';
import type { FieldPath, JsonObject, JsonValue } from '../types.ts';
import {
  isDns1123Label,
  isRelaxedEnvVarName,
  isValidPortName,
  isValidPortNum,
  nameIsDnsSubdomain,
} from './names.ts';
import { validateAnnotations, validateLabels, validateSubdomainRef, type Errors } from './object-meta.ts';
import { arr, child, get, int, isObject, obj, str, stringMap } from './read-fields.ts';

export const SUPPORTED_PORT_PROTOCOLS = ['SCTP', 'TCP', 'UDP'] as const;
const isProtocol = (p: string): boolean => (SUPPORTED_PORT_PROTOCOLS as readonly string[]).includes(p);

export function validatePodSpec(
  spec: JsonObject | undefined,
  path: FieldPath,
  errs: Errors,
  claimVolumes: readonly string[] = [],
): void {
  const volumeNames = validateVolumes(arr(spec, 'volumes'), child(path, 'volumes'), errs);
  for (const claim of claimVolumes) volumeNames.add(claim);
  const containers = arr(spec, 'containers') ?? [];
  const containersPath = child(path, 'containers');
  if (containers.length === 0) errs.push(fieldErrors.required(containersPath, ''));
  const names = new Set<string>();
  containers.forEach((c, i) => {
    if (!isObject(c)) return;
    validateContainer(c, child(containersPath, i), volumeNames, errs);
    const name = str(c, 'name') ?? '';
    if (names.has(name)) errs.push(fieldErrors.duplicate(child(containersPath, i, 'name'), name));
    else names.add(name);
  });
  checkHostPortConflicts(containers, containersPath, errs);

  const initPath = child(path, 'initContainers');
  (arr(spec, 'initContainers') ?? []).forEach((c, i) => {
    if (!isObject(c)) return;
    validateContainer(c, child(initPath, i), volumeNames, errs);
    const name = str(c, 'name') ?? '';
    if (names.has(name)) errs.push(fieldErrors.duplicate(child(initPath, i, 'name'), name));
    else if (name !== '') names.add(name);
    checkHostPortConflicts([c], initPath, errs);
  });

  const restartPolicy = str(spec, 'restartPolicy');
  if (restartPolicy !== undefined && !['Always', 'OnFailure', 'Never'].includes(restartPolicy))
    errs.push(
      fieldErrors.notSupported(child(path, 'restartPolicy'), restartPolicy, ['Always', 'OnFailure', 'Never']),
    );
  const dnsPolicy = str(spec, 'dnsPolicy');
  const dnsPolicies = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'];
  if (dnsPolicy !== undefined && !dnsPolicies.includes(dnsPolicy))
    errs.push(fieldErrors.notSupported(child(path, 'dnsPolicy'), dnsPolicy, dnsPolicies));

  validateLabels(stringMap(spec, 'nodeSelector'), child(path, 'nodeSelector'), errs);
  for (const key of ['serviceAccountName', 'nodeName'] as const) {
    const value = str(spec, key);
    if (value)
      for (const msg of nameIsDnsSubdomain(value, false))
        errs.push(fieldErrors.invalid(child(path, key), value, msg));
  }
  for (const key of ['hostname', 'subdomain'] as const) {
    const value = str(spec, key);
    if (value)
      for (const msg of isDns1123Label(value)) errs.push(fieldErrors.invalid(child(path, key), value, msg));
  }
}

function validateVolumes(
  volumes: readonly JsonValue[] | undefined,
  path: FieldPath,
  errs: Errors,
): Set<string> {
  const names = new Set<string>();
  (volumes ?? []).forEach((v, i) => {
    const name = str(v, 'name');
    if (name === undefined) return;
    const namePath = child(path, i, 'name');
    if (name === '') errs.push(fieldErrors.required(namePath, ''));
    else for (const msg of isDns1123Label(name)) errs.push(fieldErrors.invalid(namePath, name, msg));
    if (names.has(name)) errs.push(fieldErrors.duplicate(namePath, name));
    else names.add(name);
  });
  return names;
}

function validateContainer(c: JsonObject, path: FieldPath, volumes: ReadonlySet<string>, errs: Errors): void {
  const name = str(c, 'name');
  const namePath = child(path, 'name');
  if (!get(c, 'name')) errs.push(fieldErrors.required(namePath, ''));
  else if (name !== undefined)
    for (const msg of isDns1123Label(name)) errs.push(fieldErrors.invalid(namePath, name, msg));
  if (!get(c, 'image')) errs.push(fieldErrors.required(child(path, 'image'), ''));

  const tmp = str(c, 'terminationMessagePolicy');
  if (tmp !== undefined && tmp !== 'File' && tmp !== 'FallbackToLogsOnError')
    errs.push(
      fieldErrors.notSupported(child(path, 'terminationMessagePolicy'), tmp, [
        'File',
        'FallbackToLogsOnError',
      ]),
    );

  validateContainerPorts(arr(c, 'ports'), child(path, 'ports'), errs);
  validateEnv(arr(c, 'env'), child(path, 'env'), errs);
  validateVolumeMounts(arr(c, 'volumeMounts'), child(path, 'volumeMounts'), volumes, errs);

  const pull = str(c, 'imagePullPolicy');
  if (pull !== undefined && !['Always', 'IfNotPresent', 'Never'].includes(pull))
    errs.push(
      fieldErrors.notSupported(child(path, 'imagePullPolicy'), pull, ['Always', 'IfNotPresent', 'Never']),
    );
}

function validateContainerPorts(
  ports: readonly JsonValue[] | undefined,
  path: FieldPath,
  errs: Errors,
): void {
  const names = new Set<string>();
  (ports ?? []).forEach((p, i) => {
    if (!isObject(p)) return;
    const idx = child(path, i);
    const name = str(p, 'name') ?? '';
    if (name !== '') {
      const msgs = isValidPortName(name);
      for (const msg of msgs) errs.push(fieldErrors.invalid(child(idx, 'name'), name, msg));
      if (msgs.length === 0) {
        if (names.has(name)) errs.push(fieldErrors.duplicate(child(idx, 'name'), name));
        else names.add(name);
      }
    }
    const containerPort = int(p, 'containerPort');
    if (!has(p, 'containerPort') || containerPort === 0)
      errs.push(fieldErrors.required(child(idx, 'containerPort'), ''));
    else if (containerPort !== undefined)
      for (const msg of isValidPortNum(containerPort))
        errs.push(fieldErrors.invalid(child(idx, 'containerPort'), containerPort, msg));
    const hostPort = int(p, 'hostPort');
    if (hostPort !== undefined && hostPort !== 0)
      for (const msg of isValidPortNum(hostPort))
        errs.push(fieldErrors.invalid(child(idx, 'hostPort'), hostPort, msg));
    const protocol = str(p, 'protocol');
    if (protocol !== undefined && !isProtocol(protocol))
      errs.push(fieldErrors.notSupported(child(idx, 'protocol'), protocol, SUPPORTED_PORT_PROTOCOLS));
  });
}

const has = (o: JsonObject, key: string): boolean => get(o, key) !== undefined && get(o, key) !== null;

function validateEnv(env: readonly JsonValue[] | undefined, path: FieldPath, errs: Errors): void {
  (env ?? []).forEach((e, i) => {
    if (!isObject(e)) return;
    const idx = child(path, i);
    const name = get(e, 'name');
    if (name === undefined || name === null || name === '')
      errs.push(fieldErrors.required(child(idx, 'name'), ''));
    else if (typeof name === 'string')
      for (const msg of isRelaxedEnvVarName(name))
        errs.push(fieldErrors.invalid(child(idx, 'name'), name, msg));
    const valueFrom = obj(e, 'valueFrom');
    if (!valueFrom) return;
    const sources = ['fieldRef', 'resourceFieldRef', 'configMapKeyRef', 'secretKeyRef'].filter((k) =>
      has(valueFrom, k),
    );
    const vfPath = child(idx, 'valueFrom');
    if (sources.length === 0)
      errs.push(
        fieldErrors.invalid(
          vfPath,
          '',
          'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`',
        ),
      );
    else if ((str(e, 'value') ?? '') !== '')
      errs.push(fieldErrors.invalid(vfPath, '', 'may not be specified when `value` is not empty'));
    else if (sources.length > 1)
      errs.push(fieldErrors.invalid(vfPath, '', 'may not have more than one field specified at a time'));
    for (const ref of ['configMapKeyRef', 'secretKeyRef'] as const) {
      const sel = obj(valueFrom, ref);
      if (!sel) continue;
      const refName = str(sel, 'name');
      if (refName !== undefined) validateSubdomainRef(refName, child(vfPath, ref, 'name'), errs);
      if (!str(sel, 'key')) errs.push(fieldErrors.required(child(vfPath, ref, 'key'), ''));
    }
  });
}

function validateVolumeMounts(
  mounts: readonly JsonValue[] | undefined,
  path: FieldPath,
  volumes: ReadonlySet<string>,
  errs: Errors,
): void {
  const mountPoints = new Set<string>();
  (mounts ?? []).forEach((m, i) => {
    if (!isObject(m)) return;
    const name = str(m, 'name') ?? '';
    const mountPath = str(m, 'mountPath') ?? '';
    if (name === '') errs.push(fieldErrors.required(child(path, i, 'name'), ''));
    if (!volumes.has(name)) errs.push(fieldErrors.notFound(child(path, i, 'name'), name));
    if (mountPath === '') errs.push(fieldErrors.required(child(path, i, 'mountPath'), ''));
    if (mountPoints.has(mountPath))
      errs.push(fieldErrors.invalid(child(path, i, 'mountPath'), mountPath, 'must be unique'));
    mountPoints.add(mountPath);
  });
}

/** Host ports collide per protocol/hostIP/port across a pod's containers. */
function checkHostPortConflicts(containers: readonly JsonValue[], path: FieldPath, errs: Errors): void {
  const seen = new Set<string>();
  containers.forEach((c, ci) => {
    (arr(c, 'ports') ?? []).forEach((p, pi) => {
      const hostPort = int(p, 'hostPort');
      if (!hostPort) return;
      const key = `${str(p, 'protocol') ?? 'TCP'}/${str(p, 'hostIP') ?? ''}/${hostPort}`;
      if (seen.has(key)) errs.push(fieldErrors.duplicate(child(path, ci, 'ports', pi, 'hostPort'), key));
      else seen.add(key);
    });
  });
}

/**
 * ValidatePodTemplateSpec plus the controllers' restartPolicy rule. A StatefulSet's
 * volumeClaimTemplates count as volumes its containers may mount.
 */
export function validatePodTemplate(
  template: JsonObject | undefined,
  path: FieldPath,
  errs: Errors,
  claimVolumes: readonly string[] = [],
): void {
  const meta = obj(template, 'metadata');
  validateLabels(stringMap(meta, 'labels'), child(path, 'labels'), errs);
  validateAnnotations(stringMap(meta, 'annotations'), child(path, 'annotations'), errs);
  const spec = obj(template, 'spec');
  validatePodSpec(spec, child(path, 'spec'), errs, claimVolumes);
  const restartPolicy = str(spec, 'restartPolicy');
  if (restartPolicy !== undefined && restartPolicy !== 'Always')
    errs.push(fieldErrors.notSupported(child(path, 'spec', 'restartPolicy'), restartPolicy, ['Always']));
}
