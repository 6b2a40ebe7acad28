// A small hand-built ProxyInput shared by the nftables, IPVS and userspace tests: a ClusterIP
// (2 endpoints, one local), a NodePort, a LoadBalancer with eTP Local and source ranges, a
// ClientIP-affinity Service and one without endpoints. Node test-node, 192.168.0.2.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { expect } from 'vitest';
import type {
  ProxyConfig,
  ProxyEndpoint,
  ProxyInput,
  ProxyServicePort,
} from '../../../../src/engine/proxy/types.ts';

export const config = (mode: ProxyConfig['mode'], over: Partial<ProxyConfig> = {}): ProxyConfig => ({
  mode,
  nodeName: 'test-node',
  nodeIPs: ['192.168.0.2'],
  clusterCIDR: '10.244.0.0/16',
  serviceCIDRs: ['10.96.0.0/12'],
  masqueradeAll: false,
  masqueradeBit: 14,
  localhostNodePorts: true,
  nodePortAddresses: [],
  randomFully: false,
  conntrackTCPBeLiberal: false,
  nfacct: { ctStateInvalidDroppedPkts: false, localhostNodePortsAcceptedPkts: false },
  ipvsScheduler: 'rr',
  ...over,
});

const ep = (ip: string, port: number, isLocal: boolean, pod: string, ready = true): ProxyEndpoint => ({
  ip,
  port,
  ready,
  serving: ready,
  terminating: false,
  isLocal,
  pod,
});

const svc = (
  over: Partial<ProxyServicePort> & Pick<ProxyServicePort, 'name' | 'clusterIP'>,
): ProxyServicePort => ({
  namespace: 'default',
  portName: 'http',
  protocol: 'TCP',
  port: 80,
  nodePort: 0,
  externalIPs: [],
  loadBalancerIPs: [],
  loadBalancerSourceRanges: [],
  externalTrafficPolicy: 'Cluster',
  internalTrafficPolicy: 'Cluster',
  sessionAffinity: 'None',
  sessionAffinityTimeoutSeconds: 10800,
  healthCheckNodePort: 0,
  type: 'ClusterIP',
  endpoints: [],
  ...over,
});

export const services: ProxyServicePort[] = [
  svc({
    name: 'web',
    clusterIP: '10.96.0.10',
    endpoints: [
      ep('10.244.1.5', 8080, true, 'default/web-a'),
      ep('10.244.2.7', 8080, false, 'default/web-b'),
    ],
  }),
  svc({
    name: 'api',
    clusterIP: '10.96.0.20',
    type: 'NodePort',
    nodePort: 30080,
    endpoints: [ep('10.244.2.8', 9000, false, 'default/api-a')],
  }),
  svc({
    name: 'shop',
    clusterIP: '10.96.0.30',
    type: 'LoadBalancer',
    nodePort: 31000,
    loadBalancerIPs: ['203.0.113.10'],
    loadBalancerSourceRanges: ['198.51.100.0/24'],
    externalTrafficPolicy: 'Local',
    healthCheckNodePort: 32000,
    endpoints: [ep('10.244.2.9', 8443, false, 'default/shop-a')],
  }),
  svc({
    name: 'sticky',
    clusterIP: '10.96.0.40',
    sessionAffinity: 'ClientIP',
    endpoints: [
      ep('10.244.1.6', 80, true, 'default/sticky-a'),
      ep('10.244.2.6', 80, false, 'default/sticky-b'),
    ],
  }),
  svc({ name: 'empty', clusterIP: '10.96.0.50' }),
];

export const scenario = (mode: ProxyConfig['mode'], over: Partial<ProxyConfig> = {}): ProxyInput => ({
  config: config(mode, over),
  services,
});

/** Compares with a golden file; `PODWIRE_UPDATE_GOLDEN=1` rewrites it. */
export function expectGolden(path: string, text: string): void {
  if (process.env['PODWIRE_UPDATE_GOLDEN'] === '1') {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
  if (!existsSync(path)) throw new Error(`missing golden ${path}: run with PODWIRE_UPDATE_GOLDEN=1`);
  expect(text).toBe(readFileSync(path, 'utf8'));
}

/** A deterministic random source returning the given values in turn. */
export const randoms = (...values: number[]): (() => number) => {
  let i = 0;
  return () => values[i++ % values.length] ?? 0;
};
