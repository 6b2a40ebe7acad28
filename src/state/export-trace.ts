// One request's trace as a file: text shaped like `podwire trace` prints it, or JSON (the hops as
// the player has them). Pure; the inspector's buttons copy or download the result.

import type { SimHop } from './sim.ts';

/** The hops of `request` among `hops` (the timeline's), in order. */
export function requestHops(hops: readonly SimHop[], request: number): SimHop[] {
  return hops.filter((h) => h.request === request).sort((a, b) => a.seq - b.seq);
}

const ms = (at: number): string => `${at.toFixed(3).padStart(9)} ms`;

/** One hop per line (virtual time, place, step: what happened), the rule under it. */
export function traceText(hops: readonly SimHop[]): string {
  const first = hops[0];
  const lines = first
    ? [`request ${String(first.request)}${first.flow >= 0 ? ` (flow ${String(first.flow)})` : ''}`, 'hops:']
    : [];
  for (const h of hops) {
    const nat =
      h.before && h.after
        ? `  [${h.before.src} -> ${h.before.dst}  =>  ${h.after.src} -> ${h.after.dst}]`
        : '';
    const status = h.status === 'failed' ? ' (failed)' : '';
    const reply = h.reply ? ' (reply)' : '';
    lines.push(`${ms(h.at)}  ${h.where}  ${h.kind}${reply}${status}: ${h.description}${nat}`);
    if (h.rule !== undefined) lines.push(`      rule: ${h.rule}`);
    if (h.pick) {
      const odds = h.pick.probability === undefined ? '' : ` probability ${h.pick.probability.toFixed(4)}`;
      lines.push(`      picked: ${h.pick.pod} (${h.pick.how}${odds})`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** The hops as JSON, with the request they belong to. */
export function traceJson(hops: readonly SimHop[]): string {
  const first = hops[0];
  return `${JSON.stringify({ request: first?.request, flow: first?.flow, hops }, null, 2)}\n`;
}

/** A file name made safe from an untrusted part (a node name, a pod name). */
export function fileName(base: string, ext: string): string {
  const safe = base
    .replace(/[^\w-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);
  return `${safe || 'podwire'}.${ext}`;
}
