import { describe, expect, it } from 'vitest';
import type { ClusterModel, ClusterPod } from '../../../src/engine/cluster/types.ts';
import {
  buildGraph,
  collapseGraph,
  POD_LIMIT,
  SERVICE_LIMIT,
  type GraphModel,
} from '../../../src/engine/index.ts';
import { whaleModel, whaleSources } from './fixture.ts';

// Past a limit, a node's pods and a namespace's Services fold into one item each; small
// scenarios are left exactly as they are.

function need<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('fixture');
  return value;
}
const firstPod = need(whaleModel.pods[0]);
const svcB = need(whaleModel.services[1]);
const endpointsA = need(whaleModel.endpoints[0]);
const endpointsB = need(whaleModel.endpoints[1]);

/** The whale model with `count` more pods on node-1, all behind whale-svc-a; every 5th not ready. */
function crowded(count: number): ClusterModel {
  const pods: ClusterPod[] = Array.from({ length: count }, (_, i) => ({
    ...firstPod,
    name: `crowd-${String(i).padStart(3, '0')}`,
    ip: `10.244.1.${100 + i}`,
    ready: i % 5 !== 4,
  }));
  const address = (p: ClusterPod) => ({
    ip: p.ip,
    hostname: undefined,
    nodeName: p.node,
    targetRef: { kind: 'Pod' as const, namespace: p.namespace, name: p.name },
  });
  const subset = need(endpointsA.subsets[0]);
  return {
    ...whaleModel,
    pods: [...whaleModel.pods, ...pods],
    endpoints: [
      {
        ...endpointsA,
        subsets: [
          {
            ...subset,
            addresses: [...subset.addresses, ...pods.filter((p) => p.ready).map(address)],
            notReadyAddresses: pods.filter((p) => !p.ready).map(address),
          },
        ],
      },
      ...whaleModel.endpoints.slice(1),
    ],
  };
}

/** The whale model with `count` more ClusterIP Services in `shop`, plus an Ingress to the last. */
function manyServices(count: number): ClusterModel {
  const services = Array.from({ length: count }, (_, i) => ({
    ...svcB,
    namespace: 'shop',
    name: `svc-${String(i).padStart(2, '0')}`,
    type: 'ClusterIP' as const,
    ports: svcB.ports.map((p) => ({ ...p, nodePort: undefined })),
  }));
  return {
    ...whaleModel,
    services: [...whaleModel.services, ...services],
    endpoints: [
      ...whaleModel.endpoints,
      ...services.map((s) => ({ ...endpointsB, namespace: 'shop', name: s.name })),
    ],
  };
}

const node = (g: GraphModel, id: string) => g.nodes.find((n) => n.id === id);
const podsOn = (g: GraphModel, group: string) =>
  g.nodes.filter((n) => n.parent === group && n.kind === 'pod').map((n) => n.label);

describe('collapseGraph', () => {
  it('leaves a graph under the limits untouched (the whale scenario looks as before)', () => {
    const graph = buildGraph(whaleModel, whaleSources);
    expect(collapseGraph(graph)).toBe(graph);
    // Exactly at the limit: node-1 already runs 2 whale pods.
    const atLimit = buildGraph(crowded(POD_LIMIT - 2));
    expect(collapseGraph(atLimit)).toBe(atLimit);
  });

  it('draws the first pods in model order and one "+K more pods" item as the node\'s last child', () => {
    const graph = collapseGraph(buildGraph(crowded(20)));
    const full = buildGraph(crowded(20));
    const model = podsOn(full, 'node/node-1');
    expect(podsOn(graph, 'node/node-1')).toEqual(model.slice(0, POD_LIMIT));
    const children = graph.nodes.filter((n) => n.parent === 'node/node-1');
    expect(children.at(-1)).toMatchObject({
      id: 'pods/node-1',
      kind: 'pod-group',
      label: `+${22 - POD_LIMIT} more pods`,
      detail: `${POD_LIMIT} of 22 shown`,
      parent: 'node/node-1',
    });
    expect(node(graph, 'pods/node-1')?.hidden?.map((p) => p.label)).toEqual(model.slice(POD_LIMIT));
    // node-2 is under the limit: no group, its pods as they were.
    expect(node(graph, 'pods/node-2')).toBeUndefined();
    expect(podsOn(graph, 'node/node-2')).toEqual(podsOn(full, 'node/node-2'));
    // Groups still come before their children; ids stay unique.
    const seen = new Set<string>();
    for (const n of graph.nodes) {
      if (n.parent) expect(seen.has(n.parent)).toBe(true);
      seen.add(n.id);
    }
    expect(seen.size).toBe(graph.nodes.length);
  });

  it('is stable: the same model gives the same picture, and one pod more keeps the first ones', () => {
    expect(collapseGraph(buildGraph(crowded(30)))).toEqual(collapseGraph(buildGraph(crowded(30))));
    expect(podsOn(collapseGraph(buildGraph(crowded(31))), 'node/node-1')).toEqual(
      podsOn(collapseGraph(buildGraph(crowded(30))), 'node/node-1'),
    );
  });

  it('counts what it hides: the pods, and the not-ready ones as a badge and a status', () => {
    const group = node(collapseGraph(buildGraph(crowded(20))), 'pods/node-1');
    const hidden = group?.hidden ?? [];
    const notReady = hidden.filter((p) => p.status === 'not-ready').length;
    expect(hidden).toHaveLength(22 - POD_LIMIT);
    expect(notReady).toBeGreaterThan(0);
    expect(group?.badges).toEqual([`${notReady} not ready`]);
    expect(group?.status).toBe('not-ready');
    expect(collapseGraph(buildGraph(crowded(20)), { podLimit: 21 }).nodes.at(-1)).toMatchObject({
      label: '+1 more pod',
    });
  });

  it('redirects edges to hidden pods to the group: one edge per Service, with a count', () => {
    const full = buildGraph(crowded(20));
    const graph = collapseGraph(full);
    const ids = new Set(graph.nodes.map((n) => n.id));
    for (const e of graph.edges) {
      expect(ids.has(e.source)).toBe(true);
      expect(ids.has(e.target)).toBe(true);
    }
    const hidden = new Set(node(graph, 'pods/node-1')?.hidden?.map((p) => p.id));
    const behind = full.edges.filter((e) => e.source === 'svc/default/whale-svc-a' && hidden.has(e.target));
    const grouped = graph.edges.filter((e) => e.target === 'pods/node-1');
    expect(grouped).toEqual([
      {
        id: 'svc/default/whale-svc-a->pods/node-1',
        source: 'svc/default/whale-svc-a',
        target: 'pods/node-1',
        kind: 'selects',
        ready: true,
        label: undefined,
        count: behind.length,
      },
    ]);
    // Edges between drawn items are the same objects, in the same order.
    const kept = full.edges.filter((e) => !hidden.has(e.target));
    expect(graph.edges.filter((e) => e.count === undefined)).toEqual(kept);
  });

  it('draws every pod of an opened group, which then offers to fold them again', () => {
    const graph = collapseGraph(buildGraph(crowded(20)), { expanded: ['pods/node-1'] });
    expect(podsOn(graph, 'node/node-1')).toHaveLength(22);
    expect(node(graph, 'pods/node-1')).toMatchObject({
      label: 'all 22 pods shown',
      hidden: [],
      status: 'ok',
      badges: [],
    });
    expect(graph.edges.some((e) => e.target === 'pods/node-1')).toBe(false);
  });

  it("folds a namespace's Services past the limit, after the last Service, and reroutes their edges", () => {
    const full = buildGraph(manyServices(SERVICE_LIMIT + 3));
    const graph = collapseGraph(full);
    const shop = graph.nodes.filter((n) => n.kind === 'service' && n.namespace === 'shop');
    expect(shop.map((n) => n.label)).toEqual(
      full.nodes
        .filter((n) => n.kind === 'service' && n.namespace === 'shop')
        .slice(0, SERVICE_LIMIT)
        .map((n) => n.label),
    );
    const group = node(graph, 'services/shop');
    expect(group).toMatchObject({ kind: 'service-group', namespace: 'shop', label: '+3 more Services' });
    const services = graph.nodes.filter((n) => n.kind === 'service' || n.kind === 'service-group');
    expect(services.at(-1)?.id).toBe('services/shop');
    expect(graph.nodes.findIndex((n) => n.id === 'services/shop')).toBe(
      graph.nodes.findIndex((n) => n.id === services.at(-2)?.id) + 1,
    );
    // The three hidden Services each selected the whale-ingress-b pods: one edge per pod, counted.
    const out = graph.edges.filter((e) => e.source === 'services/shop');
    expect(out.map((e) => [e.target, e.count, e.ready])).toEqual([
      ['pod/default/whale-ingress-b-q9z4m', 3, true],
      ['pod/default/whale-ingress-b-m2c8d', 3, false],
    ]);
    // Namespaces under the limit keep every Service.
    expect(node(graph, 'services/default')).toBeUndefined();
  });
});
