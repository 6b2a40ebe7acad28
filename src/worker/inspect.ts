// What the inspector shows beyond the model itself, computed where the engine lives: a pod's
// environment (kubelet's service variables and the declared ones) and resolv.conf, a Service's DNS names.

import { containerEnv, dnsRecords, resolvConf, serviceEnv, type ClusterModel } from '../engine/index.ts';
import type { ContainerEnv, Inspection } from './protocol.ts';

function podEnv(model: ClusterModel, pod: ClusterModel['pods'][number]): ContainerEnv[] {
  const fromServices = new Set(serviceEnv(model, pod).map((v) => v.name));
  return pod.containers.map((container) => {
    const declared = new Set(container.env.map((v) => v.name));
    return {
      container: container.name,
      env: containerEnv(model, pod, container).map(({ name, value }) => ({
        name,
        value,
        origin: declared.has(name) || !fromServices.has(name) ? 'declared' : 'service',
      })),
    };
  });
}

export function inspectItem(model: ClusterModel, id: string): Inspection | undefined {
  const [kind, namespace, name] = id.split('/');
  if (kind === 'pod') {
    const pod = model.pods.find((p) => p.namespace === namespace && p.name === name);
    if (!pod) return undefined;
    return { kind: 'pod', id, env: podEnv(model, pod), resolvConf: resolvConf(model, pod).text };
  }
  if (kind === 'svc') {
    const service = model.services.find((s) => s.namespace === namespace && s.name === name);
    if (!service) return undefined;
    const suffix = `${service.name}.${service.namespace}.svc.${model.settings.clusterDomain}`;
    const dns = dnsRecords(model)
      .filter(
        (r) => r.name === suffix || r.name.endsWith(`.${suffix}`) || (r.type === 'PTR' && r.data === suffix),
      )
      .map(({ name: recordName, type, data }) => ({ name: recordName, type, data }));
    return { kind: 'service', id, dns };
  }
  return undefined;
}
