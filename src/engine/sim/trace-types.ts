// `podwire trace`'s answer (the design's CLI contract): one request, hop by hop, each hop saying
// what decided it. Field names are a public interface: add, never rename.

import type { ProxyMode } from '../cluster/types.ts';

export type TraceOutcome = 'delivered' | 'rejected' | 'dropped' | 'no-route' | 'dns-failure' | 'timeout';

/** A packet's addresses, `ip:port`. */
export interface TraceAddresses {
  readonly src: string;
  readonly dst: string;
}

export interface TraceHop {
  /** Virtual time in milliseconds since the request left the client. */
  readonly at: number;
  /** `client`, `load-balancer`, `node/NAME`, `pod/NS/NAME`. */
  readonly where: string;
  /** `send`, `forward`, `kube-proxy`, `policy` (NetworkPolicy), `route`, `ingress`, `proxy`, `deliver`, `respond`, `redirect`. */
  readonly kind: string;
  readonly description: string;
  /** The rule (or Ingress path) that decided this hop, as its tool prints it. */
  readonly rule?: string | undefined;
  readonly before?: TraceAddresses | undefined;
  readonly after?: TraceAddresses | undefined;
}

export interface TraceResult {
  readonly outcome: TraceOutcome;
  readonly httpStatus?: number;
  readonly ingress?: {
    readonly namespace: string;
    readonly name: string;
    readonly host: string;
    readonly path: string;
  };
  readonly service?: { readonly namespace: string; readonly name: string; readonly port: number | string };
  readonly backend?: {
    readonly namespace: string;
    readonly pod: string;
    readonly ip: string;
    readonly port: number;
  };
  readonly hops: readonly TraceHop[];
}

export interface TraceOptions {
  /** `external`, `pod/NS/NAME` or `node/NAME`. */
  readonly from: string;
  /** A URL (`http://host/path`) or `HOST:PORT`. */
  readonly to: string;
  readonly proxyMode?: ProxyMode;
  readonly seed?: number;
}

/** A trace, or why the question itself cannot be asked (bad --from/--to): the CLI's usage error. */
export type TraceAnswer =
  { readonly ok: true; readonly result: TraceResult } | { readonly ok: false; readonly error: string };
