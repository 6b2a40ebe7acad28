// A request's state while it runs, and its result once it ends: class instances, not object
// literals. V8 pretenures an object literal's allocation site when most of its objects outlive a
// young-generation GC (the latest results are kept): its objects are then born old, and every hop
// they point to is kept alive and promoted with them until a full GC. Measured with
// --trace-gc-nvp and --trace-pretenuring-statistics: half of the promoted bytes; the runs 16-21%
// faster. A class's objects have no allocation site, so they are born young and die young.

import type { FlowMemo, HopSink, RequestState } from './run-context.ts';
import type { SimHop, SimRequestResult } from './sim-types.ts';
import type { TraceResult } from './trace-types.ts';

export class RequestRecord implements RequestState {
  service: TraceResult['service'] = undefined;
  ingress: TraceResult['ingress'] = undefined;
  backend: TraceResult['backend'] = undefined;
  /** Made by `new Array`: an array literal has an allocation site as well (see above). */
  readonly hops: SimHop[] = new Array<SimHop>();

  constructor(
    readonly id: number,
    readonly flow: number,
    readonly from: string,
    readonly to: string,
    readonly random: () => number,
    readonly sink: HopSink,
    readonly memo: FlowMemo,
  ) {}
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Fields in the order the result has always been written (the CLI prints them as JSON). */
export class RequestResult implements Mutable<SimRequestResult> {
  // Declared only: set after construction when present, so an absent one is no key at all.
  declare httpStatus?: number;
  declare ingress?: NonNullable<SimRequestResult['ingress']>;
  declare service?: NonNullable<SimRequestResult['service']>;
  declare backend?: NonNullable<SimRequestResult['backend']>;

  constructor(
    public outcome: SimRequestResult['outcome'],
    public hops: readonly SimHop[],
    public request: number,
    public flow: number,
    public from: string,
    public to: string,
    public startedAt: number,
    public endedAt: number,
  ) {}
}
