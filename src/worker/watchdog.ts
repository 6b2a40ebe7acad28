// Supervises a worker: every command has an id and a deadline. A command that does not answer
// in time (a hang), or the worker's own 'error'/'messageerror' (a crash), ends that worker: it
// is terminated, every waiting command settles with undefined, and the next command starts a
// fresh worker. The deadline counts from the worker's last answer, so a command queued behind
// a slow one is not blamed for the wait; a fresh worker's first answer gets `startupMs` more
// (loading the engine's code and compiling it, slow on a busy machine).

export type FaultKind = 'hang' | 'crash';

export interface WorkerFault {
  readonly kind: FaultKind;
  /** The command that was waiting longest when the worker was given up (`parse`, `simFrame`, …). */
  readonly command: string;
  readonly detail: string;
}

/** A started worker as the watchdog sees it. */
export interface WorkerHandle<R> {
  readonly remote: R;
  terminate(): void;
  /** Calls `listener` once the worker crashes (uncaught error, unreadable message). */
  onCrash(listener: (detail: string) => void): void;
}

export interface Watchdog<R> {
  /** Sends a command; resolves undefined when its worker hung or crashed before answering. */
  call<T>(command: string, deadlineMs: number, run: (remote: R) => Promise<T>): Promise<T | undefined>;
  /** Commands sent and not yet answered. */
  pending(): number;
}

interface Waiting {
  readonly command: string;
  readonly deadlineMs: number;
  readonly sentAt: number;
  readonly settle: () => void;
}

// Timers are looked up at call time, so fake timers in tests take effect.
const now = (): number => Date.now();

export function createWatchdog<R>(
  spawn: () => WorkerHandle<R>,
  onFault: (fault: WorkerFault) => void,
  startupMs = 0,
): Watchdog<R> {
  let current: WorkerHandle<R> | undefined;
  let generation = 0;
  let nextId = 0;
  let lastAnswer = 0;
  /** Whether the current worker has answered anything yet. */
  let heardFrom = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  /** In send order: the first is the one the worker should be answering now. */
  const waiting = new Map<number, Waiting>();

  function instance(): WorkerHandle<R> {
    if (current) return current;
    const handle = spawn();
    const born = ++generation;
    handle.onCrash((detail) => {
      if (born === generation) giveUp('crash', detail);
    });
    current = handle;
    heardFrom = false;
    lastAnswer = now();
    return handle;
  }

  function arm(): void {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    const head = waiting.values().next().value;
    if (!head) return;
    const allowed = head.deadlineMs + (heardFrom ? 0 : startupMs);
    const due = Math.max(head.sentAt, lastAnswer) + allowed;
    timer = setTimeout(
      () => giveUp('hang', `no answer to ${head.command} within ${allowed} ms`),
      Math.max(0, due - now()),
    );
  }

  function giveUp(kind: FaultKind, detail: string): void {
    const head = waiting.values().next().value;
    current?.terminate();
    current = undefined;
    generation++;
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    const settled = [...waiting.values()];
    waiting.clear();
    for (const w of settled) w.settle();
    onFault({ kind, command: head?.command ?? 'idle', detail });
  }

  function answered(id: number): boolean {
    if (!waiting.delete(id)) return false;
    lastAnswer = now();
    heardFrom = true;
    arm();
    return true;
  }

  return {
    call<T>(command: string, deadlineMs: number, run: (remote: R) => Promise<T>): Promise<T | undefined> {
      const handle = instance();
      const id = ++nextId;
      return new Promise<T | undefined>((resolve, reject) => {
        waiting.set(id, { command, deadlineMs, sentAt: now(), settle: () => resolve(undefined) });
        if (waiting.size === 1) arm();
        run(handle.remote).then(
          (value) => answered(id) && resolve(value),
          (error: unknown) =>
            answered(id) && reject(error instanceof Error ? error : new Error(String(error))),
        );
      });
    },
    pending: () => waiting.size,
  };
}
