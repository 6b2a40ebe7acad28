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
}

const tally = (from: string, to: string): Tally => ({
  from,
  to,
  requests: 0,
  failed: 0,
  outcomes: new Map(),
  backends: new Map(),
});

function bump(m: Map<string, Count>, key: string): void {
  const count = m.get(key);
  if (count) count.n++;
  else m.set(key, { n: 1 });
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
    bump(t.outcomes, r.outcome);
    if (r.outcome === 'delivered' && r.backend) {
      let pods = t.backends.get(r.backend.namespace);
      if (!pods) {
        pods = new Map();
        t.backends.set(r.backend.namespace, pods);
      }
      bump(pods, r.backend.pod);
    }
  }

  snapshot(): SimCounters {
    return { flows: this.#flows.map(frozen), oneOff: frozen(this.#oneOff) };
  }
}
