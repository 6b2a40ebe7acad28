import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildEndpoints } from '../../../src/engine/cluster/endpoints.ts';
import { buildCluster, parseManifests } from '../../../src/engine/index.ts';
import { container, containerPort, kubeDnsService, pod, port, service } from './fixtures/endpoints-model.ts';

const ref = (namespace: string, name: string) => ({ kind: 'Pod' as const, namespace, name });
const addr = (ip: string, name: string, hostname?: string, namespace = 'default') => ({
  ip,
  hostname,
  nodeName: 'node-1',
  targetRef: ref(namespace, name),
});
const SLICE_NAME = /^[a-z0-9-]+-[bcdfghjklmnpqrstvwxz2456789]{5}$/;

describe('buildEndpoints: the endpoints controller', () => {
  const web = service('default', 'web', { ports: [port(80, 8080, 'http')] });
  const pods = [
    pod('default', 'web-b', '10.244.2.7', { labels: { app: 'web' }, ready: false }),
    pod('default', 'web-a', '10.244.1.5', { labels: { app: 'web', tier: 'front' } }),
    pod('default', 'web-pending', '', { labels: { app: 'web' }, phase: 'Pending', node: '' }),
    pod('test', 'web-other-ns', '10.244.1.9', { labels: { app: 'web' } }),
    pod('default', 'db', '10.244.1.6', { labels: { app: 'db' } }),
  ];

  it('puts ready pods in addresses and not-ready pods in notReadyAddresses, same namespace only', () => {
    const { endpoints } = buildEndpoints({ services: [web], pods, objects: [] });
    expect(endpoints).toEqual([
      {
        namespace: 'default',
        name: 'web',
        managedBy: 'controller',
        subsets: [
          {
            addresses: [addr('10.244.1.5', 'web-a')],
            notReadyAddresses: [addr('10.244.2.7', 'web-b')],
            ports: [{ name: 'http', port: 8080, protocol: 'TCP' }],
          },
        ],
      },
    ]);
  });

  it('writes one EndpointSlice with ready/serving/terminating conditions', () => {
    const { endpointSlices } = buildEndpoints({ services: [web], pods, objects: [] });
    expect(endpointSlices).toHaveLength(1);
    const slice = endpointSlices[0];
    expect(slice?.name).toMatch(SLICE_NAME);
    expect(slice?.name.startsWith('web-')).toBe(true);
    expect(slice).toMatchObject({ serviceName: 'web', addressType: 'IPv4', managedBy: 'controller' });
    expect(slice?.ports).toEqual([{ name: 'http', port: 8080, protocol: 'TCP' }]);
    expect(slice?.endpoints.map((e) => [e.addresses[0], e.conditions])).toEqual([
      ['10.244.1.5', { ready: true, serving: true, terminating: false }],
      ['10.244.2.7', { ready: false, serving: false, terminating: false }],
    ]);
  });

  it('publishNotReadyAddresses puts every pod in addresses and marks slices ready', () => {
    const svc = service('default', 'web', {
      publishNotReadyAddresses: true,
      ports: [port(80, 8080, 'http')],
    });
    const { endpoints, endpointSlices } = buildEndpoints({ services: [svc], pods, objects: [] });
    expect(endpoints[0]?.subsets[0]?.addresses.map((a) => a.ip)).toEqual(['10.244.1.5', '10.244.2.7']);
    expect(endpoints[0]?.subsets[0]?.notReadyAddresses).toEqual([]);
    expect(endpointSlices[0]?.endpoints.map((e) => e.conditions)).toEqual([
      { ready: true, serving: true, terminating: false },
      { ready: true, serving: false, terminating: false },
    ]);
  });

  it('resolves a named targetPort per pod and repacks subsets by port like RepackSubsets', () => {
    const svc = service('default', 'api', {
      ports: [port(80, 'http', 'http'), port(9100, 9100, 'metrics')],
      selector: { app: 'api' },
    });
    const apiPods = [
      pod('default', 'api-a', '10.244.1.10', {
        labels: { app: 'api' },
        containers: [container([containerPort(8080, 'http')])],
      }),
      pod('default', 'api-b', '10.244.1.11', {
        labels: { app: 'api' },
        containers: [container([containerPort(9090, 'http')])],
      }),
      // A UDP port named http does not match a TCP Service port.
      pod('default', 'api-c', '10.244.1.12', {
        labels: { app: 'api' },
        containers: [container([containerPort(8080, 'http', 'UDP')])],
      }),
    ];
    const { endpoints, endpointSlices } = buildEndpoints({ services: [svc], pods: apiPods, objects: [] });
    expect(
      endpoints[0]?.subsets.map((s) => [
        s.addresses.map((a) => a.ip),
        s.ports.map((p) => `${p.name ?? ''}:${String(p.port)}`),
      ]),
    ).toEqual([
      [['10.244.1.10'], ['http:8080']],
      [['10.244.1.11'], ['http:9090']],
      [['10.244.1.10', '10.244.1.11', '10.244.1.12'], ['metrics:9100']],
    ]);
    // Slices group endpoints by each pod's own port set.
    expect(
      endpointSlices.map((s) => [
        s.endpoints.map((e) => e.addresses[0]),
        s.ports.map((p) => `${p.name ?? ''}:${String(p.port)}`),
      ]),
    ).toEqual([
      [['10.244.1.10'], ['http:8080', 'metrics:9100']],
      [['10.244.1.11'], ['http:9090', 'metrics:9100']],
      [['10.244.1.12'], ['metrics:9100']],
    ]);
    expect(new Set(endpointSlices.map((s) => s.name)).size).toBe(3);
  });

  it('sets hostname for pods whose subdomain names the Service (StatefulSet behind a headless Service)', () => {
    const svc = service('default', 'db', {
      clusterIP: 'None',
      ports: [port(5432, 5432, 'pg')],
      selector: { app: 'db' },
    });
    const dbPods = [
      pod('default', 'db-0', '10.244.1.20', { labels: { app: 'db' }, hostname: 'db-0', subdomain: 'db' }),
      pod('default', 'db-1', '10.244.2.20', { labels: { app: 'db' }, hostname: 'db-1', subdomain: 'other' }),
    ];
    const { endpoints, endpointSlices } = buildEndpoints({ services: [svc], pods: dbPods, objects: [] });
    expect(endpoints[0]?.subsets[0]?.addresses).toEqual([
      addr('10.244.1.20', 'db-0', 'db-0'),
      addr('10.244.2.20', 'db-1'),
    ]);
    expect(endpointSlices[0]?.endpoints.map((e) => e.hostname)).toEqual(['db-0', undefined]);
  });

  it('keeps addresses of a headless Service without ports', () => {
    const svc = service('default', 'db', { clusterIP: 'None', ports: [], selector: { app: 'db' } });
    const { endpoints } = buildEndpoints({
      services: [svc],
      pods: [pod('default', 'db-0', '10.244.1.20', { labels: { app: 'db' } })],
      objects: [],
    });
    expect(endpoints[0]?.subsets).toEqual([
      { addresses: [addr('10.244.1.20', 'db-0')], notReadyAddresses: [], ports: [] },
    ]);
  });

  it('writes empty Endpoints and one placeholder slice when nothing matches', () => {
    const svc = service('default', 'ghost', { selector: { app: 'ghost' } });
    const { endpoints, endpointSlices } = buildEndpoints({ services: [svc], pods, objects: [] });
    expect(endpoints).toEqual([
      { namespace: 'default', name: 'ghost', subsets: [], managedBy: 'controller' },
    ]);
    expect(endpointSlices).toHaveLength(1);
    expect(endpointSlices[0]).toMatchObject({ serviceName: 'ghost', endpoints: [], ports: [] });
  });

  it('splits more than 100 endpoints into slices of at most 100, with stable distinct names', () => {
    const many = Array.from({ length: 250 }, (_, i) =>
      pod('default', `big-${String(i)}`, `10.244.${String(Math.floor(i / 200))}.${String(i % 200)}`, {
        labels: { app: 'big' },
      }),
    );
    const svc = service('default', 'big');
    const first = buildEndpoints({ services: [svc], pods: many, objects: [] });
    const again = buildEndpoints({ services: [svc], pods: many, objects: [] });
    expect(first.endpointSlices.map((s) => s.endpoints.length)).toEqual([100, 100, 50]);
    expect(first.endpointSlices.map((s) => s.name)).toEqual(again.endpointSlices.map((s) => s.name));
    expect(new Set(first.endpointSlices.map((s) => s.name)).size).toBe(3);
    for (const s of first.endpointSlices) expect(s.name).toMatch(/^big-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(first.endpoints[0]?.subsets[0]?.addresses).toHaveLength(250);
  });

  it('selects CoreDNS pods for kube-dns, and gives ExternalName Services nothing', () => {
    const coredns = pod('kube-system', 'coredns-5d78c9869d-abcde', '10.244.0.2', {
      labels: { 'k8s-app': 'kube-dns' },
      system: 'coredns',
      containers: [
        container([
          containerPort(53, 'dns', 'UDP'),
          containerPort(53, 'dns-tcp'),
          containerPort(9153, 'metrics'),
        ]),
      ],
    });
    const ext = service('default', 'search', {
      type: 'ExternalName',
      clusterIP: undefined,
      externalName: 'search.example.com',
      selector: undefined,
    });
    const { endpoints } = buildEndpoints({ services: [kubeDnsService, ext], pods: [coredns], objects: [] });
    expect(endpoints).toHaveLength(1);
    expect(endpoints[0]?.subsets).toEqual([
      {
        addresses: [addr('10.244.0.2', 'coredns-5d78c9869d-abcde', undefined, 'kube-system')],
        notReadyAddresses: [],
        ports: [
          { name: 'dns', port: 53, protocol: 'UDP' },
          { name: 'dns-tcp', port: 53, protocol: 'TCP' },
          { name: 'metrics', port: 9153, protocol: 'TCP' },
        ],
      },
    ]);
  });

  it('handles 2,000 pods and 300 Services', () => {
    const bigPods = Array.from({ length: 2000 }, (_, i) =>
      pod('default', `p-${String(i)}`, `10.244.${String(Math.floor(i / 250))}.${String(i % 250)}`, {
        labels: { app: `a${String(i % 300)}`, tier: 'x' },
      }),
    );
    const services = Array.from({ length: 300 }, (_, i) =>
      service('default', `s-${String(i)}`, { selector: { app: `a${String(i)}`, tier: 'x' } }),
    );
    const { endpoints } = buildEndpoints({ services, pods: bigPods, objects: [] });
    expect(endpoints).toHaveLength(300);
    // app a<k> has the pods i with i % 300 == k: 7 of them for k < 200, 6 above.
    expect(endpoints.map((e) => e.subsets[0]?.addresses.length)).toEqual(
      Array.from({ length: 300 }, (_, k) => (k < 200 ? 7 : 6)),
    );
  });
});

describe('buildEndpoints: Services without a selector', () => {
  const text = readFileSync(new URL('./fixtures/endpoints-selectorless.yaml', import.meta.url), 'utf8');
  const { objects } = parseManifests(text);
  const services = [
    service('default', 'external-db', { selector: undefined, ports: [port(5432, 5432, 'pg')] }),
    service('default', 'legacy', { selector: undefined, ports: [port(8080)] }),
  ];

  it('keeps the Endpoints the user wrote and mirrors them into an EndpointSlice', () => {
    const { endpoints, endpointSlices } = buildEndpoints({ services, pods: [], objects });
    const none = { hostname: undefined, nodeName: undefined, targetRef: undefined };
    expect(endpoints).toEqual([
      {
        namespace: 'default',
        name: 'external-db',
        managedBy: 'user',
        subsets: [
          {
            addresses: [
              { ip: '192.168.10.5', ...none },
              { ip: '192.168.10.6', ...none },
            ],
            notReadyAddresses: [{ ip: '192.168.10.7', ...none }],
            ports: [{ name: 'pg', port: 5432, protocol: 'TCP' }],
          },
        ],
      },
    ]);
    const mirrored = endpointSlices.find((s) => s.serviceName === 'external-db');
    expect(mirrored?.name).toMatch(/^external-db-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(mirrored?.managedBy).toBe('user');
    expect(mirrored?.endpoints.map((e) => [e.addresses[0], e.conditions.ready])).toEqual([
      ['192.168.10.5', true],
      ['192.168.10.6', true],
      ['192.168.10.7', false],
    ]);
  });

  it('keeps a written EndpointSlice found by its kubernetes.io/service-name label', () => {
    const { endpointSlices } = buildEndpoints({ services, pods: [], objects });
    const legacy = endpointSlices.filter((s) => s.serviceName === 'legacy');
    expect(legacy).toEqual([
      {
        namespace: 'default',
        name: 'legacy-1',
        serviceName: 'legacy',
        addressType: 'IPv4',
        managedBy: 'user',
        ports: [{ name: undefined, port: 8080, protocol: 'TCP' }],
        endpoints: [
          {
            addresses: ['10.1.2.3'],
            conditions: { ready: false, serving: false, terminating: false },
            hostname: undefined,
            nodeName: undefined,
            targetRef: undefined,
          },
          {
            addresses: ['10.1.2.4'],
            conditions: { ready: true, serving: true, terminating: false },
            hostname: 'legacy-b',
            nodeName: undefined,
            targetRef: undefined,
          },
        ],
      },
    ]);
  });

  it('writes nothing for a selectorless Service nobody wrote endpoints for', () => {
    const lonely = service('default', 'lonely', { selector: undefined });
    expect(buildEndpoints({ services: [lonely], pods: [], objects })).toEqual({
      endpoints: [],
      endpointSlices: [],
    });
  });
});

const shop = () =>
  buildCluster(
    parseManifests(readFileSync(new URL('./fixtures/endpoints-shop.yaml', import.meta.url), 'utf8')).objects,
  );

describe('buildEndpoints inside buildCluster (text → parseManifests → buildCluster)', () => {
  it('resolves the named targetPort of Deployment pods and names StatefulSet pods behind the headless Service', () => {
    const m = shop();
    const ep = (name: string) => m.endpoints.find((e) => e.name === name)?.subsets;
    expect(ep('node-js')?.map((s) => [s.addresses.map((a) => a.ip), s.ports])).toEqual([
      [['10.244.0.3', '10.244.1.3'], [{ name: 'http', port: 8080, protocol: 'TCP' }]],
    ]);
    expect(ep('db')?.[0]?.addresses.map((a) => `${a.hostname ?? ''}@${a.ip}`)).toEqual([
      'db-0@10.244.0.4',
      'db-1@10.244.1.4',
    ]);
    expect(ep('late')).toEqual([]);
    expect(m.endpointSlices.map((s) => [s.serviceName, s.endpoints.length])).toEqual([
      ['kube-dns', 2],
      ['node-js', 2],
      ['db', 2],
      ['late', 0],
    ]);
  });
});
