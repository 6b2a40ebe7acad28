// The outline: the cluster as a tree a screen reader or keyboard user can walk (issue #9):
// namespace -> Service -> its endpoints -> the pod behind each, plus the pods no Service selects.
// Built from the Endpoints the controller made, so a not-ready pod shows where kube-proxy sees it.

import type { ClusterModel, ClusterService } from '../engine/index.ts';

export interface OutlineEndpoint {
  readonly ip: string;
  readonly ports: readonly number[];
  readonly ready: boolean;
  /** The pod behind the address (`pod/NS/NAME`), undefined for a hand-written address. */
  readonly podId: string | undefined;
  readonly podName: string | undefined;
  readonly node: string | undefined;
}

export interface OutlineService {
  readonly id: string;
  readonly name: string;
  readonly type: ClusterService['type'];
  readonly clusterIP: string | undefined;
  readonly externalName: string | undefined;
  readonly ports: readonly string[];
  readonly endpoints: readonly OutlineEndpoint[];
}

export interface OutlinePod {
  readonly id: string;
  readonly name: string;
  readonly ip: string;
  readonly node: string;
  readonly ready: boolean;
}

export interface OutlineNamespace {
  readonly name: string;
  readonly services: readonly OutlineService[];
  /** Pods that are no Service's endpoint. */
  readonly loosePods: readonly OutlinePod[];
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

export function outlineOf(cluster: ClusterModel): OutlineNamespace[] {
  // Indexes, not a scan per address: the large cluster has thousands of endpoints and pods.
  const podsByName = new Map(cluster.pods.map((p) => [`${p.namespace}/${p.name}`, p]));
  const podsByIp = new Map(
    cluster.pods.filter((p) => !p.hostNetwork).map((p) => [`${p.namespace}/${p.ip}`, p]),
  );
  // The first Endpoints of each name, and Services and pods per namespace: a 5 MB paste has 40,000
  // Services, and a scan per Service (or per namespace) took seconds.
  const endpointsByName = new Map<string, ClusterModel['endpoints'][number]>();
  for (const e of cluster.endpoints) {
    const key = `${e.namespace}/${e.name}`;
    if (!endpointsByName.has(key)) endpointsByName.set(key, e);
  }
  const servicesByNs = groupBy(cluster.services, (s) => s.namespace);
  const podsByNs = groupBy(cluster.pods, (p) => p.namespace);
  const reached = new Set<string>();
  const names = [
    ...new Set([...cluster.namespaces.map((n) => n.name), ...cluster.pods.map((p) => p.namespace)]),
  ];
  return names
    .sort()
    .map((namespace) => {
      const services = [...(servicesByNs.get(namespace) ?? [])]
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((s): OutlineService => {
          const endpoints = endpointsByName.get(`${namespace}/${s.name}`);
          const rows = (endpoints?.subsets ?? []).flatMap((subset) => {
            const ports = subset.ports.map((p) => p.port);
            const row = (ready: boolean) => (a: (typeof subset.addresses)[number]) => {
              const ref = a.targetRef;
              const pod = ref
                ? podsByName.get(`${ref.namespace}/${ref.name}`)
                : podsByIp.get(`${namespace}/${a.ip}`);
              if (pod) reached.add(`${pod.namespace}/${pod.name}`);
              return {
                ip: a.ip,
                ports,
                ready,
                podId: pod ? `pod/${pod.namespace}/${pod.name}` : undefined,
                podName: pod?.name,
                node: pod?.node ?? a.nodeName,
              };
            };
            return [...subset.addresses.map(row(true)), ...subset.notReadyAddresses.map(row(false))];
          });
          return {
            id: `svc/${namespace}/${s.name}`,
            name: s.name,
            type: s.type,
            clusterIP: s.clusterIP,
            externalName: s.externalName,
            ports: s.ports.map(
              (p) => `${p.port}${p.nodePort ? `:${p.nodePort}` : ''}→${p.targetPort}/${p.protocol}`,
            ),
            endpoints: rows,
          };
        });
      const loosePods = (podsByNs.get(namespace) ?? [])
        .filter((p) => !reached.has(`${p.namespace}/${p.name}`))
        .map((p) => ({
          id: `pod/${p.namespace}/${p.name}`,
          name: p.name,
          ip: p.ip,
          node: p.node,
          ready: p.ready,
        }));
      return { name: namespace, services, loosePods };
    })
    .filter((n) => n.services.length > 0 || n.loosePods.length > 0);
}
