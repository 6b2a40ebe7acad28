// A test-only switch for the fault tests (`?debug-fault=hang|throw` in the page's URL): the
// worker's next parse or simulation frame hangs (blocks its thread) or crashes (an uncaught
// error). One shot, in the user's own tab only; without the URL flag nothing arms it.
import type { EngineApi } from './protocol.ts';

export type DebugFaultKind = 'hang' | 'throw';

export interface DebugFaultApi {
  /** Arms a fault for the next `parse` or `simFrame`. */
  debugFault(kind: DebugFaultKind): Promise<void>;
}

export function isDebugFaultKind(value: string | null | undefined): value is DebugFaultKind {
  return value === 'hang' || value === 'throw';
}

export function withDebugFaults(api: EngineApi): EngineApi & DebugFaultApi {
  let armed: DebugFaultKind | undefined;

  function strike(): Promise<never> | undefined {
    const kind = armed;
    armed = undefined;
    if (kind === 'hang') {
      // Blocks the thread as an endless loop in the engine would: only terminate() ends it.
      const forever = Number.POSITIVE_INFINITY;
      while (performance.now() < forever) {
        /* hanging on purpose */
      }
    }
    if (kind === 'throw') {
      // Thrown outside comlink's handler, so it reaches the page as the worker's 'error' event.
      setTimeout(() => {
        throw new Error('debug fault: the engine crashed');
      }, 0);
      return new Promise<never>(() => undefined);
    }
    return undefined;
  }

  return {
    ...api,
    parse: (text, draw) => strike() ?? api.parse(text, draw),
    simFrame: (now, playing) => strike() ?? api.simFrame(now, playing),
    debugFault: (kind) => {
      armed = kind;
      return Promise.resolve();
    },
  };
}
