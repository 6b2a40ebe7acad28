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
  #order = 0;

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
    const order = this.#order++;
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
