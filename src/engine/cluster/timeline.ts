// The Simulation's timeline: `spec.events[].apply` objects are applied after the initial apply,
// in `at` order, so what kubelet did at container start (env vars) stays as it was: a Service
// applied later is not in the variables of pods already running (kubelet_pods.go), but DNS sees it.

import { field, isJsonObject } from '../manifest/json-value.ts';
import type { JsonObject, ManifestObject } from '../manifest/types.ts';

/** `10s`, `1m30s`, `500ms` or a number of seconds → seconds; undefined when unreadable. */
export function readDuration(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return value;
  if (typeof value !== 'string') return undefined;
  const re = /(\d+(?:\.\d+)?)(ms|s|m|h)/gy;
  let total = 0;
  let matched = 0;
  for (let m = re.exec(value); m; m = re.exec(value)) {
    const unit = { ms: 0.001, s: 1, m: 60, h: 3600 }[m[2] as 'ms' | 's' | 'm' | 'h'];
    total += Number(m[1]) * unit;
    matched = re.lastIndex;
  }
  return matched === value.length && matched > 0 ? total : undefined;
}

export interface TimelineObject {
  readonly at: number;
  readonly object: ManifestObject;
}

/** The objects the Simulation applies later, in time order (ties in written order). */
export function timelineObjects(objects: readonly ManifestObject[]): TimelineObject[] {
  const sim = objects.find((o) => o.simulated && o.kind === 'Simulation');
  const spec = field(sim?.body, 'spec');
  const events = isJsonObject(spec ?? null) ? field(spec as JsonObject, 'events') : undefined;
  if (!sim || !Array.isArray(events)) return [];
  const out: TimelineObject[] = [];
  (events as readonly unknown[]).forEach((event, i) => {
    if (!isJsonObject((event ?? null) as JsonObject)) return;
    const body = field(event as JsonObject, 'apply');
    const at = readDuration(field(event as JsonObject, 'at'));
    if (!isJsonObject(body ?? null) || at === undefined) return;
    const applied = body as JsonObject;
    const apiVersion = field(applied, 'apiVersion');
    const kind = field(applied, 'kind');
    const metadata = field(applied, 'metadata');
    const name = isJsonObject(metadata ?? null) ? field(metadata as JsonObject, 'name') : undefined;
    const namespace = isJsonObject(metadata ?? null) ? field(metadata as JsonObject, 'namespace') : undefined;
    if (typeof apiVersion !== 'string' || typeof kind !== 'string' || kind === 'Simulation') return;
    const prefix = ['spec', 'events', i, 'apply'];
    out.push({
      at,
      object: {
        apiVersion,
        kind,
        name: typeof name === 'string' ? name : '',
        namespace: typeof namespace === 'string' ? namespace : undefined,
        body: applied,
        index: sim.index,
        range: sim.locate(prefix),
        simulated: true,
        locate: (path) => sim.locate([...prefix, ...path]),
      },
    });
  });
  return out.sort((a, b) => a.at - b.at);
}
