import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { collectPageErrors, pasteIntoEditor } from './support.ts';

// The built page carries a Content-Security-Policy: scripts and workers from the page's own
// origin only, no eval, no plugins, no <base>. The whole app runs under it without a violation,
// and the suite's detector really sees one when a page breaks it.

// Two unnamed ports: the API server wants names (spec.ports[0].name: Required value).
const BROKEN_SERVICE = readFileSync(new URL('fixtures/broken-service.yaml', import.meta.url), 'utf8');

async function openFresh(page: Page): Promise<void> {
  // A new context per test: storage is already empty, one load is a first visit.
  await page.goto('/');
  await expect(page.getByTestId('editor')).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
}

test('the built page has the policy with every required directive', async ({ page, request }) => {
  await page.goto('/');
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(policy).not.toBeNull();
  const directives = new Map(
    (policy ?? '').split(';').map((d) => {
      const [name = '', ...sources] = d.trim().split(/\s+/);
      return [name, sources] as const;
    }),
  );
  expect(directives.get('default-src')).toEqual(["'self'"]);
  expect(directives.get('script-src')).toEqual(["'self'"]);
  expect(directives.get('worker-src')).toEqual(["'self'"]);
  expect(directives.get('object-src')).toEqual(["'none'"]);
  expect(directives.get('base-uri')).toEqual(["'none'"]);
  expect(directives.get('connect-src')).toEqual(["'self'"]);
  expect(directives.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
  expect(policy).not.toContain('unsafe-eval');
  // The preview server sends the same policy as a header.
  const response = await request.get('/');
  expect(response.headers()['content-security-policy']).toBe(policy);
});

test('the app, Monaco and its workers, the engine and the graph run with no violation', async ({ page }) => {
  const seen = await collectPageErrors(page);
  await openFresh(page);
  const graph = page.getByRole('region', { name: 'Cluster graph' });
  await expect(graph.getByRole('button', { name: /^Node node-1/ })).toBeVisible();

  await pasteIntoEditor(page, BROKEN_SERVICE);
  const problems = page.getByRole('region', { name: 'Problems' });
  await expect(
    problems.getByRole('button', { name: /9:5.*spec\.ports\[0\]\.name: Required value/ }),
  ).toBeVisible();
  // Completion asks monaco-yaml's worker: it starts under the policy too.
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Control+Space');
  await expect(page.locator('.monaco-editor .suggest-widget').first()).toBeVisible();
  expect(page.workers().length).toBeGreaterThanOrEqual(2);

  expect(seen.errors).toEqual([]);
  expect(seen.violations).toEqual([]);
});

test('the detector sees a violation: an inserted inline script is refused and recorded', async ({ page }) => {
  const seen = await collectPageErrors(page);
  await openFresh(page);
  const ran = await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__podwireInlineRan = true;';
    document.body.append(script);
    return (window as unknown as { __podwireInlineRan?: boolean }).__podwireInlineRan === true;
  });
  expect(ran).toBe(false);
  await expect.poll(() => seen.violations.join('\n')).toContain('script-src');
  expect(seen.errors).toEqual([]);
});
