// The simulation half of the worker API: one run at a time, on one kept reading and its picture.
import { transfer } from 'comlink';
import type { PlacedNode, SimApi } from './protocol.ts';
import type { Reading } from './ingress.ts';
import { frameAt, startSession, type SimSession } from './sim.ts';

export interface DrawnReading {
  readonly reading: Reading;
  readonly nodes: readonly PlacedNode[];
}

export function createSimApi(drawn: (revision: number) => DrawnReading | undefined): SimApi {
  let session: SimSession | undefined;
  return {
    simStart: (revision, settings) => {
      const found = drawn(revision);
      session = found ? startSession(found.reading, revision, found.nodes, settings) : undefined;
      return Promise.resolve(session !== undefined);
    },
    simFrame: (now, playing) => {
      if (!session) return Promise.resolve(undefined);
      const frame = frameAt(session, now, { batch: playing });
      return Promise.resolve(transfer(frame, [frame.packets.buffer]));
    },
    simSend: (from, to) => Promise.resolve(session?.sim.send(from, to)),
    simCounters: () => Promise.resolve(session?.sim.counters()),
    simSetPodReady: (namespace, name, ready) => {
      session?.sim.setPodReady(namespace, name, ready);
      return Promise.resolve();
    },
  };
}
