// A recorded hop whose sentence is written when someone reads it. A run makes hundreds of
// thousands of hops a second and the page shows a few hundred of them: building and keeping every
// sentence cost more than the rest of the hop (strings copied by each young-generation GC), so a
// hop keeps what the sentence needs and writes it once, on first read.

import type { HopPick, SimHop } from './sim-types.ts';
import type { TraceAddresses } from './trace-types.ts';

/** A sentence, or how to write it (its values captured when the hop was made, never read later). */
export type Text = string | (() => string);

/** The sentence of `t`, written now. */
export const textOf = (t: Text): string => (typeof t === 'string' ? t : t());

export class HopRecord implements SimHop {
  at = 0;
  seq = 0;
  // Declared fields exist on every record (as undefined until set): one object shape for all.
  rule?: string;
  before?: TraceAddresses;
  after?: TraceAddresses;
  via?: string;
  pick?: HopPick;
  #text: Text;

  constructor(
    readonly request: number,
    readonly flow: number,
    readonly where: string,
    readonly from: string,
    readonly to: string,
    readonly kind: string,
    text: Text,
    readonly status: 'ok' | 'failed',
    readonly reply: boolean,
  ) {
    this.#text = text;
  }

  get description(): string {
    const text = this.#text;
    if (typeof text === 'string') return text;
    const written = text();
    this.#text = written;
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
