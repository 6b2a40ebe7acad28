// The setText gateway with History, without a browser: no localStorage, no IndexedDB (both fail,
// so History stays in memory and the document says storage is not ok), no worker.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../src/worker/client.ts', () => ({ parseInWorker: () => Promise.resolve(undefined) }));

const { documentStore, flushAutosave, initDocument, setAutosaveEnabled, setText } =
  await import('../../src/state/document.ts');
const { historyStore, PAUSE_MS, recordVersion, restoreVersion, startHistory } =
  await import('../../src/state/history.ts');

const texts = () => historyStore.getState().versions.map((v) => [v.text, v.reason]);

beforeEach(() => {
  vi.useFakeTimers();
  setAutosaveEnabled(true);
  historyStore.setState({ versions: [] });
  initDocument('kind: Namespace\nmetadata:\n  name: start\n');
  startHistory();
});

afterEach(async () => {
  await vi.runAllTimersAsync();
  vi.useRealTimers();
});

describe('History through setText', () => {
  it('records a version only after a pause in typing', async () => {
    setText('a: 1');
    await vi.advanceTimersByTimeAsync(PAUSE_MS / 2);
    setText('a: 12');
    await vi.advanceTimersByTimeAsync(PAUSE_MS - 1);
    expect(texts()).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(texts()).toEqual([['a: 12', 'pause']]);
  });

  it("keeps the replaced text when a load replaces it wholesale (source: 'load')", async () => {
    setText('mine: typed');
    setText('kind: Service\nmetadata:\n  name: loaded\n', { immediate: true, source: 'load' });
    await vi.advanceTimersByTimeAsync(0);
    expect(texts()).toEqual([['mine: typed', 'before-load']]);
    expect(historyStore.getState().versions[0]?.summary).toBe('mine: typed');
  });

  it('restoring brings a version back through setText and keeps the text it replaces', async () => {
    await recordVersion('pause', 'old: text');
    setText('new: text');
    const old = historyStore.getState().versions.find((v) => v.text === 'old: text');
    restoreVersion(old?.id ?? '');
    expect(documentStore.getState().text).toBe('old: text');
    expect(documentStore.getState().lastSource).toBe('restore');
    expect(texts()).toContainEqual(['new: text', 'before-restore']);
  });

  it('records nothing while autosave is off (a view-only page)', async () => {
    setAutosaveEnabled(false);
    setText('viewing: only');
    setText('other: text', { source: 'load' });
    await vi.advanceTimersByTimeAsync(PAUSE_MS * 2);
    expect(texts()).toEqual([]);
  });

  it('says storage is not ok when neither localStorage nor IndexedDB takes the save', async () => {
    setText('unsaved: text');
    flushAutosave();
    await vi.advanceTimersByTimeAsync(0);
    expect(documentStore.getState().storageOk).toBe(false);
  });
});
