// A save that replaces a text another page saved keeps that text in History first; a save on top
// of a newer text from another tab does not happen at all (the user is asked).
import { describe, expect, it, vi } from 'vitest';

vi.mock('../../src/worker/client.ts', () => ({ parseInWorker: () => Promise.resolve(undefined) }));

const items = new Map<string, string>();
vi.stubGlobal('localStorage', {
  getItem: (key: string) => items.get(key) ?? null,
  setItem: (key: string, value: string) => void items.set(key, value),
});
items.set('podwire.autosave.v1', 'theirs: saved');
items.set('podwire.autosave.rev.v1', JSON.stringify({ n: 3, at: 10, tab: 'other' }));

const { autosaveStore } = await import('../../src/state/autosave.ts');
const { documentStore, flushAutosave, initDocument, setText } = await import('../../src/state/document.ts');
const { historyStore, startHistory } = await import('../../src/state/history.ts');

describe("saving over another page's text", () => {
  it('opens with the saved text, and keeps it in History when the first save replaces it', async () => {
    initDocument('default: text');
    startHistory();
    expect(documentStore.getState().text).toBe('theirs: saved');
    setText('mine: typed');
    flushAutosave();
    await Promise.resolve();
    expect(items.get('podwire.autosave.v1')).toBe('mine: typed');
    expect(JSON.parse(items.get('podwire.autosave.rev.v1') ?? '{}')).toMatchObject({ n: 4 });
    expect(historyStore.getState().versions.map((v) => [v.text, v.reason])).toContainEqual([
      'theirs: saved',
      'replaced',
    ]);
  });

  it('does not save over a newer text another tab saved meanwhile: it raises a conflict', () => {
    items.set('podwire.autosave.v1', 'newer: from B');
    items.set('podwire.autosave.rev.v1', JSON.stringify({ n: 9, at: 20, tab: 'b' }));
    setText('mine: more');
    flushAutosave();
    expect(items.get('podwire.autosave.v1')).toBe('newer: from B');
    expect(autosaveStore.getState().conflict?.text).toBe('newer: from B');
  });
});
