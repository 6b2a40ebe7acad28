import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../../src/engine/index.ts';
import { whaleModel, whaleSources } from './fixture.ts';

const graph = buildGraph(whaleModel, whaleSources);
const node = (id: string) => graph.nodes.find((n) => n.id === id);
const edge = (id: string) => graph.edges.find((e) => e.id === id);

describe('buildGraph', () => {
  it('groups pods under the cluster node that runs them, with a kube-proxy per node', () => {
    expect(node('node/node-1')).toMatchObject({ kind: 'cluster-node', parent: undefined });
    expect(node('pod/default/whale-ingress-a-7kx2p')).toMatchObject({
      kind: 'pod',
      parent: 'node/node-1',
      detail: '10.244.1.2',
      namespace: 'default',
      status: 'ok',
    });
    expect(node('pod/default/whale-ingress-b-q9z4m')?.parent).toBe('node/node-2');
    expect(node('kube-proxy/node-1')).toMatchObject({ parent: 'node/node-1', badges: ['iptables'] });
    expect(node('kube-proxy/node-1')?.detail).toBe('kube-proxy-abcde');
    expect(node('kube-proxy/node-2')?.detail).toBe('on this node');
    // kube-proxy's own pod is the kube-proxy item, not a second box.
    expect(node('pod/kube-system/kube-proxy-abcde')).toBeUndefined();
  });

  it('puts a pending pod in a group of its own', () => {
    expect(node('pod/default/stuck')).toMatchObject({ parent: 'node/(unscheduled)', status: 'pending' });
    expect(node('node/(unscheduled)')?.kind).toBe('cluster-node');
  });

  it('lists every group before its children', () => {
    const seen = new Set<string>();
    for (const n of graph.nodes) {
      if (n.parent) expect(seen.has(n.parent)).toBe(true);
      seen.add(n.id);
    }
    expect(seen.size).toBe(graph.nodes.length);
  });

  it('draws a Service → pod edge per endpoint, dashed (not ready) for notReadyAddresses', () => {
    expect(edge('svc/default/whale-svc-b->pod/default/whale-ingress-b-q9z4m')).toMatchObject({
      kind: 'selects',
      ready: true,
    });
    expect(edge('svc/default/whale-svc-b->pod/default/whale-ingress-b-m2c8d')).toMatchObject({
      ready: false,
      label: 'not ready',
    });
    expect(node('pod/default/whale-ingress-b-m2c8d')?.badges).toContain('not ready');
  });

  it('routes Ingress → Service by host and path, skipping backends that do not exist', () => {
    expect(node('ing/default/whale-ingress')?.badges).toEqual(['a.whale.hey', 'b.whale.hey', 'c.whale.hey']);
    expect(edge('ing/default/whale-ingress->svc/default/whale-svc-a')?.label).toBe('a.whale.hey/');
    expect(edge('ing/default/whale-ingress->svc/default/whale-svc-b')?.label).toBe('b.whale.hey/');
    expect(graph.edges.some((e) => e.target === 'svc/default/missing')).toBe(false);
    expect(edge('external/client->ing/default/whale-ingress')?.kind).toBe('routes');
  });

  it('brings the outside world in through NodePorts and a cloud load balancer', () => {
    expect(edge('external/client->svc/default/whale-svc-a')?.label).toBe(':30301');
    expect(node('external/load-balancer')?.detail).toBe('203.0.113.10');
    expect(edge('external/client->external/load-balancer')).toBeDefined();
    expect(edge('external/load-balancer->svc/default/whale-lb')).toBeDefined();
    // A LoadBalancer Service is reached through the balancer, not straight at its nodePort.
    expect(edge('external/client->svc/default/whale-lb')).toBeUndefined();
    expect(node('svc/default/whale-svc-a')).toMatchObject({
      detail: '10.96.0.12 · 80/TCP',
      badges: ['NodePort', 'nodePort 30301'],
    });
  });

  it('has no load balancer without a LoadBalancer Service', () => {
    const plain = buildGraph({ ...whaleModel, services: whaleModel.services.slice(0, 2) }, whaleSources);
    expect(plain.nodes.some((n) => n.kind === 'load-balancer')).toBe(false);
  });

  it('remembers the source index and range of what was written in the text', () => {
    expect(node('svc/default/whale-svc-b')).toMatchObject({
      sourceIndex: 3,
      sourceRange: { start: { line: 61, column: 1 } },
    });
    expect(node('pod/default/whale-ingress-b-m2c8d')?.sourceIndex).toBe(1);
    expect(node('node/node-1')).toMatchObject({ sourceIndex: -1, sourceRange: undefined });
    expect(buildGraph(whaleModel).nodes.every((n) => n.sourceRange === undefined)).toBe(true);
  });

  it('shows namespaces with a stable colour and their quota usage', () => {
    const shop = graph.namespaces.find((n) => n.name === 'shop');
    expect(shop).toMatchObject({ quota: ['pods 3/3'], sourceIndex: 6 });
    const again = buildGraph({ ...whaleModel, namespaces: [...whaleModel.namespaces].reverse() });
    expect(again.namespaces.find((n) => n.name === 'shop')?.colour).toBe(shop?.colour);
    expect(graph.namespaces.map((n) => n.name)).toEqual(['default', 'shop', 'kube-system']);
  });

  it('keeps ids stable and unique, and is deterministic', () => {
    const ids = graph.nodes.map((n) => n.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(graph.edges.map((e) => e.id)).size).toBe(graph.edges.length);
    expect(buildGraph(whaleModel, whaleSources)).toEqual(graph);
    const edited = buildGraph({ ...whaleModel, services: whaleModel.services.slice(1) }, whaleSources);
    expect(edited.nodes.find((n) => n.id === 'pod/default/whale-ingress-a-7kx2p')).toEqual(
      node('pod/default/whale-ingress-a-7kx2p'),
    );
  });

  it('is plain structured-cloneable data', () => {
    expect(structuredClone(graph)).toEqual(graph);
  });
});
