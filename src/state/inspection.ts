// The inspector's details for the selected item, asked of the worker (env vars, resolv.conf,
// DNS names are computed by the engine there). The latest request wins.

import { createStore } from 'zustand/vanilla';
import { inspectInWorker, type Inspection } from '../worker/client.ts';

export interface InspectionState {
  /** `REVISION:ID` of the answer held (or being fetched). */
  readonly key: string | undefined;
  readonly inspection: Inspection | undefined;
  readonly loading: boolean;
}

export const inspectionStore = createStore<InspectionState>(() => ({
  key: undefined,
  inspection: undefined,
  loading: false,
}));

export function requestInspection(revision: number, id: string): void {
  const key = `${revision}:${id}`;
  if (inspectionStore.getState().key === key) return;
  inspectionStore.setState({ key, inspection: undefined, loading: true });
  void inspectInWorker(revision, id).then((inspection) => {
    if (inspectionStore.getState().key === key) inspectionStore.setState({ inspection, loading: false });
  });
}

export type { ContainerEnv, EnvLine, Inspection, ServiceDns } from '../worker/client.ts';
