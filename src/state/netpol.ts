// NetworkPolicy in the inspector: a namespace's policies and connectivity matrix, asked of the
// worker (the engine decides every cell there), the port the matrix probes and the cell picked.

import { createStore } from 'zustand/vanilla';
import type { Protocol } from '../engine/index.ts';
import { networkPoliciesInWorker, type NetpolAnswer, type NetpolPolicy } from '../worker/client.ts';

/** The selector value meaning "each destination's declared ports". */
export const DECLARED = 'declared';

export interface NetpolState {
  /** `REVISION:NAMESPACE:MATRIX:PROBE` of the answer held (or being fetched). */
  readonly key: string | undefined;
  readonly answer: NetpolAnswer | undefined;
  readonly loading: boolean;
  /** The port selector's value: `declared`, or `PORT/PROTOCOL` (see `probeOf`). */
  readonly probe: string;
  /** The matrix cell whose explanation is shown: `FROM_ID>TO_ID`. */
  readonly picked: string | undefined;
}

export const netpolStore = createStore<NetpolState>(() => ({
  key: undefined,
  answer: undefined,
  loading: false,
  probe: DECLARED,
  picked: undefined,
}));

const PROTOCOLS: readonly Protocol[] = ['TCP', 'UDP', 'SCTP'];

/** `80/TCP` → port 80 over TCP; `declared` or anything unreadable → the declared ports. */
export function probeOf(value: string): { port: number | undefined; protocol: Protocol | undefined } {
  const m = /^(\d{1,5})\/(TCP|UDP|SCTP)$/.exec(value);
  const port = m ? Number(m[1]) : NaN;
  const protocol = PROTOCOLS.find((p) => p === m?.[2]);
  if (!m || protocol === undefined || port < 1 || port > 65535)
    return { port: undefined, protocol: undefined };
  return { port, protocol };
}

export const probeValue = (port: number, protocol: Protocol): string => `${String(port)}/${protocol}`;

/** The policies of `answer` isolating pod `podId` (`pod/NS/NAME`), per direction. */
export function isolatingPolicies(
  answer: NetpolAnswer | undefined,
  podId: string,
): { readonly ingress: readonly NetpolPolicy[]; readonly egress: readonly NetpolPolicy[] } {
  const selecting = (answer?.policies ?? []).filter((p) => p.selects.includes(podId));
  return {
    ingress: selecting.filter((p) => p.policyTypes.includes('Ingress')),
    egress: selecting.filter((p) => p.policyTypes.includes('Egress')),
  };
}

/** Asks for `namespace`'s policies (and its matrix, probing the chosen port) in reading `revision`. */
export function requestNetworkPolicies(revision: number, namespace: string, matrix: boolean): void {
  const probe = netpolStore.getState().probe;
  const key = `${String(revision)}:${namespace}:${String(matrix)}:${probe}`;
  if (netpolStore.getState().key === key) return;
  netpolStore.setState({ key, loading: true });
  void networkPoliciesInWorker(revision, { namespace, matrix, ...probeOf(probe) }).then((answer) => {
    if (netpolStore.getState().key === key) netpolStore.setState({ answer, loading: false });
  });
}

/** The matrix's port selector changed: the explanation shown belonged to the old port. */
export function chooseProbe(probe: string): void {
  netpolStore.setState({ probe, picked: undefined });
}

export function pickCell(picked: string | undefined): void {
  netpolStore.setState({ picked });
}

export type { NetpolAnswer, NetpolCell, NetpolPolicy, NetpolProbe } from '../worker/client.ts';
