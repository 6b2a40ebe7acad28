// Kernel cross-check with real traffic: one node namespace routing to pod namespaces (point-to-
// point veths, /32 routes, as Calico does), the node's Podwire rules loaded like kube-proxy does,
// TCP connections from a client pod to ClusterIPs and a NodePort. The backends reached must be the
// evaluator's reachable set; a Service without endpoints must refuse (REJECT). Root only.

import { afterAll, describe, expect, it } from 'vitest';
import { buildCluster, parseManifests } from '../../src/engine/index.ts';
import { evaluateIptables } from '../../src/engine/proxy/iptables/evaluate.ts';
import { syncProxyRules } from '../../src/engine/proxy/iptables/sync.ts';
import { proxyInputFromModel } from '../../src/engine/proxy/input.ts';
import { buildNodeLab, kernelUnavailable, type NodeLab, Netns } from './netns.ts';

const reason = kernelUnavailable() ?? (process.execPath ? undefined : 'no node binary');
if (reason) console.log(`kernel traffic checks skipped: ${reason}`);

const SCENARIO = `
apiVersion: podwire.dev/v1alpha1
kind: Simulation
metadata: {name: kernel}
spec: {cluster: {nodes: [node-1]}}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 3
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: web, image: web, ports: [{containerPort: 8080}]}]}
---
apiVersion: v1
kind: Pod
metadata: {name: client, labels: {app: client}}
spec: {containers: [{name: c, image: c}]}
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec: {type: NodePort, selector: {app: web}, ports: [{port: 80, targetPort: 8080}]}
---
apiVersion: v1
kind: Service
metadata: {name: empty}
spec: {selector: {app: nothing}, ports: [{port: 81}]}
`;

const CLIENT = `const s = require('net').connect({host: process.argv[1], port: +process.argv[2]}, () => {});
let d = ''; s.on('data', (c) => (d += c)); s.on('end', () => console.log(d));
s.on('error', (e) => console.log('ERR ' + e.code)); s.setTimeout(3000, () => { console.log('TIMEOUT'); s.destroy(); });`;

afterAll(() => Netns.cleanup());

describe.skipIf(reason !== undefined)('kernel: real TCP through the node rules', () => {
  const model = buildCluster(parseManifests(SCENARIO).objects);
  const node = model.nodes[0];
  const pods = model.pods.filter((p) => (p.labels['app'] === 'web' || p.name === 'client') && p.ip !== '');
  const input = proxyInputFromModel(model, node?.name ?? '');
  const rules = syncProxyRules(input);
  let lab: NodeLab | undefined;
  afterAll(() => lab?.stop());

  it('builds the node and pod namespaces and loads the rules', async () => {
    if (!node) throw new Error('no node');
    const serving = pods.map((p) => ({ name: p.name, ip: p.ip, serves: p.labels['app'] === 'web' }));
    lab = await buildNodeLab(`pwt${process.pid % 10000}`, node.internalIP, serving, rules);
    expect(pods.length).toBe(4);
  });

  const connect = (host: string, port: number): string => {
    const client = lab?.pods.get('client');
    if (!client) return 'no client';
    return client.exec(process.execPath, ['-e', CLIENT, host, String(port)]).trim();
  };
  const client = () => pods.find((p) => p.name === 'client')?.ip ?? '';
  const reachable = (destIP: string, destPort: number) =>
    evaluateIptables(
      rules,
      { sourceIP: client(), destIP, destPort, protocol: 'TCP', origin: 'forwarded' },
      input.config,
    );

  it('reaches exactly the backends the evaluator lists, through the ClusterIP and the NodePort', () => {
    const web = input.services.find((s) => s.name === 'web');
    if (!web || !node) throw new Error('no web service');
    for (const [ip, port] of [
      [web.clusterIP ?? '', web.port],
      [node.internalIP, web.nodePort],
    ] as const) {
      const expected = reachable(ip, port).outputs.map(
        (o) => pods.find((p) => o.startsWith(`${p.ip}:`))?.name,
      );
      const seen = new Set<string>();
      for (let i = 0; i < 30 && seen.size < expected.length; i++) seen.add(connect(ip, port));
      expect([...seen].sort()).toEqual([...expected].sort());
    }
  }, 60_000);

  it('refuses a connection to a Service without endpoints (REJECT)', () => {
    const empty = input.services.find((s) => s.name === 'empty');
    expect(reachable(empty?.clusterIP ?? '', 81).verdict).toBe('reject');
    expect(connect(empty?.clusterIP ?? '', 81)).toBe('ERR ECONNREFUSED');
  });
});
