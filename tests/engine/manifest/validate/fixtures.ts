// Minimal valid objects for the validate tests, and the upstream detail strings they expect.

import type { JsonObject } from '../../../../src/engine/manifest/types.ts';

export const SUBDOMAIN =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
export const DNS_LABEL =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
export const DNS1035 =
  "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')";
export const LABEL_VALUE =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";
export const LABEL_KEY_NAME =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
export const PORT_RANGE = 'must be between 1 and 65535, inclusive';

/**
 * A deep copy of `base` with the value at `path` replaced (deleted when `value` is undefined),
 * creating objects on the way.
 */
export function withField(base: JsonObject, path: readonly (string | number)[], value: unknown): JsonObject {
  const copy = structuredClone(base) as Record<string, unknown>;
  let at: Record<string | number, unknown> = copy;
  path.forEach((key, i) => {
    if (i === path.length - 1) {
      if (value === undefined) Reflect.deleteProperty(at, key);
      else at[key] = value;
      return;
    }
    const next = at[key];
    if (typeof next !== 'object' || next === null) at[key] = {};
    at = at[key] as Record<string | number, unknown>;
  });
  return copy as JsonObject;
}

export const container = { name: 'web', image: 'nginx:1.27', ports: [{ containerPort: 80 }] };

export const pod: JsonObject = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web', labels: { app: 'web' } },
  spec: { containers: [container] },
};

export const service: JsonObject = {
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'web' },
  spec: { selector: { app: 'web' }, ports: [{ port: 80, targetPort: 8080 }] },
};

const template = { metadata: { labels: { app: 'web' } }, spec: { containers: [container] } };

export const replicationController: JsonObject = {
  apiVersion: 'v1',
  kind: 'ReplicationController',
  metadata: { name: 'web' },
  spec: { replicas: 2, selector: { app: 'web' }, template },
};

export const deployment: JsonObject = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web' },
  spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template },
};

export const statefulSet: JsonObject = { ...deployment, kind: 'StatefulSet' };
export const daemonSet: JsonObject = { ...deployment, kind: 'DaemonSet' };

export const endpoints: JsonObject = {
  apiVersion: 'v1',
  kind: 'Endpoints',
  metadata: { name: 'web' },
  subsets: [{ addresses: [{ ip: '10.244.1.5' }], ports: [{ port: 8080 }] }],
};

export const endpointSlice: JsonObject = {
  apiVersion: 'discovery.k8s.io/v1',
  kind: 'EndpointSlice',
  metadata: { name: 'web-abc12', labels: { 'kubernetes.io/service-name': 'web' } },
  addressType: 'IPv4',
  endpoints: [{ addresses: ['10.244.1.5'], conditions: { ready: true } }],
  ports: [{ name: 'http', port: 8080, protocol: 'TCP' }],
};

export const ingress: JsonObject = {
  apiVersion: 'networking.k8s.io/v1',
  kind: 'Ingress',
  metadata: { name: 'web' },
  spec: {
    rules: [
      {
        host: 'a.whale.hey',
        http: {
          paths: [
            { path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } },
          ],
        },
      },
    ],
  },
};

export const ingressClass: JsonObject = {
  apiVersion: 'networking.k8s.io/v1',
  kind: 'IngressClass',
  metadata: { name: 'nginx' },
  spec: { controller: 'k8s.io/ingress-nginx' },
};

export const networkPolicy: JsonObject = {
  apiVersion: 'networking.k8s.io/v1',
  kind: 'NetworkPolicy',
  metadata: { name: 'allow-web' },
  spec: {
    podSelector: { matchLabels: { app: 'web' } },
    ingress: [{ from: [{ podSelector: { matchLabels: { role: 'client' } } }], ports: [{ port: 80 }] }],
    policyTypes: ['Ingress'],
  },
};

export const namespace: JsonObject = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'test' } };

export const node: JsonObject = {
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name: 'node-1' },
  spec: { podCIDR: '10.244.1.0/24', taints: [{ key: 'dedicated', value: 'db', effect: 'NoSchedule' }] },
};

export const resourceQuota: JsonObject = {
  apiVersion: 'v1',
  kind: 'ResourceQuota',
  metadata: { name: 'quota' },
  spec: { hard: { pods: '10', 'requests.cpu': '2', 'count/deployments.apps': 5 } },
};

export const simulation: JsonObject = {
  apiVersion: 'podwire.dev/v1alpha1',
  kind: 'Simulation',
  metadata: { name: 'whale-hosting' },
  spec: {
    cluster: {
      nodes: ['node-1', 'node-2'],
      proxyMode: 'iptables',
      serviceCIDR: '10.96.0.0/12',
      podCIDR: '10.244.0.0/16',
      nodePortRange: '30000-32767',
    },
    seed: 1,
    traffic: [
      { from: 'external', to: 'http://a.whale.hey/', rate: 2 },
      { from: 'pod/test/utility', to: 'http://node-js-internal.default/' },
      { from: 'node/node-1', to: 'node-js-internal.default:80' },
    ],
  },
};

/** A string field of a fixture, '' otherwise. */
export const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** One valid object of every kind Podwire validates. */
export const ALL_VALID = [
  pod,
  service,
  replicationController,
  deployment,
  statefulSet,
  daemonSet,
  endpoints,
  endpointSlice,
  ingress,
  ingressClass,
  networkPolicy,
  namespace,
  node,
  resourceQuota,
  simulation,
];
