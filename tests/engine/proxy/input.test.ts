// proxyInputFromObjects (no defaulting) and proxyInputFromModel (the simulator's cluster).

import { describe, expect, it } from 'vitest';
import { buildCluster, parseManifests } from '../../../src/engine/index.ts';
import {
  defaultProxyConfig,
  proxyInputFromModel,
  proxyInputFromObjects,
} from '../../../src/engine/proxy/input.ts';

const objects = (text: string) => parseManifests(text).objects;

describe('proxyInputFromObjects', () => {
  const yaml = `
apiVersion: v1
kind: Service
metadata: {namespace: ns1, name: svc1}
spec:
  clusterIP: "172.30.0.041"
  ports: [{name: p80, port: 80, protocol: TCP}, {name: dns, port: 53, protocol: UDP}]
  loadBalancerSourceRanges: [" 203.0.113.000/025"]
---
apiVersion: discovery.k8s.io/v1
kind: EndpointSlice
metadata: {namespace: ns1, name: a, labels: {kubernetes.io/service-name: svc1}}
addressType: IPv4
endpoints:
- {addresses: [10.180.2.1], nodeName: other}
- {addresses: [10.180.10.1], conditions: {ready: false, serving: true, terminating: true}, nodeName: test-node}
- {addresses: ["10.180.00.001"]}
ports: [{name: p80, port: 8080, protocol: TCP}]
---
apiVersion: v1
kind: Service
metadata: {namespace: ns1, name: headless}
spec: {clusterIP: None, ports: [{port: 80}]}
`;
  const input = proxyInputFromObjects(objects(yaml), defaultProxyConfig({ nodeName: 'test-node' }));

  it('makes one ServicePort per port, canonical IPs, headless Services skipped', () => {
    expect(input.services.map((s) => `${s.name}:${s.portName}/${s.protocol}`)).toEqual([
      'svc1:p80/TCP',
      'svc1:dns/UDP',
    ]);
    expect(input.services[0]?.clusterIP).toBe('172.30.0.41');
    expect(input.services[0]?.loadBalancerSourceRanges).toEqual(['203.0.113.0/25']);
  });
  it('takes endpoints from slices of the Service with the same port name and protocol, sorted by ip:port', () => {
    const eps = input.services[0]?.endpoints ?? [];
    expect(eps.map((e) => `${e.ip}:${e.port}`)).toEqual([
      '10.180.0.1:8080',
      '10.180.10.1:8080',
      '10.180.2.1:8080',
    ]);
    expect(eps.map((e) => [e.ready, e.serving, e.terminating, e.isLocal])).toEqual([
      [true, true, false, false],
      [false, true, true, true],
      [true, true, false, false],
    ]);
    expect(input.services[1]?.endpoints).toEqual([]);
  });
});

describe('proxyInputFromModel', () => {
  const model = buildCluster(
    objects(`
apiVersion: v1
kind: Pod
metadata: {name: web, labels: {app: web}}
spec: {containers: [{name: c, image: nginx, ports: [{containerPort: 8080}]}]}
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  type: NodePort
  selector: {app: web}
  ports: [{port: 80, targetPort: 8080}]
`),
  );
  const node = model.nodes[0];

  it("configures the node's proxier from the model", () => {
    const { config } = proxyInputFromModel(model, node?.name ?? '');
    expect(config.nodeIPs).toEqual([node?.internalIP]);
    expect(config.clusterCIDR).toBe(model.settings.podCIDR);
    expect(config.serviceCIDRs).toEqual([model.settings.serviceCIDR]);
    expect(config.masqueradeBit).toBe(14);
    expect(config.nfacct).toEqual({
      ctStateInvalidDroppedPkts: false,
      localhostNodePortsAcceptedPkts: false,
    });
  });
  it('serves the Service with the pod as endpoint, local only on its node', () => {
    const pod = model.pods.find((p) => p.name === 'web');
    for (const n of model.nodes) {
      const web = proxyInputFromModel(model, n.name).services.find((s) => s.name === 'web');
      expect(web?.nodePort).toBeGreaterThanOrEqual(30000);
      expect(web?.endpoints.map((e) => [e.ip, e.port, e.isLocal, e.pod])).toEqual([
        [pod?.ip, 8080, pod?.node === n.name, 'default/web'],
      ]);
    }
  });
});
