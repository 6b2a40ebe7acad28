// Mirrors the fields kube-proxy's NewProxier derives from its flags (pkg/proxy/iptables/proxier.go)
// that one syncProxyRules run reads: the mark, the local-traffic detector, the table buffers.

import type { ProxyConfig } from '../types.ts';
import type { TableWriter } from './rule-writer.ts';

/** Metric names of the nfacct counters (pkg/proxy/metrics). */
export const CT_STATE_INVALID_DROPPED = 'ct_state_invalid_dropped_pkts';
export const LOCALHOST_NODEPORTS_ACCEPTED = 'localhost_nps_accepted_pkts';

export interface SyncOptions {
  /** The mark text. Real kube-proxy writes Go's `%#08x` (`0x00004000`); the upstream unit tests use `0x4000`. */
  readonly masqueradeMark?: string;
}

/** What a sync needs from the config, derived once (NewProxier). */
export interface SyncContext {
  readonly config: ProxyConfig;
  readonly masqueradeMark: string;
  readonly localhostNodePorts: boolean;
  readonly filter: TableWriter;
  readonly nat: TableWriter;
  /** `-s CIDR` / `! -s CIDR` of the local-traffic detector; undefined: not implemented. */
  readonly ifLocal: readonly string[] | undefined;
  readonly ifNotLocal: readonly string[] | undefined;
  readonly largeClusterMode: boolean;
}

/** Go's `%#08x`: 0x, then at least 8 hex digits. */
export const goMark = (bit: number): string => `0x${(2 ** bit).toString(16).padStart(8, '0')}`;
