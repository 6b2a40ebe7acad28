import { expect, test } from '@playwright/test';
import { collectPageErrors, pasteIntoEditor } from './support.ts';

// After the first visit the service worker (scripts/sw.js) holds the whole build: offline, a
// reload still opens the editor (Monaco and its workers), the engine and the picture.

const EDITED = `apiVersion: v1
kind: Service
metadata:
  name: offline-svc
spec:
  selector:
    app: offline
  ports:
  - port: 80
`;

test('after the first load the app opens, reads and draws offline', async ({ page, context }) => {
  const seen = await collectPageErrors(page);
  await page.goto('/');
  await page.evaluate(() => localStorage.clear());
  await expect(page.getByTestId('editor')).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
  // Installed (every file precached) and controlling the page.
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  const cached = await page.evaluate(async () => {
    const names = await caches.keys();
    const cache = await caches.open(names.find((n) => n.startsWith('podwire-')) ?? '');
    return (await cache.keys()).map((r) => new URL(r.url).pathname);
  });
  expect(cached.some((p) => /\/assets\/engine\.worker-.*\.js$/.test(p))).toBe(true);
  expect(cached.some((p) => /\/assets\/yaml\.worker-.*\.js$/.test(p))).toBe(true);

  await context.setOffline(true);
  // Every request now fails unless the service worker answers it from its cache.
  await context.route('**/*', (route) => route.abort('internetdisconnected'));
  const response = await page.reload();
  expect(response?.fromServiceWorker()).toBe(true);
  await expect(page.getByTestId('editor')).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
  const graph = page.getByRole('region', { name: 'Cluster graph' });
  await expect(graph.getByRole('button', { name: /^whale-svc-a\b/ })).toBeVisible();
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);

  await pasteIntoEditor(page, EDITED);
  await expect(graph.getByRole('button', { name: /^offline-svc\b/ })).toBeVisible();
  expect(seen.errors).toEqual([]);
  expect(seen.violations).toEqual([]);
});
