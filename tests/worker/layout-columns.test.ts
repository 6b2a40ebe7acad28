import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../src/engine/index.ts';
import { layoutGraph } from '../../src/worker/layout.ts';
import { manyPods } from './many-pods.ts';

// Past elk's comfortable size the layout falls back to columns: outside world, Ingresses,
// Services, nodes — same left-to-right reading, in model order, and fast.
describe('layoutGraph on a large cluster', () => {
  it('stacks 300 Services in one column left of the node frames, in model order', async () => {
    const graph = buildGraph(manyPods(2000, 300, 20));
    const laid = await layoutGraph(graph);
    if (!laid) throw new Error('not laid out');
    const services = laid.nodes.filter((n) => n.kind === 'service');
    const frames = laid.nodes.filter((n) => n.kind === 'cluster-node');
    expect(services.length).toBeGreaterThanOrEqual(300);
    expect(new Set(services.map((s) => s.x)).size).toBe(1);
    const ys = services.map((s) => s.y);
    expect(ys).toEqual([...ys].sort((a, b) => a - b));
    expect(Math.min(...frames.map((f) => f.x))).toBeGreaterThan(services[0]?.x ?? Infinity);
    // No two top-level boxes of one column overlap.
    for (let i = 1; i < services.length; i++) {
      const prev = services[i - 1];
      const cur = services[i];
      if (prev && cur) expect(cur.y).toBeGreaterThanOrEqual(prev.y + prev.height);
    }
  });
});
