// A hand-made cluster model shaped like the whale scenario (two NodePort Services, two pods,
// one Ingress), plus a LoadBalancer Service, a not-ready pod and a quota, for the graph tests.

import type {
  ClusterModel,
  ClusterPod,
  ClusterService,
  Endpoints,
  SourceRef,
} from '../../../src/engine/cluster/types.ts';
import type { GraphSource } from '../../../src/engine/index.ts';

const ref = (
  kind: string,
  name: string,
  index: number,
  namespace: string | undefined = 'default',
): SourceRef => ({
  kind,
  namespace,
  name,
  index,
});

function pod(name: string, node: string, ip: string, app: string, index: number, ready = true): ClusterPod {
  return {
    namespace: 'default',
    name,
    labels: { app },
    node,
    ip,
    hostNetwork: false,
    ready,
    phase: 'Running',
    owner: { kind: 'ReplicationController', name: app },
    containers: [{ name: 'sayhey', image: 'jonbaier/httpwhalesay:0.1', ports: [], env: [] }],
    enableServiceLinks: true,
    hostname: undefined,
    subdomain: undefined,
    dnsPolicy: 'ClusterFirst',
    system: undefined,
    startOrder: index,
    source: ref('ReplicationController', app, index),
  };
}

function service(name: string, app: string, index: number, type: ClusterService['type'], nodePort?: number) {
  const s: ClusterService = {
    namespace: 'default',
    name,
    type,
    clusterIP: `10.96.0.${10 + index}`,
    ports: [{ name: 'http', protocol: 'TCP', port: 80, targetPort: 80, nodePort, appProtocol: undefined }],
    selector: { app },
    externalName: undefined,
    externalIPs: [],
    loadBalancerIPs: type === 'LoadBalancer' ? ['203.0.113.10'] : [],
    loadBalancerSourceRanges: [],
    sessionAffinity: 'None',
    sessionAffinityTimeoutSeconds: 10800,
    externalTrafficPolicy: 'Cluster',
    internalTrafficPolicy: 'Cluster',
    healthCheckNodePort: undefined,
    publishNotReadyAddresses: false,
    labels: {},
    createOrder: index,
    source: ref('Service', name, index),
  };
  return s;
}

function endpoints(name: string, ready: [string, string][], notReady: [string, string][] = []): Endpoints {
  const address = ([pod, ip]: [string, string]) => ({
    ip,
    hostname: undefined,
    nodeName: undefined,
    targetRef: { kind: 'Pod' as const, namespace: 'default', name: pod },
  });
  return {
    namespace: 'default',
    name,
    subsets: [{ addresses: ready.map(address), notReadyAddresses: notReady.map(address), ports: [] }],
    managedBy: 'controller',
  };
}

export const whaleModel: ClusterModel = {
  settings: {
    serviceCIDR: '10.96.0.0/12',
    podCIDR: '10.244.0.0/16',
    nodePortRange: [30000, 32767],
    proxyMode: 'iptables',
    seed: 1,
    clusterDomain: 'cluster.local',
  },
  nodes: ['node-1', 'node-2'].map((name, i) => ({
    name,
    internalIP: `192.168.0.${11 + i}`,
    podCIDR: `10.244.${1 + i}.0/24`,
    labels: {},
    ready: true,
    source: undefined,
  })),
  namespaces: [
    { name: 'default', labels: {}, source: undefined },
    { name: 'shop', labels: {}, source: ref('Namespace', 'shop', 6, undefined) },
  ],
  pods: [
    pod('whale-ingress-a-7kx2p', 'node-1', '10.244.1.2', 'whale-ingress-a', 0),
    pod('whale-ingress-b-q9z4m', 'node-2', '10.244.2.2', 'whale-ingress-b', 1),
    pod('whale-ingress-b-m2c8d', 'node-1', '10.244.1.3', 'whale-ingress-b', 1, false),
    {
      ...pod('kube-proxy-abcde', 'node-1', '192.168.0.11', 'kube-proxy', -1),
      namespace: 'kube-system',
      system: 'kube-proxy',
    },
    { ...pod('stuck', '', '', 'stuck', 7), phase: 'Pending' },
  ],
  services: [
    service('whale-svc-a', 'whale-ingress-a', 2, 'NodePort', 30301),
    service('whale-svc-b', 'whale-ingress-b', 3, 'NodePort', 30284),
    service('whale-lb', 'whale-ingress-a', 5, 'LoadBalancer', 31000),
  ],
  endpoints: [
    endpoints('whale-svc-a', [['whale-ingress-a-7kx2p', '10.244.1.2']]),
    endpoints(
      'whale-svc-b',
      [['whale-ingress-b-q9z4m', '10.244.2.2']],
      [['whale-ingress-b-m2c8d', '10.244.1.3']],
    ),
    endpoints('whale-lb', [['whale-ingress-a-7kx2p', '10.244.1.2']]),
  ],
  endpointSlices: [],
  ingresses: [
    {
      namespace: 'default',
      name: 'whale-ingress',
      ingressClassName: undefined,
      source: ref('Ingress', 'whale-ingress', 4),
    },
  ],
  quotas: [
    {
      namespace: 'shop',
      name: 'q',
      hard: { pods: '3' },
      used: { pods: '3' },
      source: ref('ResourceQuota', 'q', 8, 'shop'),
    },
  ],
  controllers: [],
  rejected: [],
  diagnostics: [],
};

const range = (line: number) => ({ start: { line, column: 1 }, end: { line: line + 9, column: 1 } });
const backend = (name: string) => ({ service: { name, port: { number: 80 } } });

export const whaleSources: GraphSource[] = [0, 1, 2, 3, 5, 6, 7, 8]
  .map((index) => ({ index, range: range(1 + index * 20), body: {} }))
  .concat({
    index: 4,
    range: range(81),
    body: {
      spec: {
        rules: [
          { host: 'a.whale.hey', http: { paths: [{ path: '/', backend: backend('whale-svc-a') }] } },
          { host: 'b.whale.hey', http: { paths: [{ path: '/', backend: backend('whale-svc-b') }] } },
          { host: 'c.whale.hey', http: { paths: [{ path: '/', backend: backend('missing') }] } },
        ],
      },
    },
  });
