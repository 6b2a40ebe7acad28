import { gzipSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { collectPageErrors, pasteIntoEditor } from './support.ts';

// The engine worker hangs or crashes (the page's test switch `?debug-fault`, see
// src/worker/debug-fault.ts): the page says so, keeps the last good picture, restarts the
// worker and reads the text again; a text that keeps failing waits for "Read it anyway".

const EDITED = `apiVersion: v1
kind: Service
metadata:
  name: edited-svc
spec:
  selector:
    app: edited
  ports:
  - port: 80
`;

// Hang deadlines: 2 s plus 40 ms per KB for a parse, 20 s more for a fresh worker's first answer.
test.describe.configure({ timeout: 120_000 });

const graphOf = (page: Page) => page.getByRole('region', { name: 'Cluster graph' });
const playerOf = (page: Page) => page.getByRole('region', { name: 'Simulation' });
// Monaco keeps empty role=alert regions for screen readers; the page's banners have a button.
const banner = (page: Page) => page.getByRole('alert').filter({ has: page.getByRole('button') });

/** Opens the app with no autosave and the fault switch present (nothing armed yet). */
async function openWithSwitch(page: Page) {
  const seen = await collectPageErrors(page);
  // A new context per test: storage is already empty.
  await page.goto('/?debug-fault=on');
  await expect(page.getByTestId('editor')).toHaveAttribute('data-ready', 'true', { timeout: 60_000 });
  await expect(graphOf(page).getByRole('button', { name: /^whale-svc-a\b/ })).toBeVisible();
  return seen;
}

function arm(page: Page, kind: 'hang' | 'throw', times = 1) {
  return page.evaluate(
    ([k, n]) =>
      (globalThis as unknown as { podwireDebugFault(k: string, n: number): void }).podwireDebugFault(k, n),
    [kind, times] as const,
  );
}

function note(type: string, ms: number) {
  test.info().annotations.push({ type, description: `${Math.round(ms)} ms` });
  console.log(`${test.info().title}: ${type} ${Math.round(ms)} ms`);
}

test('a parse that hangs: banner, the old picture stays, the fresh worker reads the edit', async ({
  page,
}) => {
  const seen = await openWithSwitch(page);
  await arm(page, 'hang');
  const started = Date.now();
  await pasteIntoEditor(page, EDITED);
  // The worker is stuck: the last good picture is still drawn while the page waits.
  await expect(page.getByRole('status')).toHaveText('Reading…');
  await expect(graphOf(page).getByRole('button', { name: /^whale-svc-a\b/ })).toBeVisible();

  await expect(banner(page)).toContainText('The engine stopped answering while reading the text', {
    timeout: 60_000,
  });
  await expect(banner(page)).toContainText('restarted it');
  await expect(graphOf(page).getByRole('button', { name: /^edited-svc\b/ })).toBeVisible({ timeout: 60_000 });
  note('recovery-ms (edit to the picture of the edit, hang deadline included)', Date.now() - started);

  // And the next edit is read as usual.
  await pasteIntoEditor(page, EDITED.replaceAll('edited', 'again'));
  await expect(graphOf(page).getByRole('button', { name: /^again-svc\b/ })).toBeVisible();
  await banner(page).getByRole('button', { name: 'Dismiss' }).click();
  await expect(banner(page)).toHaveCount(0);
  expect(seen.errors).toEqual([]);
  expect(seen.violations).toEqual([]);
});

test('the worker crashes while the simulation plays: banner, paused, picture kept, Play and edits work again', async ({
  page,
}) => {
  const seen = await openWithSwitch(page);
  const player = playerOf(page);
  await player.getByRole('button', { name: 'Play' }).click();
  await expect(player.getByRole('button', { name: 'Pause' })).toBeVisible();
  const counters = player.getByRole('region', { name: 'Requests per pod' });
  await expect(counters.getByText(/^default\/whale-ingress-a-[a-z0-9]{5}$/)).toBeVisible({ timeout: 20_000 });
  const started = Date.now();
  await arm(page, 'throw');

  await expect(banner(page)).toContainText('The engine crashed while running the simulation', {
    timeout: 60_000,
  });
  await expect(player.getByRole('button', { name: 'Play' })).toBeVisible();
  await expect(graphOf(page).getByRole('button', { name: /^whale-svc-a\b/ })).toBeVisible();
  await expect(page.getByRole('status')).toHaveText('', { timeout: 60_000 });
  note('recovery-ms (crash to the text read again)', Date.now() - started);

  await player.getByRole('button', { name: 'Play' }).click();
  await expect(player.getByRole('button', { name: 'Pause' })).toBeVisible();
  await player.getByRole('button', { name: 'Pause' }).click();
  await pasteIntoEditor(page, EDITED);
  await expect(graphOf(page).getByRole('button', { name: /^edited-svc\b/ })).toBeVisible({ timeout: 60_000 });
  expect(seen.errors).toEqual([]);
  expect(seen.violations).toEqual([]);
});

test('a text that hangs twice is held, also after reopening, until "Read it anyway"', async ({ page }) => {
  test.setTimeout(180_000);
  const seen = await openWithSwitch(page);
  await arm(page, 'hang', 2);
  await pasteIntoEditor(page, EDITED);
  await expect(banner(page)).toContainText('Podwire has not read this text', { timeout: 90_000 });
  await expect(graphOf(page).getByRole('button', { name: /^whale-svc-a\b/ })).toBeVisible();
  expect(await page.evaluate(() => localStorage.getItem('podwire.fault.v1'))).toMatch(/:2\}$/);

  // Reopened (no switch): the autosaved text is not fed to the engine.
  await page.goto('/');
  await expect(page.getByTestId('editor')).toHaveAttribute('data-ready', 'true', { timeout: 60_000 });
  await expect(banner(page)).toContainText('Podwire has not read this text');
  await expect(graphOf(page).getByRole('button', { name: /^edited-svc\b/ })).toHaveCount(0);
  await expect(playerOf(page).getByRole('button', { name: 'Play' })).toBeDisabled();

  await banner(page).getByRole('button', { name: 'Read it anyway' }).click();
  await expect(graphOf(page).getByRole('button', { name: /^edited-svc\b/ })).toBeVisible({ timeout: 60_000 });
  await expect(banner(page)).toHaveCount(0);
  expect(await page.evaluate(() => localStorage.getItem('podwire.fault.v1'))).toBeNull();
  expect(seen.errors).toEqual([]);
  expect(seen.violations).toEqual([]);
});

test('a worker that crashes on the first parse is replaced and the scenario is drawn', async ({ page }) => {
  const seen = await collectPageErrors(page);
  const started = Date.now();
  await page.goto('/?debug-fault=throw');
  await expect(banner(page)).toContainText('The engine crashed while reading the text', { timeout: 60_000 });
  await expect(graphOf(page).getByRole('button', { name: /^whale-svc-a\b/ })).toBeVisible({
    timeout: 60_000,
  });
  note('recovery-ms (load to the picture)', Date.now() - started);
  expect(seen.errors).toEqual([]);
  expect(seen.violations).toEqual([]);
});

test('hostile-inputs item 32: a link whose scenario hangs the engine is held, and opens held after a reload', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const seen = await openWithSwitch(page);
  await arm(page, 'hang', 2);
  const fragment = `s1.${gzipSync(Buffer.from(JSON.stringify({ v: 1, text: EDITED, lang: 'en', speed: 1 }), 'utf8')).toString('base64url')}`;
  const started = Date.now();
  // Opened as a link arrives in an open tab (the fragment changes).
  await page.evaluate((f) => {
    location.hash = f;
  }, fragment);
  await expect(banner(page)).toContainText('Podwire has not read this text', { timeout: 90_000 });
  note('held after two hangs', Date.now() - started);
  await expect(graphOf(page).getByRole('button', { name: /^whale-svc-a\b/ })).toBeVisible();

  await page.goto('/');
  await expect(page.getByTestId('editor')).toHaveAttribute('data-ready', 'true', { timeout: 60_000 });
  await expect(banner(page)).toContainText('Podwire has not read this text');
  await expect(graphOf(page).getByRole('button', { name: /^edited-svc\b/ })).toHaveCount(0);
  await banner(page).getByRole('button', { name: 'Read it anyway' }).click();
  await expect(graphOf(page).getByRole('button', { name: /^edited-svc\b/ })).toBeVisible({ timeout: 60_000 });
  expect(seen.errors).toEqual([]);
  expect(seen.violations).toEqual([]);
});
