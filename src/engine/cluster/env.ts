// Mirrors kubelet pkg/kubelet/kubelet_pods.go (getServiceEnvVarMap, makeEnvironmentVariables) and
// pkg/kubelet/envvars/envvars.go (FromServices): the Docker-link style variables every container gets.

import { expandEnvValue } from './env-expansion.ts';
import type { ClusterContainer, ClusterModel, ClusterPod, ClusterService, EnvVar } from './types.ts';

/** kubelet's masterServices: always injected from `default`, even with enableServiceLinks false. */
const MASTER_SERVICE = 'kubernetes';

/** `node-js` → `NODE_JS` (envvars.makeEnvVariableName). */
export function envVariableName(serviceName: string): string {
  return serviceName.replaceAll('-', '_').toUpperCase();
}

/** v1helper.IsServiceIPSet: a ClusterIP that is neither empty nor `None`. */
function hasServiceIP(service: ClusterService): service is ClusterService & { clusterIP: string } {
  return service.clusterIP !== undefined && service.clusterIP !== '' && service.clusterIP !== 'None';
}

/** The Services whose variables this pod sees, by name (a same-namespace `kubernetes` wins). */
function visibleServices(model: ClusterModel, pod: ClusterPod): ClusterService[] {
  const byName = new Map<string, ClusterService>();
  for (const service of model.services) {
    // Variables are fixed when containers start: later Services are not seen.
    if (!hasServiceIP(service) || service.createOrder >= pod.startOrder) continue;
    if (service.namespace === 'default' && service.name === MASTER_SERVICE) {
      if (!byName.has(service.name)) byName.set(service.name, service);
    } else if (service.namespace === pod.namespace && pod.enableServiceLinks) {
      byName.set(service.name, service);
    }
  }
  // kubelet builds a map, so its order is unspecified; name order keeps each Service's variables together.
  return [...byName.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function variablesOf(service: ClusterService & { clusterIP: string }): EnvVar[] {
  const prefix = envVariableName(service.name);
  const ip = service.clusterIP;
  const first = service.ports[0];
  if (first === undefined) return [{ name: `${prefix}_SERVICE_HOST`, value: ip }];
  const vars: EnvVar[] = [
    { name: `${prefix}_SERVICE_HOST`, value: ip },
    { name: `${prefix}_SERVICE_PORT`, value: String(first.port) },
  ];
  for (const port of service.ports) {
    if (port.name !== '')
      vars.push({ name: `${prefix}_SERVICE_PORT_${envVariableName(port.name)}`, value: String(port.port) });
  }
  // Docker link variables (makeLinkVariables); the first port also gets the bare `<NAME>_PORT`.
  const hostPort = ip.includes(':') ? `[${ip}]:` : `${ip}:`;
  service.ports.forEach((port, i) => {
    const proto = port.protocol.toLowerCase();
    const url = `${proto}://${hostPort}${String(port.port)}`;
    if (i === 0) vars.push({ name: `${prefix}_PORT`, value: url });
    const portPrefix = `${prefix}_PORT_${String(port.port)}_${port.protocol.toUpperCase()}`;
    vars.push(
      { name: portPrefix, value: url },
      { name: `${portPrefix}_PROTO`, value: proto },
      { name: `${portPrefix}_PORT`, value: String(port.port) },
      { name: `${portPrefix}_ADDR`, value: ip },
    );
  });
  return vars;
}

/** The service environment variables kubelet injects into every container of `pod`. */
export function serviceEnv(model: ClusterModel, pod: ClusterPod): EnvVar[] {
  return visibleServices(model, pod).flatMap((s) => (hasServiceIP(s) ? variablesOf(s) : []));
}

/**
 * The container's whole environment as kubelet assembles it: declared variables first, in
 * order, each `$(VAR)`-expanded against earlier declared ones and then the service variables;
 * then the service variables the container does not declare itself.
 */
export function containerEnv(model: ClusterModel, pod: ClusterPod, container: ClusterContainer): EnvVar[] {
  const services = serviceEnv(model, pod);
  const serviceValues = new Map(services.map((v) => [v.name, v.value]));
  const declared = new Map<string, string>();
  for (const v of container.env) {
    const value =
      v.value === '' ? '' : expandEnvValue(v.value, (name) => declared.get(name) ?? serviceValues.get(name));
    declared.set(v.name, value);
  }
  const result: EnvVar[] = [...declared].map(([name, value]) => ({ name, value }));
  for (const v of services) if (!declared.has(v.name)) result.push(v);
  return result;
}
