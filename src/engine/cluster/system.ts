// What a fresh cluster already runs (kubeadm/kind defaults): the four namespaces, the
// `kubernetes` and `kube-dns` Services, CoreDNS and kube-proxy; and, when the text has an
// Ingress, ingress-nginx as its deploy/static/provider/kind/deploy.yaml installs it.

import type { JsonObject, ManifestObject } from '../manifest/types.ts';
import { objAt, strAt } from './body-fields.ts';
import type { ClusterState } from './cluster-state.ts';
import { runDaemonSet } from './daemon-sets.ts';
import { KUBE_DNS_OFFSET } from './ipam.ts';
import { runDeployment, type ControllerOutcome, type Workload } from './replica-sets.ts';
import { putService, storeService } from './services.ts';
import type { ClusterPod, SourceRef } from './types.ts';

export const SYSTEM_NAMESPACES = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];
export const INGRESS_NAMESPACE = 'ingress-nginx';

const INGRESS_SELECTOR = {
  'app.kubernetes.io/component': 'controller',
  'app.kubernetes.io/instance': 'ingress-nginx',
  'app.kubernetes.io/name': 'ingress-nginx',
};
const INGRESS_LABELS = {
  ...INGRESS_SELECTOR,
  'app.kubernetes.io/part-of': 'ingress-nginx',
  'app.kubernetes.io/version': '1.15.1',
};

const ref = (kind: string, namespace: string | undefined, name: string): SourceRef => ({
  kind,
  namespace,
  name,
  index: -1,
});

const port = (name: string, containerPort: number, protocol = 'TCP'): JsonObject => ({
  name,
  containerPort,
  protocol,
});

const COREDNS: JsonObject = {
  spec: {
    replicas: 2,
    selector: { matchLabels: { 'k8s-app': 'kube-dns' } },
    template: {
      metadata: { labels: { 'k8s-app': 'kube-dns' } },
      spec: {
        containers: [
          {
            name: 'coredns',
            image: 'registry.k8s.io/coredns/coredns:v1.11.3',
            ports: [port('dns', 53, 'UDP'), port('dns-tcp', 53), port('metrics', 9153)],
          },
        ],
        dnsPolicy: 'Default',
        priorityClassName: 'system-cluster-critical',
      },
    },
  },
};

const KUBE_PROXY: JsonObject = {
  spec: {
    selector: { matchLabels: { 'k8s-app': 'kube-proxy' } },
    template: {
      metadata: { labels: { 'k8s-app': 'kube-proxy' } },
      spec: {
        containers: [{ name: 'kube-proxy', image: 'registry.k8s.io/kube-proxy:v1.31.0' }],
        hostNetwork: true,
        nodeSelector: { 'kubernetes.io/os': 'linux' },
        priorityClassName: 'system-node-critical',
      },
    },
  },
};

const INGRESS_CONTROLLER: JsonObject = {
  spec: {
    replicas: 1,
    selector: { matchLabels: INGRESS_SELECTOR },
    template: {
      metadata: { labels: INGRESS_LABELS },
      spec: {
        containers: [
          {
            name: 'controller',
            image: 'registry.k8s.io/ingress-nginx/controller:v1.15.1',
            ports: [port('http', 80), port('https', 443), port('webhook', 8443)],
          },
        ],
        dnsPolicy: 'ClusterFirst',
      },
    },
  },
};

const svcPort = (
  name: string,
  p: number,
  protocol: string,
  targetPort: number | string,
  appProtocol?: string,
): JsonObject =>
  appProtocol === undefined
    ? { name, port: p, protocol, targetPort }
    : { name, port: p, protocol, targetPort, appProtocol };

/** Whether the text already holds pods (or the workload) of a system component, e.g. a pasted dump. */
function textHas(
  objects: readonly ManifestObject[],
  namespace: string,
  label: string,
  value: string,
  workload: string,
): boolean {
  return objects.some(
    (o) =>
      (o.namespace ?? 'default') === namespace &&
      ((o.kind === 'Pod' && strAt(objAt(o.body, 'metadata', 'labels'), label) === value) ||
        ((o.kind === 'Deployment' || o.kind === 'DaemonSet') && o.name === workload)),
  );
}

function record(state: ClusterState, outcomes: readonly ControllerOutcome[]): void {
  for (const o of outcomes) state.controllers.push(o.status);
}

function systemWorkload(
  kind: Workload['kind'],
  namespace: string,
  name: string,
  body: JsonObject,
  system: ClusterPod['system'],
): Workload {
  return { kind, namespace, name, body, source: ref(kind, namespace, name), system };
}

function addSystemService(state: ClusterState, namespace: string, name: string, body: JsonObject): void {
  const result = storeService(
    state,
    { namespace, name, body, source: ref('Service', namespace, name) },
    undefined,
  );
  if (result.ok) {
    putService(state, result.service);
    state.stored.add(`Service/${namespace}/${name}`);
  }
}

/** The cluster before the first object of the text is applied. */
export function installSystem(
  state: ClusterState,
  objects: readonly ManifestObject[],
  withIngress: boolean,
): void {
  const namespaces = withIngress ? [...SYSTEM_NAMESPACES, INGRESS_NAMESPACE] : SYSTEM_NAMESPACES;
  for (const name of namespaces) {
    state.namespaces.set(name, { name, labels: { 'kubernetes.io/metadata.name': name }, source: undefined });
  }
  addSystemService(state, 'default', 'kubernetes', {
    metadata: { labels: { component: 'apiserver', provider: 'kubernetes' } },
    spec: { clusterIP: state.clusterIPs.nth(1), ports: [svcPort('https', 443, 'TCP', 6443)] },
  });
  addSystemService(state, 'kube-system', 'kube-dns', {
    metadata: {
      labels: {
        'k8s-app': 'kube-dns',
        'kubernetes.io/cluster-service': 'true',
        'kubernetes.io/name': 'CoreDNS',
      },
    },
    spec: {
      clusterIP: state.clusterIPs.nth(KUBE_DNS_OFFSET),
      selector: { 'k8s-app': 'kube-dns' },
      ports: [
        svcPort('dns', 53, 'UDP', 53),
        svcPort('dns-tcp', 53, 'TCP', 53),
        svcPort('metrics', 9153, 'TCP', 9153),
      ],
    },
  });
  if (!textHas(objects, 'kube-system', 'k8s-app', 'kube-dns', 'coredns')) {
    record(
      state,
      runDeployment(state, systemWorkload('Deployment', 'kube-system', 'coredns', COREDNS, 'coredns')),
    );
  }
  if (!textHas(objects, 'kube-system', 'k8s-app', 'kube-proxy', 'kube-proxy')) {
    record(state, [
      runDaemonSet(state, systemWorkload('DaemonSet', 'kube-system', 'kube-proxy', KUBE_PROXY, 'kube-proxy')),
    ]);
  }
  if (withIngress) state.ingressClasses.set('nginx', true);
}

/** ingress-nginx's controller and its LoadBalancer Service, after the text (so its addresses never shift the text's). */
export function installIngressController(state: ClusterState, objects: readonly ManifestObject[]): void {
  if (
    !textHas(
      objects,
      INGRESS_NAMESPACE,
      'app.kubernetes.io/name',
      'ingress-nginx',
      'ingress-nginx-controller',
    )
  ) {
    const w = systemWorkload(
      'Deployment',
      INGRESS_NAMESPACE,
      'ingress-nginx-controller',
      INGRESS_CONTROLLER,
      'ingress-nginx',
    );
    record(state, runDeployment(state, w));
  }
  if (state.serviceAt(INGRESS_NAMESPACE, 'ingress-nginx-controller') === undefined) {
    addSystemService(state, INGRESS_NAMESPACE, 'ingress-nginx-controller', {
      metadata: { labels: INGRESS_LABELS },
      spec: {
        type: 'LoadBalancer',
        selector: INGRESS_SELECTOR,
        ports: [svcPort('http', 80, 'TCP', 'http', 'http'), svcPort('https', 443, 'TCP', 'https', 'https')],
      },
    });
  }
}
