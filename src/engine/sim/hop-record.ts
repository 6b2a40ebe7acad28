// A recorded hop whose sentence is written when someone reads it. A run makes hundreds of
// thousands of hops a second and the page shows a few hundred of them: building and keeping every
// sentence cost more than the rest of the hop (strings copied by each young-generation GC), so a
// hop keeps what the sentence needs and writes it once, on first read.

import type { HopPick, SimHop } from './sim-types.ts';
import type { TraceAddresses } from './trace-types.ts';

/**
 * How to write a hop's sentence from the hop and one value kept beside it. Module-level writers
 * reading the hop's own fields cost nothing per hop; a closure works too, but it and its scope
 * stay alive with the hop, so the hot paths avoid them. Values are those of the moment the hop
 * was made: a writer never reads state that changes later.
 */
export type Writer<A> = (h: SimHop, arg: A) => string;

/** A sentence, or how to write it. */
export type Text<A = undefined> = string | Writer<A>;

const wheres = new Map<string, string>();

/** Graph id → the trace's `where` (`client`, `load-balancer`, `node/N`, `pod/NS/NAME`). */
export function whereOf(id: string): string {
  let where = wheres.get(id);
  if (where === undefined) {
    where =
      id === 'external/client'
        ? 'client'
        : id === 'external/load-balancer'
          ? 'load-balancer'
          : id.startsWith('kube-proxy/')
            ? `node/${id.slice('kube-proxy/'.length)}`
            : id;
    if (wheres.size < 100_000) wheres.set(id, where);
  }
  return where;
}

/** What decided a hop (`rule`, `via`, `pick`): often an object the rule memo keeps, shared by its hops. */
export interface DecidedBy {
  readonly rule?: string | undefined;
  readonly via?: string | undefined;
  readonly pick?: HopPick | undefined;
}

/** A hop's flags (run-context.ts `hop`'s sixth argument): it ends the request badly; it is on the way back. */
export const FAILED = 1;
export const REPLY = 2;

/** The time of a hop made at a moment that is not a whole µs (rare: `at` holds -1), as given. */
const oddTimes = new WeakMap<HopRecord, number>();

/** Whose hop it is: the request's id and flow (the request itself, one field where two were). */
export interface HopOwner {
  readonly id: number;
  readonly flow: number;
}

export class HopRecord implements SimHop {
  /**
   * `at` in whole µs: a small integer is stored in the record itself, while a fractional ms is a
   * heap number of its own per hop. Agenda times are whole µs; another time is kept aside (-1 here).
   * A run keeps every hop of an advance until it returns, so each field is copied by young GCs.
   */
  #us = 0;
  seq = 0;
  #text: Text<unknown>;
  #arg: unknown;
  readonly #flags: number;
  readonly #by: DecidedBy | undefined;

  readonly #owner: HopOwner;

  constructor(
    owner: HopOwner,
    readonly from: string,
    readonly to: string,
    readonly kind: string,
    text: Text<unknown>,
    arg: unknown,
    flags: number,
    readonly before: TraceAddresses | undefined,
    readonly after: TraceAddresses | undefined,
    by: DecidedBy | undefined,
  ) {
    this.#owner = owner;
    this.#text = text;
    this.#arg = arg;
    this.#flags = flags;
    this.#by = by;
  }

  get request(): number {
    return this.#owner.id;
  }

  get flow(): number {
    return this.#owner.flow;
  }

  get at(): number {
    return this.#us >= 0 ? this.#us / 1000 : (oddTimes.get(this) ?? 0);
  }

  set at(ms: number) {
    const us = Math.round(ms * 1000);
    if (us / 1000 === ms && us >= 0) this.#us = us;
    else {
      this.#us = -1;
      oddTimes.set(this, ms);
    }
  }

  get status(): 'ok' | 'failed' {
    return (this.#flags & FAILED) === 0 ? 'ok' : 'failed';
  }

  get reply(): boolean {
    return (this.#flags & REPLY) !== 0;
  }

  get rule(): string | undefined {
    return this.#by?.rule;
  }

  get via(): string | undefined {
    return this.#by?.via;
  }

  get pick(): HopPick | undefined {
    return this.#by?.pick;
  }

  /** Where the hop arrives, as the trace names places (from `to`, on read). */
  get where(): string {
    return whereOf(this.to);
  }

  get description(): string {
    const text = this.#text;
    if (typeof text === 'string') return text;
    const written = text(this, this.#arg);
    this.#text = written;
    this.#arg = undefined;
    return written;
  }

  /** JSON (the CLI's output) carries the sentence like any field. */
  toJSON(): SimHop {
    return plainHop(this);
  }
}

/**
 * `h` as a plain object with its sentence written (what structured clone and spreading copy: a
 * class's getter does not travel to the page). Optional fields that are absent are left out.
 */
export function plainHop(h: SimHop): SimHop {
  const out: { -readonly [K in keyof SimHop]: SimHop[K] } = {
    at: h.at,
    seq: h.seq,
    request: h.request,
    flow: h.flow,
    where: h.where,
    from: h.from,
    to: h.to,
    kind: h.kind,
    description: h.description,
    status: h.status,
    reply: h.reply,
  };
  if (h.rule !== undefined) out.rule = h.rule;
  if (h.before !== undefined) out.before = h.before;
  if (h.after !== undefined) out.after = h.after;
  if (h.via !== undefined) out.via = h.via;
  if (h.pick !== undefined) out.pick = h.pick;
  return out;
}
