// The service worker's cache story, run in a sandbox with fake caches: install precaches this
// build's files, activate deletes older builds' caches (a new deployment replaces the old),
// fetch answers from the cache, any app URL navigates to index.html.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { serviceWorkerSource } from '../../scripts/sw-plugin.ts';

const SCOPE = 'https://podwire.test/app/';
const template = readFileSync(join(import.meta.dirname, '../../scripts/sw.js'), 'utf8');

type Listener = (event: {
  waitUntil(p: Promise<unknown>): void;
  respondWith(p: Promise<unknown>): void;
  request?: unknown;
}) => void;

function sandbox(version: string, files: readonly string[], existing: Record<string, string[]>) {
  const stores = new Map<string, Map<string, string>>(
    Object.entries(existing).map(([name, urls]) => [name, new Map(urls.map((u) => [u, `old ${u}`]))]),
  );
  const listeners = new Map<string, Listener>();
  const fetched: string[] = [];
  const open = (name: string) => {
    const store = stores.get(name) ?? new Map<string, string>();
    stores.set(name, store);
    return Promise.resolve({
      addAll: (urls: string[]) => {
        for (const u of urls) store.set(new URL(u, SCOPE).href, `body of ${u}`);
        return Promise.resolve();
      },
      match: (key: string | { url: string }, options: { ignoreSearch?: boolean } = {}) => {
        const url = new URL(typeof key === 'string' ? key : key.url);
        if (options.ignoreSearch) url.search = '';
        return Promise.resolve(store.get(url.href));
      },
    });
  };
  const self = {
    location: { origin: 'https://podwire.test' },
    registration: { scope: SCOPE },
    clients: { claim: () => Promise.resolve() },
    skipWaiting: () => Promise.resolve(),
    addEventListener: (type: string, listener: Listener) => listeners.set(type, listener),
  };
  const caches = {
    open,
    keys: () => Promise.resolve([...stores.keys()]),
    delete: (name: string) => Promise.resolve(stores.delete(name)),
  };
  const fetch = (request: { url: string }) => {
    fetched.push(request.url);
    return Promise.resolve(`network ${request.url}`);
  };
  runInNewContext(serviceWorkerSource(template, files, version), { self, caches, fetch, URL, Promise });

  async function fire(type: string, request?: { url: string; mode: string; method: string }) {
    const waits: Promise<unknown>[] = [];
    let response: Promise<unknown> | undefined;
    listeners.get(type)?.({
      waitUntil: (p) => {
        waits.push(p);
      },
      respondWith: (p) => {
        response = p;
      },
      request,
    });
    await Promise.all(waits);
    return response ? await response : undefined;
  }
  return { stores, fetched, fire };
}

describe('service worker', () => {
  it('install precaches every file of the build under its version', async () => {
    const sw = sandbox('v2', ['index.html', 'assets/index-abc.js', 'podwire.svg'], {});
    await sw.fire('install');
    expect([...(sw.stores.get('podwire-v2')?.keys() ?? [])]).toEqual([
      SCOPE,
      `${SCOPE}index.html`,
      `${SCOPE}assets/index-abc.js`,
      `${SCOPE}podwire.svg`,
    ]);
  });

  it("activate deletes older builds' caches and keeps other apps' caches", async () => {
    const sw = sandbox('v2', ['index.html'], { 'podwire-v1': [`${SCOPE}index.html`], 'someone-else': [] });
    await sw.fire('install');
    await sw.fire('activate');
    expect([...sw.stores.keys()].sort()).toEqual(['podwire-v2', 'someone-else']);
  });

  it('answers from the cache; any app URL opens index.html; other requests go to the network', async () => {
    const sw = sandbox('v2', ['index.html', 'assets/a.js'], {});
    await sw.fire('install');
    const get = (url: string, mode = 'cors') => sw.fire('fetch', { url, mode, method: 'GET' });
    expect(await get(`${SCOPE}assets/a.js`)).toBe('body of ./assets/a.js');
    expect(await get(`${SCOPE}?debug-fault=on#s=abc`, 'navigate')).toBe('body of ./index.html');
    expect(sw.fetched).toEqual([]);
    expect(await get(`${SCOPE}assets/missing.js`)).toBe(`network ${SCOPE}assets/missing.js`);
    // Another origin's request is left to the browser.
    expect(await get('https://elsewhere.test/x.js')).toBeUndefined();
    expect(sw.fetched).toEqual([`${SCOPE}assets/missing.js`]);
  });
});
