// The latest finished requests a run keeps (`retain`). A ring: keeping them moves nothing. An
// array trimmed with splice once it held twice as many kept each result, and every hop it held,
// alive through two young-generation GCs (V8 then copies and promotes them: most of the
// simulator's GC time, measured with --trace-gc-nvp); the ring lets each go as it is overwritten.

export class Recent<T> {
  readonly #ring: T[] = [];
  /** Where the next item goes once the ring is full. */
  #next = 0;

  /** How many are kept: the whole part of the size asked for (none for a negative or NaN one). */
  readonly size: number;

  constructor(size: number) {
    this.size = size >= 0 ? Math.floor(size) : 0;
  }

  push(item: T): void {
    if (this.size <= 0) return;
    if (this.#ring.length < this.size) {
      this.#ring.push(item);
      return;
    }
    this.#ring[this.#next] = item;
    this.#next = this.#next + 1 === this.size ? 0 : this.#next + 1;
  }

  /** The items kept, oldest first. */
  items(): T[] {
    const ring = this.#ring;
    return this.#next === 0 ? ring.slice() : [...ring.slice(this.#next), ...ring.slice(0, this.#next)];
  }
}
