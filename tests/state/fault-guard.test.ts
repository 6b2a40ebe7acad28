import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { WorkerFault } from '../../src/worker/watchdog.ts';

// The crash-loop guard, with a Map standing in for localStorage; "reopening the app" is a fresh
// import of the module over the same storage.

const HANG: WorkerFault = { kind: 'hang', command: 'parse', detail: 'no answer' };
const storage = new Map<string, string>();

async function freshGuard() {
  vi.resetModules();
  return import('../../src/state/fault-guard.ts');
}

describe('fault guard', () => {
  beforeEach(() => {
    storage.clear();
    vi.stubGlobal('localStorage', {
      getItem: (k: string) => storage.get(k) ?? null,
      setItem: (k: string, v: string) => storage.set(k, v),
      removeItem: (k: string) => storage.delete(k),
    });
  });

  it('feeds a text once more after its first fault, holds it after the second', async () => {
    const guard = await freshGuard();
    expect(guard.mayFeed('kind: Pod')).toBe(true);
    expect(guard.recordFault('kind: Pod', HANG)).toBe(1);
    expect(guard.faultStore.getState().fault).toEqual(HANG);
    expect(guard.mayFeed('kind: Pod')).toBe(true);
    expect(guard.recordFault('kind: Pod', HANG)).toBe(2);
    expect(guard.mayFeed('kind: Pod')).toBe(false);
    expect(guard.faultStore.getState().held).toBe(true);
    // Another text (an edit) goes through.
    expect(guard.mayFeed('kind: Service')).toBe(true);
    expect(guard.faultStore.getState().held).toBe(false);
  });

  it('"Read it anyway" lets the held text through once; another fault holds it again', async () => {
    const guard = await freshGuard();
    guard.recordFault('t', HANG);
    guard.recordFault('t', HANG);
    expect(guard.mayFeed('t')).toBe(false);
    guard.allowOnce('t');
    expect(guard.faultStore.getState().held).toBe(false);
    expect(guard.mayFeed('t')).toBe(true);
    expect(guard.recordFault('t', HANG)).toBe(3);
    expect(guard.mayFeed('t')).toBe(false);
  });

  it('reopened after one fault, the app holds that text; a good reading forgets it', async () => {
    const before = await freshGuard();
    before.recordFault('scenario', HANG);
    expect(JSON.parse(storage.get(before.FAULT_KEY) ?? '{}')).toEqual({ [before.textHash('scenario')]: 1 });

    const reopened = await freshGuard();
    expect(reopened.mayFeed('scenario')).toBe(false);
    expect(reopened.faultStore.getState().held).toBe(true);
    reopened.allowOnce('scenario');
    expect(reopened.mayFeed('scenario')).toBe(true);
    reopened.readFine('scenario');
    expect(storage.has(reopened.FAULT_KEY)).toBe(false);

    const again = await freshGuard();
    expect(again.mayFeed('scenario')).toBe(true);
  });

  it('unreadable storage is treated as no record', async () => {
    const guard = await freshGuard();
    storage.set(guard.FAULT_KEY, '{not json');
    expect(guard.mayFeed('x')).toBe(true);
    storage.set(guard.FAULT_KEY, JSON.stringify({ a: 'b' }));
    expect(guard.mayFeed('x')).toBe(true);
  });

  it('the hash tells texts apart and is stable', async () => {
    const { textHash } = await freshGuard();
    expect(textHash('abc')).toBe(textHash('abc'));
    expect(textHash('abc')).not.toBe(textHash('abd'));
    expect(textHash('')).toMatch(/^[0-9a-f]{8}:0$/);
  });
});
