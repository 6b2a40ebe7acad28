import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { pasteIntoEditor } from './support.ts';

// The editor as a user meets it: type a broken Service, see the marker on the right line and
// the API server's message, fix it, see the marker go, reload, find the text still there.

// Two unnamed ports: the API server wants names (spec.ports[0].name: Required value).
const BROKEN_SERVICE = readFileSync(new URL('fixtures/broken-service.yaml', import.meta.url), 'utf8');

async function openEditor(page: Page) {
  await page.goto('/');
  await expect(page.getByTestId('editor')).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
}

const replaceText = pasteIntoEditor;

/** The line numbers (as drawn in the gutter) that carry a squiggle of this severity. */
async function squiggledLines(page: Page, severity: 'error' | 'warning' | 'info'): Promise<number[]> {
  return page.evaluate((sev) => {
    const lineAt = new Map<string, string>();
    for (const n of document.querySelectorAll<HTMLElement>('.margin-view-overlays > div')) {
      const number = n.querySelector('.line-numbers')?.textContent?.trim();
      if (number) lineAt.set(n.style.top, number);
    }
    const lines = new Set<number>();
    for (const s of document.querySelectorAll<HTMLElement>(`.view-overlays .squiggly-${sev}`)) {
      const row = s.parentElement;
      const n = row ? lineAt.get(row.style.top) : undefined;
      if (n) lines.add(Number(n));
    }
    return [...lines].sort((a, b) => a - b);
  }, severity);
}

const errors: string[] = [];
const offHost: string[] = [];

test.beforeEach(({ page }) => {
  errors.length = 0;
  offHost.length = 0;
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (!['127.0.0.1', 'localhost'].includes(url.hostname) && !['data:', 'blob:'].includes(url.protocol))
      offHost.push(r.url());
  });
});

test.afterEach(() => {
  // Offline and static: nothing is fetched from anywhere but our own server, and nothing throws.
  expect(offHost).toEqual([]);
  expect(errors).toEqual([]);
});

test('a broken Service is marked on its line, fixed, and survives a reload', async ({ page }) => {
  await openEditor(page);
  await replaceText(page, BROKEN_SERVICE);

  const problems = page.getByRole('region', { name: 'Problems' });
  await expect(
    problems.getByRole('button', { name: /9:5.*spec\.ports\[0\]\.name: Required value/ }),
  ).toBeVisible();
  await expect(
    problems.getByRole('button', { name: /10:5.*spec\.ports\[1\]\.name: Required value/ }),
  ).toBeVisible();
  await expect.poll(() => squiggledLines(page, 'error')).toEqual([9, 10]);

  // The problems list jumps to the line.
  await problems.getByRole('button', { name: /10:5/ }).click();
  await expect(page.locator('.monaco-editor .line-numbers.active-line-number')).toHaveText('10');

  // Fix it: name both ports.
  await replaceText(
    page,
    BROKEN_SERVICE.replace('- port: 80', '- name: http\n    port: 80').replace(
      '- port: 443',
      '- name: https\n    port: 443',
    ),
  );
  // The API server's errors are gone; what is left is the cluster's advice: no pod has app=web.
  const selectorWarning = problems.getByRole('button', {
    name: /7:5.*selects app=web but no pod in namespace default/,
  });
  await expect(selectorWarning).toBeVisible();
  await expect(problems.getByRole('img', { name: 'error' })).toHaveCount(0);
  await expect.poll(() => squiggledLines(page, 'error')).toEqual([]);
  await expect.poll(() => squiggledLines(page, 'warning')).toEqual([7]);
  await expect(
    page.getByRole('region', { name: 'Objects' }).getByRole('button', { name: /Service\s*web/ }),
  ).toBeVisible();

  // Reload: the text comes back from the autosave.
  await page.waitForTimeout(400);
  await page.reload();
  await expect(page.getByTestId('editor')).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
  const shown = (await page.locator('.monaco-editor .view-lines').innerText()).replace(/\u00a0/g, ' ');
  expect(shown).toContain('name: https');
  await expect(selectorWarning).toBeVisible();
  await expect(problems.getByRole('img', { name: 'error' })).toHaveCount(0);
});

test('the default scenario opens with its objects and no errors', async ({ page }) => {
  await page.evaluate(() => localStorage.clear()).catch(() => undefined);
  await openEditor(page);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await expect(page.getByTestId('editor')).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
  const objects = page.getByRole('region', { name: 'Objects' });
  await expect(objects.getByRole('button', { name: /Ingress\s*whale-ingress/ })).toBeVisible();
  await expect(
    objects.getByRole('button', { name: /ReplicationController\s*whale-ingress-a/ }),
  ).toBeVisible();
  await expect(page.getByRole('region', { name: 'Problems' }).getByText('No problems')).toBeVisible();
});

test('typing a field name offers schema completion with documentation', async ({ page }) => {
  await openEditor(page);
  await replaceText(page, 'apiVersion: v1\nkind: Service\nspec:\n  ');
  await page.keyboard.type('sessionAff');
  await page.keyboard.press('Control+Space');
  const suggest = page.locator('.suggest-widget');
  await expect(suggest.getByText('sessionAffinity', { exact: true })).toBeVisible();
  await page.keyboard.press('Escape');

  // Hover docs come from the Kubernetes OpenAPI descriptions.
  await replaceText(
    page,
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  sessionAffinity: ClientIP\n',
  );
  await page
    .locator('.monaco-editor .view-line', { hasText: 'sessionAffinity' })
    .getByText('sessionAffinity')
    .hover();
  await expect(
    page.locator('.monaco-hover-content').filter({ hasText: 'Supports "ClientIP" and "None"' }),
  ).toBeVisible();
});
