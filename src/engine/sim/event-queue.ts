// The simulator's agenda: a binary min-heap by (time, rank, insertion order), so events at the
// same virtual time run in a fixed order (cluster events first, then requests as scheduled).
// Times are kept to the microsecond (Infinity stays last).

export interface Scheduled<T> {
  readonly time: number;
  /** time (µs) and rank in one number: compared first. */
  readonly key: number;
  /** 0: cluster events; 1: traffic and requests. */
  readonly rank: number;
  readonly order: number;
  readonly item: T;
}

export class EventQueue<T> {
  readonly #heap: Scheduled<T>[] = [];
  #order = 0;

  get size(): number {
    return this.#heap.length;
  }

  push(time: number, rank: number, item: T): void {
    const heap = this.#heap;
    heap.push({ time, key: Math.round(time * 1000) * 2 + rank, rank, order: this.#order++, item });
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent];
      const c = heap[i];
      if (!p || !c || !before(c, p)) break;
      heap[parent] = c;
      heap[i] = p;
      i = parent;
    }
  }

  /** The earliest time scheduled, or Infinity. */
  peekTime(): number {
    return this.#heap[0]?.time ?? Infinity;
  }

  pop(): Scheduled<T> | undefined {
    const heap = this.#heap;
    const top = heap[0];
    const last = heap.pop();
    if (!top || !last || heap.length === 0) return top;
    heap[0] = last;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      const lv = heap[l];
      const rv = heap[r];
      const mv = heap[m];
      if (lv && mv && before(lv, mv)) m = l;
      const cur = heap[m];
      if (rv && cur && before(rv, cur)) m = r;
      if (m === i) break;
      const a = heap[i];
      const b = heap[m];
      if (!a || !b) break;
      heap[i] = b;
      heap[m] = a;
      i = m;
    }
    return top;
  }
}

function before<T>(a: Scheduled<T>, b: Scheduled<T>): boolean {
  return a.key !== b.key ? a.key < b.key : a.order < b.order;
}
