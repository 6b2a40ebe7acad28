// Reads a pod spec (core/v1 PodSpec) with the API server's defaults (pkg/apis/core/v1/defaults.go):
// protocol TCP, dnsPolicy ClusterFirst, enableServiceLinks true.

import type { JsonObject, JsonValue } from '../manifest/types.ts';
import { arrAt, boolAt, numAt, objAt, strAt, stringMap } from './body-fields.ts';
import type { ClusterContainer, ContainerPort, EnvVar, Labels, Protocol } from './types.ts';

export function readProtocol(value: string | undefined): Protocol {
  return value === 'UDP' || value === 'SCTP' ? value : 'TCP';
}

function describeValueFrom(from: JsonObject | undefined): string {
  const fieldRef = strAt(from, 'fieldRef', 'fieldPath');
  if (fieldRef !== undefined) return `(fieldRef: ${fieldRef})`;
  const resource = strAt(from, 'resourceFieldRef', 'resource');
  if (resource !== undefined) return `(resourceFieldRef: ${resource})`;
  for (const key of ['secretKeyRef', 'configMapKeyRef'] as const) {
    const ref = objAt(from, key);
    if (ref !== undefined) return `(${key}: ${strAt(ref, 'name') ?? ''}/${strAt(ref, 'key') ?? ''})`;
  }
  return '(valueFrom)';
}

function readContainer(c: JsonValue): ClusterContainer {
  const ports: ContainerPort[] = arrAt(c, 'ports').flatMap((p) => {
    const containerPort = numAt(p, 'containerPort');
    if (containerPort === undefined) return [];
    return [{ name: strAt(p, 'name'), containerPort, protocol: readProtocol(strAt(p, 'protocol')) }];
  });
  const env: EnvVar[] = arrAt(c, 'env').flatMap((e) => {
    const name = strAt(e, 'name');
    if (name === undefined) return [];
    const from = objAt(e, 'valueFrom');
    return [{ name, value: from !== undefined ? describeValueFrom(from) : (strAt(e, 'value') ?? '') }];
  });
  return { name: strAt(c, 'name') ?? '', image: strAt(c, 'image') ?? '', ports, env };
}

export interface PodSpecView {
  readonly containers: readonly ClusterContainer[];
  readonly hostNetwork: boolean;
  readonly nodeName: string | undefined;
  readonly nodeSelector: Labels;
  readonly dnsPolicy: string;
  readonly enableServiceLinks: boolean;
  readonly hostname: string | undefined;
  readonly subdomain: string | undefined;
}

export function readPodSpec(spec: JsonObject | undefined): PodSpecView {
  const nodeName = strAt(spec, 'nodeName');
  return {
    containers: arrAt(spec, 'containers').map(readContainer),
    hostNetwork: boolAt(spec, 'hostNetwork') ?? false,
    nodeName: nodeName === '' ? undefined : nodeName,
    nodeSelector: stringMap(objAt(spec, 'nodeSelector')),
    dnsPolicy: strAt(spec, 'dnsPolicy') ?? 'ClusterFirst',
    enableServiceLinks: boolAt(spec, 'enableServiceLinks') ?? true,
    hostname: strAt(spec, 'hostname'),
    subdomain: strAt(spec, 'subdomain'),
  };
}
