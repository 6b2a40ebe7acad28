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

export class HopRecord implements SimHop {
  /**
   * `at` in whole µs: a small integer is stored in the record itself, while a fractional ms is a
   * heap number of its own per hop. Agenda times are whole µs; `#odd` keeps any other time as given.
   */
  #us = 0;
  #odd: number | undefined = undefined;
  seq = 0;
  #text: Text<unknown>;
  #arg: unknown;
  readonly #flags: number;
  readonly #by: DecidedBy | undefined;

  constructor(
    readonly request: number,
    readonly flow: number,
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
    this.#text = text;
    this.#arg = arg;
    this.#flags = flags;
    this.#by = by;
  }

  get at(): number {
    return this.#odd ?? this.#us / 1000;
  }

  set at(ms: number) {
    const us = Math.round(ms * 1000);
    if (us / 1000 === ms) {
      this.#us = us;
      this.#odd = undefined;
    } else this.#odd = ms;
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
