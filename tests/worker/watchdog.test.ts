import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createWatchdog, type WorkerFault, type WorkerHandle } from '../../src/worker/watchdog.ts';

// A fake worker: each command returns a promise the test settles by hand.
interface FakeRemote {
  ask(label: string): Promise<string>;
}

function fakeWorkers() {
  const spawned: {
    terminated: boolean;
    crash: (detail: string) => void;
    answer: Map<string, (v: string) => void>;
  }[] = [];
  const spawn = (): WorkerHandle<FakeRemote> => {
    const record: (typeof spawned)[number] = {
      terminated: false,
      crash: () => undefined,
      answer: new Map<string, (v: string) => void>(),
    };
    spawned.push(record);
    return {
      remote: { ask: (label) => new Promise<string>((resolve) => record.answer.set(label, resolve)) },
      terminate: () => {
        record.terminated = true;
      },
      onCrash: (listener) => {
        record.crash = listener;
      },
    };
  };
  return { spawned, spawn };
}

describe('watchdog', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('passes answers through and spawns one worker lazily', async () => {
    const { spawned, spawn } = fakeWorkers();
    const faults: WorkerFault[] = [];
    const dog = createWatchdog(spawn, (f) => faults.push(f));
    expect(spawned).toHaveLength(0);
    const answer = dog.call('parse', 1000, (r) => r.ask('a'));
    spawned[0]?.answer.get('a')?.('A');
    await expect(answer).resolves.toBe('A');
    expect(dog.pending()).toBe(0);
    vi.advanceTimersByTime(10_000);
    expect(faults).toEqual([]);
    expect(spawned).toHaveLength(1);
  });

  it('a command past its deadline ends the worker; everything waiting settles undefined; the next call starts a fresh one', async () => {
    const { spawned, spawn } = fakeWorkers();
    const faults: WorkerFault[] = [];
    const dog = createWatchdog(spawn, (f) => faults.push(f));
    const first = dog.call('parse', 2000, (r) => r.ask('a'));
    const second = dog.call('simFrame', 500, (r) => r.ask('b'));
    vi.advanceTimersByTime(1999);
    expect(faults).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(faults).toEqual([{ kind: 'hang', command: 'parse', detail: 'no answer to parse within 2000 ms' }]);
    expect(spawned[0]?.terminated).toBe(true);
    await expect(first).resolves.toBeUndefined();
    await expect(second).resolves.toBeUndefined();
    // A late answer from the dead worker changes nothing.
    spawned[0]?.answer.get('a')?.('late');
    const third = dog.call('parse', 2000, (r) => r.ask('c'));
    expect(spawned).toHaveLength(2);
    spawned[1]?.answer.get('c')?.('C');
    await expect(third).resolves.toBe('C');
  });

  it('a command queued behind a slow one gets its deadline from the last answer', async () => {
    const { spawned, spawn } = fakeWorkers();
    const faults: WorkerFault[] = [];
    const dog = createWatchdog(spawn, (f) => faults.push(f));
    const slow = dog.call('parse', 3000, (r) => r.ask('slow'));
    const queued = dog.call('simFrame', 1000, (r) => r.ask('frame'));
    vi.advanceTimersByTime(2500);
    spawned[0]?.answer.get('slow')?.('S');
    await expect(slow).resolves.toBe('S');
    // 2.5 s after it was sent, but only now the worker turns to it.
    vi.advanceTimersByTime(999);
    expect(faults).toEqual([]);
    spawned[0]?.answer.get('frame')?.('F');
    await expect(queued).resolves.toBe('F');
    vi.advanceTimersByTime(5000);
    expect(faults).toEqual([]);
  });

  it('a crash ends the worker at once, and a crash of an old worker is ignored', async () => {
    const { spawned, spawn } = fakeWorkers();
    const faults: WorkerFault[] = [];
    const dog = createWatchdog(spawn, (f) => faults.push(f));
    const waiting = dog.call('parse', 60_000, (r) => r.ask('a'));
    spawned[0]?.crash('Uncaught Error: boom');
    expect(faults).toEqual([{ kind: 'crash', command: 'parse', detail: 'Uncaught Error: boom' }]);
    await expect(waiting).resolves.toBeUndefined();
    spawned[0]?.crash('again');
    expect(faults).toHaveLength(1);
    void dog.call('parse', 60_000, (r) => r.ask('b'));
    expect(spawned).toHaveLength(2);
    expect(spawned[1]?.terminated).toBe(false);
  });

  it("a command's own error is passed on, not taken for a crash", async () => {
    const { spawn } = fakeWorkers();
    const faults: WorkerFault[] = [];
    const dog = createWatchdog(spawn, (f) => faults.push(f));
    const failing = dog.call('rules', 1000, () => Promise.reject(new Error('no such node')));
    await expect(failing).rejects.toThrow('no such node');
    vi.advanceTimersByTime(5000);
    expect(faults).toEqual([]);
  });

  it("a fresh worker's first answer gets the start-up allowance, later ones do not", async () => {
    const { spawned, spawn } = fakeWorkers();
    const faults: WorkerFault[] = [];
    const dog = createWatchdog(spawn, (f) => faults.push(f), 3000);
    const first = dog.call('parse', 1000, (r) => r.ask('a'));
    vi.advanceTimersByTime(3999);
    expect(faults).toEqual([]);
    spawned[0]?.answer.get('a')?.('A');
    await expect(first).resolves.toBe('A');
    void dog.call('parse', 1000, (r) => r.ask('b'));
    vi.advanceTimersByTime(1000);
    expect(faults).toEqual([{ kind: 'hang', command: 'parse', detail: 'no answer to parse within 1000 ms' }]);
    // The next worker has the allowance again.
    void dog.call('parse', 1000, (r) => r.ask('c'));
    vi.advanceTimersByTime(3999);
    expect(faults).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(faults[1]?.detail).toBe('no answer to parse within 4000 ms');
  });
});
