import { expect, test, type Page } from '@playwright/test';
import { paintedPixels, pasteIntoEditor, startFreshWithDefaultScenario } from './support.ts';

// The page-level items of ../shared/hostile-inputs.md that no other spec covers: a paste past the
// size cap (4), binary garbage (6), and reduced motion, keyboard only and 200% zoom (38). Each
// checks the message and that the last good picture (and the typed text) stays.

startFreshWithDefaultScenario();

const problemsOf = (page: Page) => page.getByRole('region', { name: 'Problems' });
const graphOf = (page: Page) => page.getByRole('region', { name: 'Cluster graph' });
const playerOf = (page: Page) => page.getByRole('region', { name: 'Simulation' });

const editorText = (page: Page) =>
  page.evaluate(() => {
    // What the editor shows (Monaco draws spaces as no-break spaces and lines without breaks).
    return document.querySelector('.monaco-editor .view-lines')?.textContent ?? '';
  });

test('item 4: a 10 MB paste is refused before reading, saying which cap; the picture stays', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await expect(graphOf(page).getByRole('button', { name: /^whale-svc-a\b/ })).toBeVisible();
  const doc =
    'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\nspec:\n  selector: {matchLabels: {app: d}}\n  template:\n    metadata: {labels: {app: d}}\n    spec: {containers: [{name: c, image: nginx}]}\n---\n';
  const text = doc.repeat(Math.ceil((10 * 1024 * 1024) / doc.length));
  await pasteIntoEditor(page, text);
  await expect(
    problemsOf(page).getByRole('button', { name: /1:1 the text is 10\.0 MB; Podwire reads at most 8\.0 MB/ }),
  ).toBeVisible({
    timeout: 60_000,
  });
  // The last good picture is still drawn and the pasted text is still in the editor.
  await expect(graphOf(page).getByRole('button', { name: /^whale-svc-a\b/ })).toBeVisible();
  expect(await editorText(page)).toMatch(/kind:\s+Deployment/);
});

test('item 6: binary garbage gets a located message; the picture stays', async ({ page }) => {
  await expect(graphOf(page).getByRole('button', { name: /^whale-svc-a\b/ })).toBeVisible();
  await pasteIntoEditor(page, '\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR\u0000\u0000\u0001\u0000');
  const problem = problemsOf(page).getByRole('listitem').first();
  await expect(problem).toContainText(/^1:1.*this looks like a PNG image, not YAML/);
  await expect(graphOf(page).getByRole('button', { name: /^whale-svc-a\b/ })).toBeVisible();
});

test.describe('item 38: prefers-reduced-motion', () => {
  test.use({ reducedMotion: 'reduce' });
  test('is honoured: the run advances with no moving dots, until motion is turned back on', async ({
    page,
  }) => {
    const player = playerOf(page);
    await expect(player.getByRole('checkbox', { name: 'No motion' })).toBeChecked();
    await player.getByLabel('Speed').selectOption('4');
    await player.getByRole('button', { name: 'Play' }).click();
    const counters = player.getByRole('region', { name: 'Requests per pod' });
    await expect(counters.getByText(/^default\/whale-ingress-a-[a-z0-9]{5}$/)).toBeVisible({
      timeout: 20_000,
    });
    expect(await paintedPixels(page)).toBe(0);
    // The same page draws dots once motion is allowed: the check above could fail.
    await player.getByRole('checkbox', { name: 'No motion' }).uncheck();
    await expect.poll(() => paintedPixels(page), { timeout: 15_000 }).toBeGreaterThan(0);
  });
});

test('item 38: keyboard only: Tab reaches the editor, leaves it (Ctrl+M), reaches the graph and plays', async ({
  page,
}) => {
  await expect(graphOf(page).getByRole('button', { name: /^whale-svc-a\b/ })).toBeVisible();
  const focused = () =>
    page.evaluate(() => {
      const el = document.activeElement;
      if (el?.closest('.monaco-editor')) return 'editor';
      return el?.getAttribute('aria-label') ?? el?.textContent?.trim().slice(0, 40) ?? '';
    });
  const reached: string[] = [];
  const seen: string[] = [];
  for (let i = 0; i < 200 && !reached.includes('Play'); i++) {
    await page.keyboard.press('Tab');
    const name = await focused();
    seen.push(name);
    if (name === 'editor' && !reached.includes('editor')) {
      reached.push('editor');
      // Tab indents in the editor; Monaco's Ctrl+M (told in the hint under it) makes Tab move on.
      await page.keyboard.press('Control+M');
    }
    if (/^whale-svc-a(?!-)/.test(name) && !reached.includes('graph')) reached.push('graph');
    if (name === 'Play') reached.push('Play');
  }
  expect(reached, seen.join(' | ')).toEqual(['editor', 'graph', 'Play']);
  await page.keyboard.press('Enter');
  await expect(playerOf(page).getByRole('button', { name: 'Pause' })).toBeVisible();
  // Tabbing through the editor wrote nothing into the text.
  await expect(problemsOf(page).getByRole('heading')).toHaveText('Problems 0');
});

test.describe('item 38: 200% zoom', () => {
  // A 1280 x 720 window at 200% zoom lays out in 640 x 360 CSS pixels.
  test.use({ viewport: { width: 640, height: 360 }, deviceScaleFactor: 2 });
  test('keeps the editor, the graph and the player reachable and nothing cut off sideways', async ({
    page,
  }) => {
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    for (const region of ['Cluster graph', 'Simulation', 'Problems']) {
      const r = page.getByRole('region', { name: region });
      await r.scrollIntoViewIfNeeded();
      await expect(r).toBeInViewport();
    }
    const editor = page.getByTestId('editor');
    await editor.scrollIntoViewIfNeeded();
    await expect(editor).toBeInViewport();
    const play = playerOf(page).getByRole('button', { name: 'Play' });
    await play.scrollIntoViewIfNeeded();
    await play.click();
    await expect(playerOf(page).getByRole('button', { name: 'Pause' })).toBeVisible();
  });
});

test.describe('item 37: a deploy while a tab is open', () => {
  // The host no longer has the old build's chunks; the service worker is kept out so the
  // request reaches the (intercepted) network as it would after the new worker took over.
  test.use({ serviceWorkers: 'block' });
  test("the editor's chunk is gone: a message with Reload, and the rest of the app still works", async ({
    page,
  }) => {
    await page.route(/\/assets\/ManifestEditor-[^/]*\.js$/, (route) =>
      route.fulfill({ status: 404, body: '' }),
    );
    await page.reload();
    const failure = page.getByRole('alert').filter({ hasText: 'This part of Podwire could not load' });
    await expect(failure).toBeVisible({ timeout: 30_000 });
    await expect(failure.getByRole('button', { name: 'Reload' })).toBeVisible();
    // The picture is drawn from the autosaved text and the player still runs.
    await expect(graphOf(page).getByRole('button', { name: /^whale-svc-a\b/ })).toBeVisible();
    await playerOf(page).getByRole('button', { name: 'Play' }).click();
    await expect(playerOf(page).getByRole('button', { name: 'Pause' })).toBeVisible();
  });
});
