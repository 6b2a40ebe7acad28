// The kube-proxy rules the inspector shows for a node, asked of the worker (the engine renders
// them there from the reading's model). The latest request wins.

import { createStore } from 'zustand/vanilla';
import type { ProxyMode, RulesFormat } from '../engine/index.ts';
import { rulesInWorker, type RulesReading } from '../worker/client.ts';

export interface RulesState {
  /** `REVISION:NODE:MODE:FORMAT` of the answer held (or being fetched). */
  readonly key: string | undefined;
  readonly reading: RulesReading | undefined;
  readonly loading: boolean;
}

export const rulesStore = createStore<RulesState>(() => ({
  key: undefined,
  reading: undefined,
  loading: false,
}));

/** `mode` undefined: the scenario's own proxy mode. */
export function requestRules(
  revision: number,
  nodeName: string,
  mode: ProxyMode | undefined,
  format: RulesFormat,
): void {
  const key = `${revision}:${nodeName}:${mode ?? ''}:${format}`;
  if (rulesStore.getState().key === key) return;
  rulesStore.setState({ key, loading: true });
  void rulesInWorker(revision, nodeName, mode, format).then((reading) => {
    if (rulesStore.getState().key === key) rulesStore.setState({ reading, loading: false });
  });
}

export type { RuleGroup, RulesReading } from '../worker/client.ts';
