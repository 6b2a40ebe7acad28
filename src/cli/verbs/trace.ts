// `podwire trace` in human form: the outcome, then one line a hop.
import type { TraceResult } from '../../engine/index.ts';

export function traceHuman(r: TraceResult): string {
  const head = [
    `outcome: ${r.outcome}${r.httpStatus !== undefined ? ` (HTTP ${String(r.httpStatus)})` : ''}`,
    ...(r.ingress
      ? [
          `ingress: ${r.ingress.namespace}/${r.ingress.name} host ${r.ingress.host || '*'} path ${r.ingress.path}`,
        ]
      : []),
    ...(r.service ? [`service: ${r.service.namespace}/${r.service.name}:${String(r.service.port)}`] : []),
    ...(r.backend
      ? [`backend: ${r.backend.namespace}/${r.backend.pod} ${r.backend.ip}:${String(r.backend.port)}`]
      : []),
  ];
  const hops = r.hops.map((h) => {
    const addrs =
      h.before && h.after
        ? `  [${h.before.src} -> ${h.before.dst}  =>  ${h.after.src} -> ${h.after.dst}]`
        : '';
    const rule = h.rule !== undefined ? `\n      rule: ${h.rule}` : '';
    return `  ${h.at.toFixed(3).padStart(7)} ms  ${h.where}  ${h.kind}: ${h.description}${addrs}${rule}`;
  });
  return [...head, 'hops:', ...hops].join('\n');
}
