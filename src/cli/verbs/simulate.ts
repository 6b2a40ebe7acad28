// `podwire simulate`: the Simulation document's traffic, N requests per flow, counted per flow.
import type { SimCounters } from '../../engine/index.ts';

export function simulateHuman(c: SimCounters): string {
  if (c.flows.length === 0) return 'no traffic: the Simulation document has no spec.traffic';
  return c.flows
    .map((f) => {
      const outcomes = Object.entries(f.outcomes)
        .map(([k, n]) => `${k} ${String(n)}`)
        .join(', ');
      const backends = Object.entries(f.backends).map(([pod, n]) => `    ${pod}  ${String(n)}`);
      return [
        `${f.from} -> ${f.to}: ${String(f.requests)} requests, ${String(f.failed)} failed (${outcomes})`,
        ...backends,
      ].join('\n');
    })
    .join('\n');
}
