// Live counters per flow (the `podwire simulate` contract): requests, failures, outcomes, and the
// backend pod that answered each delivered request.

import type { FlowCounters, SimCounters, SimRequestResult } from './sim-types.ts';

/** A count in a box: bumped after one lookup, where a number in a map needs a get and a set. */
interface Count {
  n: number;
}

interface Tally {
  readonly from: string;
  readonly to: string;
  requests: number;
  failed: number;
  readonly outcomes: Map<string, Count>;
  /** namespace → pod → requests: the pod's own strings as keys, no string made per request. */
  readonly backends: Map<string, Map<string, Count>>;
  /**
   * The count of the flow's last outcome, and of each backend object met (planned paths share
   * one per pod): a flow comes round again once its maps are out of cache, so one lookup, not two.
   */
  last: { readonly outcome: string; readonly count: Count } | undefined;
  readonly byBackend: Map<object, Count>;
}

/** Backend objects remembered per flow (a walked request makes a new one each time). */
const BY_BACKEND_MAX = 64;

const tally = (from: string, to: string): Tally => ({
  from,
  to,
  requests: 0,
  failed: 0,
  outcomes: new Map(),
  backends: new Map(),
  last: undefined,
  byBackend: new Map(),
});

/** `m`'s count for `key`, made 0 when missing. */
function countOf(m: Map<string, Count>, key: string): Count {
  let count = m.get(key);
  if (!count) {
    count = { n: 0 };
    m.set(key, count);
  }
  return count;
}

function frozen(t: Tally): FlowCounters {
  const backends: [string, number][] = [];
  for (const [namespace, pods] of t.backends)
    for (const [pod, { n }] of pods) backends.push([`${namespace}/${pod}`, n]);
  return {
    from: t.from,
    to: t.to,
    requests: t.requests,
    failed: t.failed,
    outcomes: Object.fromEntries([...t.outcomes].map(([outcome, { n }]) => [outcome, n])),
    backends: Object.fromEntries(backends.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
  };
}

export class Counters {
  readonly #flows: Tally[];
  readonly #oneOff = tally('*', '*');

  constructor(flows: readonly { readonly from: string; readonly to: string }[]) {
    this.#flows = flows.map((f) => tally(f.from, f.to));
  }

  count(r: SimRequestResult): void {
    const t = this.#flows[r.flow] ?? this.#oneOff;
    t.requests++;
    if (r.outcome !== 'delivered') t.failed++;
    let last = t.last;
    if (last?.outcome !== r.outcome) {
      last = { outcome: r.outcome, count: countOf(t.outcomes, r.outcome) };
      t.last = last;
    }
    last.count.n++;
    const backend = r.backend;
    if (r.outcome === 'delivered' && backend) {
      let count = t.byBackend.get(backend);
      if (!count) {
        let pods = t.backends.get(backend.namespace);
        if (!pods) {
          pods = new Map();
          t.backends.set(backend.namespace, pods);
        }
        count = countOf(pods, backend.pod);
        if (t.byBackend.size >= BY_BACKEND_MAX) t.byBackend.clear();
        t.byBackend.set(backend, count);
      }
      count.n++;
    }
  }

  snapshot(): SimCounters {
    return { flows: this.#flows.map(frozen), oneOff: frozen(this.#oneOff) };
  }
}
