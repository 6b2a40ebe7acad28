// The Simulation document's `spec.traffic` and `spec.events` (design.md; grammar in README.md).
// Unreadable entries are skipped here: the Simulation validator reports them, located.

import { readDuration } from '../cluster/timeline.ts';
import type { Labels } from '../cluster/types.ts';
import { field, isJsonObject } from '../manifest/json-value.ts';
import type { JsonObject, JsonValue, ManifestObject } from '../manifest/types.ts';
import { EVENT_ACTIONS } from '../manifest/validate/simulation.ts';
import type { TrafficFlow } from './sim-types.ts';

/** Which pods a readiness event touches: by name, or by selector (the first `count` by name). */
export interface PodChoice {
  readonly namespace: string;
  readonly name: string | undefined;
  readonly selector: Labels | undefined;
  readonly count: number | undefined;
}

export type SimAction =
  | { readonly kind: 'notReady' | 'ready'; readonly pods: PodChoice }
  | { readonly kind: 'deletePod'; readonly namespace: string; readonly name: string }
  | { readonly kind: 'nodeDown' | 'nodeUp'; readonly node: string }
  | { readonly kind: 'apply'; readonly objectKind: string; readonly name: string }
  | {
      readonly kind: 'delete';
      readonly objectKind: string;
      readonly namespace: string | undefined;
      readonly name: string;
    };

export interface SimEvent {
  /** Virtual ms. */
  readonly at: number;
  /** Index in `spec.events`. */
  readonly index: number;
  readonly action: SimAction;
}

export { EVENT_ACTIONS };

const obj = (v: JsonValue | undefined): JsonObject | undefined => (isJsonObject(v) ? v : undefined);
const str = (v: JsonValue | undefined): string | undefined =>
  typeof v === 'string' && v !== '' ? v : undefined;

function simulationSpec(objects: readonly ManifestObject[]): JsonObject | undefined {
  const sim = objects.find((o) => o.simulated && o.kind === 'Simulation');
  return obj(field(sim?.body, 'spec'));
}

/** `spec.traffic`: flows with a string from and to; rate defaults to 1 request per second. */
export function readTraffic(objects: readonly ManifestObject[]): TrafficFlow[] {
  const list = field(simulationSpec(objects), 'traffic');
  if (!Array.isArray(list)) return [];
  const flows: TrafficFlow[] = [];
  for (const entry of list as readonly JsonValue[]) {
    const from = str(field(obj(entry), 'from'));
    const to = str(field(obj(entry), 'to'));
    const rate = field(obj(entry), 'rate');
    if (from === undefined || to === undefined) continue;
    flows.push(typeof rate === 'number' && rate > 0 ? { from, to, rate } : { from, to });
  }
  return flows;
}

function labels(v: JsonValue | undefined): Labels | undefined {
  const o = obj(v);
  if (!o) return undefined;
  const out: Record<string, string> = {};
  for (const [k, value] of Object.entries(o)) if (typeof value === 'string') out[k] = value;
  return out;
}

function podChoice(v: JsonValue | undefined): PodChoice | undefined {
  const o = obj(v);
  if (!o) return undefined;
  const name = str(field(o, 'name'));
  const selector = labels(field(o, 'selector'));
  const count = field(o, 'count');
  if (name === undefined && selector === undefined) return undefined;
  return {
    namespace: str(field(o, 'namespace')) ?? 'default',
    name,
    selector,
    count: typeof count === 'number' && Number.isInteger(count) && count >= 0 ? count : undefined,
  };
}

/** One event's action, or undefined when it has none or more than one readable. */
export function readAction(event: JsonObject): SimAction | undefined {
  const present = EVENT_ACTIONS.filter((k) => field(event, k) !== undefined);
  if (present.length !== 1) return undefined;
  const key = present[0];
  const value = field(event, key ?? '');
  switch (key) {
    case 'notReady':
    case 'ready': {
      const pods = podChoice(value);
      return pods ? { kind: key, pods } : undefined;
    }
    case 'deletePod': {
      const name = str(field(obj(value), 'name'));
      const namespace = str(field(obj(value), 'namespace')) ?? 'default';
      return name === undefined ? undefined : { kind: 'deletePod', namespace, name };
    }
    case 'nodeDown':
    case 'nodeUp': {
      const node = str(value);
      return node === undefined ? undefined : { kind: key, node };
    }
    case 'apply': {
      const o = obj(value);
      const objectKind = str(field(o, 'kind'));
      const name = str(field(obj(field(o, 'metadata')), 'name'));
      return objectKind === undefined ? undefined : { kind: 'apply', objectKind, name: name ?? '' };
    }
    case 'delete': {
      const o = obj(value);
      const objectKind = str(field(o, 'kind'));
      const name = str(field(o, 'name'));
      if (objectKind === undefined || name === undefined) return undefined;
      return { kind: 'delete', objectKind, namespace: str(field(o, 'namespace')), name };
    }
    default:
      return undefined;
  }
}

/** `spec.events` in time order (ties in written order); `at` read as a duration, in ms. */
export function readEvents(objects: readonly ManifestObject[]): SimEvent[] {
  const list = field(simulationSpec(objects), 'events');
  if (!Array.isArray(list)) return [];
  const events: SimEvent[] = [];
  (list as readonly JsonValue[]).forEach((entry, index) => {
    const event = obj(entry);
    const seconds = readDuration(field(event, 'at'));
    const action = event ? readAction(event) : undefined;
    if (seconds === undefined || !action) return;
    events.push({ at: Math.round(seconds * 1e6) / 1e3, index, action });
  });
  return events.sort((a, b) => a.at - b.at || a.index - b.index);
}
