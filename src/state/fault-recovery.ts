// What the page does when the engine worker is given up (worker/watchdog.ts): remember the
// text (fault-guard.ts), stop the simulation whose worker is gone, and read the text again in
// the fresh worker, unless the guard holds it. The last good picture stays meanwhile.

import { useStore } from 'zustand';
import { onWorkerFault } from '../worker/client.ts';
import { documentStore, reparse } from './document.ts';
import { allowOnce, faultStore, recordFault, type FaultState } from './fault-guard.ts';
import { pause, simStore } from './sim.ts';

let started = false;

export function startFaultRecovery(): void {
  if (started) return;
  started = true;
  onWorkerFault((fault) => {
    recordFault(documentStore.getState().text, fault);
    // The run lived in the old worker: the next Play starts a new one on the new reading.
    pause();
    simStore.setState({ revision: undefined, inFlight: 0 });
    reparse();
  });
}

/** The banner's "Read it anyway": feed the held text to the engine once. */
export function readAnyway(): void {
  allowOnce(documentStore.getState().text);
  reparse();
}

export function useFault<T>(selector: (s: FaultState) => T): T {
  return useStore(faultStore, selector);
}

export { dismissFault } from './fault-guard.ts';
