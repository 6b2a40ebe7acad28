// Mirrors pkg/registry/core/service/portallocator: the --service-node-port-range bitmap with
// a static band (KEP-3668): dynamic picks start at random in the upper band, so ports users
// pick from the bottom of the range rarely collide. Random here means seeded per Service.

import { pick, type Rng } from './rng.ts';

export type PortError = { readonly kind: 'not-in-range' } | { readonly kind: 'allocated' };

export class NodePortAllocator {
  readonly lo: number;
  readonly hi: number;
  readonly #taken = new Set<number>();
  readonly #requested: ReadonlySet<number>;

  constructor(range: readonly [number, number], requested: Iterable<number>) {
    [this.lo, this.hi] = range;
    this.#requested = new Set(requested);
  }

  get rangeText(): string {
    return `${this.lo}-${this.hi}`;
  }

  /** min(max(16, size/32), 128) ports at the bottom are the static band. */
  get offset(): number {
    const size = this.hi - this.lo + 1;
    return Math.min(Math.max(16, Math.floor(size / 32)), 128);
  }

  allocate(port: number): PortError | undefined {
    if (port < this.lo || port > this.hi) return { kind: 'not-in-range' };
    if (this.#taken.has(port)) return { kind: 'allocated' };
    this.#taken.add(port);
    return undefined;
  }

  release(port: number): void {
    this.#taken.delete(port);
  }

  /** A free port: upper band first (random start, then scanning up with wrap-around), then the static band. */
  allocateNext(rng: Rng): number | undefined {
    const size = this.hi - this.lo + 1;
    const offset = size > this.offset ? this.offset : 0;
    return (
      this.#scan(this.lo + offset, this.hi, rng) ??
      (offset > 0 ? this.#scan(this.lo, this.lo + offset - 1, rng) : undefined)
    );
  }

  #scan(from: number, to: number, rng: Rng): number | undefined {
    const count = to - from + 1;
    if (count <= 0) return undefined;
    const start = pick(rng, count);
    for (let i = 0; i < count; i++) {
      const port = from + ((start + i) % count);
      if (this.#taken.has(port) || this.#requested.has(port)) continue;
      this.#taken.add(port);
      return port;
    }
    return undefined;
  }
}
