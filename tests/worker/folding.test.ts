import { describe, expect, it } from 'vitest';
import { POD_LIMIT } from '../../src/engine/index.ts';
import { createEngineApi } from '../../src/worker/engine-api.ts';
import { largeClusterYaml } from '../bench/large-cluster.ts';

// The worker draws a large cluster folded (a node's pods, a namespace's Services past a limit),
// and draws a group in full when the page says the user opened it.

const crowded = `apiVersion: podwire.dev/v1alpha1
kind: Simulation
metadata:
  name: crowded
spec:
  cluster:
    nodes: 1
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 20
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
      - name: web
        image: nginx
`;

describe('folding in the worker', () => {
  it("folds a crowded node's pods into its last grid cell, and opens them on request", async () => {
    const api = createEngineApi(() => performance.now());
    const folded = (await api.parse(crowded)).graph;
    const pods = folded?.nodes.filter((n) => n.kind === 'pod') ?? [];
    const group = folded?.nodes.find((n) => n.id === 'pods/node-1');
    expect(pods).toHaveLength(POD_LIMIT);
    expect(group?.label).toMatch(/^\+\d+ more pods$/);
    // The group item takes the cell after the last pod in the node's grid.
    const cells = folded?.nodes.filter((n) => n.parent === 'node/node-1') ?? [];
    expect(cells.at(-1)?.id).toBe('pods/node-1');
    expect(Math.max(...cells.map((n) => n.y))).toBe(group?.y);

    const opened = (await api.parse(crowded, { expandedGroups: ['pods/node-1'] })).graph;
    const all = opened?.nodes.filter((n) => n.kind === 'pod') ?? [];
    expect(all.length).toBe(POD_LIMIT + (group?.hidden?.length ?? 0));
    expect(opened?.nodes.find((n) => n.id === 'pods/node-1')?.label).toBe(`all ${all.length} pods shown`);
  });

  it('sends the large cluster folded: a few hundred items instead of thousands', async () => {
    const api = createEngineApi(() => performance.now());
    const summary = await api.parse(largeClusterYaml());
    const nodes = summary.graph?.nodes ?? [];
    expect(summary.cluster?.pods.length).toBeGreaterThan(2000);
    expect(nodes.length).toBeLessThan(600);
    expect(nodes.filter((n) => n.kind === 'pod-group')).toHaveLength(20);
    expect(nodes.filter((n) => n.kind === 'service-group')).toHaveLength(10);
    expect(summary.graph?.edges.length).toBeLessThan(1200);
  });
});
