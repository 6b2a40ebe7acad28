// A synthetic cluster model of N pods behind M Services on K nodes, for layout timing.
import type { ClusterModel } from '../../src/engine/cluster/types.ts';
import { whaleModel } from '../engine/graph/fixture.ts';

export function manyPods(pods: number, services: number, nodes: number): ClusterModel {
  const pod = whaleModel.pods[0];
  const service = whaleModel.services[0];
  const endpoints = whaleModel.endpoints[0];
  const node = whaleModel.nodes[0];
  if (!pod || !service || !endpoints || !node) throw new Error('fixture');
  const nodeNames = Array.from({ length: nodes }, (_, i) => `node-${i + 1}`);
  const podList = Array.from({ length: pods }, (_, i) => ({
    ...pod,
    name: `app-${i % services}-${i}`,
    node: nodeNames[i % nodes] ?? 'node-1',
    ip: `10.244.${i % nodes}.${i}`,
  }));
  return {
    ...whaleModel,
    nodes: nodeNames.map((name, i) => ({ ...node, name, internalIP: `192.168.0.${i + 10}` })),
    pods: podList,
    services: Array.from({ length: services }, (_, i) => ({
      ...service,
      name: `svc-${i}`,
      type: 'ClusterIP' as const,
    })),
    endpoints: Array.from({ length: services }, (_, i) => ({
      ...endpoints,
      name: `svc-${i}`,
      subsets: [
        {
          addresses: podList
            .filter((_, j) => j % services === i)
            .map((p) => ({
              ip: p.ip,
              hostname: undefined,
              nodeName: p.node,
              targetRef: { kind: 'Pod' as const, namespace: p.namespace, name: p.name },
            })),
          notReadyAddresses: [],
          ports: [],
        },
      ],
    })),
    ingresses: [],
    quotas: [],
  };
}
