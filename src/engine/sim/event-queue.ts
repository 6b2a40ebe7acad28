// The simulator's agenda: a binary min-heap by (time, rank, insertion order), so events at the
// same virtual time run in a fixed order (cluster events first, then requests as scheduled).
// Times are kept to the microsecond (Infinity stays last). The heap is parallel arrays rather
// than one object per entry: a request is pushed and popped several times, and nothing else
// would be allocated for it.

export class EventQueue<T> {
  /** time (µs) and rank in one number: compared first. */
  readonly #keys: number[] = [];
  /** Insertion order: breaks ties. */
  readonly #orders: number[] = [];
  readonly #times: number[] = [];
  readonly #items: T[] = [];
  /** Insertion order, shared by the lanes of an `Agenda`. */
  readonly #counter: { next: number };

  constructor(counter: { next: number } = { next: 0 }) {
    this.#counter = counter;
  }

  get size(): number {
    return this.#items.length;
  }

  /** `rank` 0: cluster events; 1: traffic and requests. */
  push(time: number, rank: number, item: T): void {
    const keys = this.#keys;
    const orders = this.#orders;
    const times = this.#times;
    const items = this.#items;
    const key = Math.round(time * 1000) * 2 + rank;
    const order = this.#counter.next++;
    let i = items.length;
    keys.push(key);
    orders.push(order);
    times.push(time);
    items.push(item);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pk = keys[parent] ?? 0;
      if (pk < key || (pk === key && (orders[parent] ?? 0) < order)) break;
      this.#move(parent, i);
      i = parent;
    }
    this.#set(i, key, order, time, item);
  }

  /** The earliest time scheduled, or Infinity. */
  peekTime(): number {
    return this.#times[0] ?? Infinity;
  }

  /** Whether this queue's first entry comes before `other`'s (false when this one is empty). */
  firstBefore(other: EventQueue<T>): boolean {
    const key = this.#keys[0];
    if (key === undefined) return false;
    const otherKey = other.#keys[0];
    if (otherKey === undefined) return true;
    return key !== otherKey ? key < otherKey : (this.#orders[0] ?? 0) < (other.#orders[0] ?? 0);
  }

  /** Takes the earliest entry (its time is `peekTime()` just before). */
  pop(): T | undefined {
    const keys = this.#keys;
    const orders = this.#orders;
    const items = this.#items;
    const n = items.length - 1;
    if (n < 0) return undefined;
    const top = items[0];
    const key = keys[n] ?? 0;
    const order = orders[n] ?? 0;
    const time = this.#times[n] ?? 0;
    const item = items[n] as T;
    keys.pop();
    orders.pop();
    this.#times.pop();
    items.pop();
    if (n === 0) return top;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      let m = l;
      if (r < n && before(keys, orders, r, l)) m = r;
      const mk = keys[m] ?? 0;
      if (key < mk || (key === mk && order < (orders[m] ?? 0))) break;
      this.#move(m, i);
      i = m;
    }
    this.#set(i, key, order, time, item);
    return top;
  }

  #move(from: number, to: number): void {
    this.#set(
      to,
      this.#keys[from] ?? 0,
      this.#orders[from] ?? 0,
      this.#times[from] ?? 0,
      this.#items[from] as T,
    );
  }

  #set(i: number, key: number, order: number, time: number, item: T): void {
    this.#keys[i] = key;
    this.#orders[i] = order;
    this.#times[i] = time;
    this.#items[i] = item;
  }
}

function before(keys: readonly number[], orders: readonly number[], a: number, b: number): boolean {
  const ka = keys[a] ?? 0;
  const kb = keys[b] ?? 0;
  return ka !== kb ? ka < kb : (orders[a] ?? 0) < (orders[b] ?? 0);
}

/**
 * Two queues in one order, as if they were one: the traffic's arrivals (one entry per flow, a
 * thousand in a large run) apart from the requests that are running (a handful), so a request's
 * many waits sift through a small heap. Same (time, rank, insertion order) as one EventQueue.
 */
export class Agenda<T> {
  /**
   * `due[0]`: the time of the entry that comes first (`peekTime`), or Infinity, kept as entries
   * come and go. A typed array read in place: a time returned from a call was a new heap number at
   * every wait.
   */
  readonly due = new Float64Array([Infinity]);
  readonly #counter = { next: 0 };
  /** Lane 0: cluster events and running requests; lane 1: arrivals. */
  readonly #lanes: readonly [EventQueue<T>, EventQueue<T>] = [
    new EventQueue<T>(this.#counter),
    new EventQueue<T>(this.#counter),
  ];

  get size(): number {
    return this.#lanes[0].size + this.#lanes[1].size;
  }

  push(time: number, rank: number, item: T, lane: 0 | 1 = 0): void {
    this.#lanes[lane].push(time, rank, item);
    // The first entry's time, not the least time: two times within one µs order by insertion.
    this.due[0] = this.#first().peekTime();
  }

  #first(): EventQueue<T> {
    const [a, b] = this.#lanes;
    return b.firstBefore(a) ? b : a;
  }

  /** The earliest time scheduled in either lane, or Infinity. */
  peekTime(): number {
    return this.due[0] ?? Infinity;
  }

  /** Takes the earliest entry; `clock[0]` is set to its time (Infinity when there is none). */
  pop(clock?: Float64Array): T | undefined {
    if (clock) clock[0] = this.peekTime();
    const item = this.#first().pop();
    this.due[0] = this.#first().peekTime();
    return item;
  }
}
