import { expect, test, type Page } from '@playwright/test';

// `?embed=1`, as an iframe in slides: the graph and the player only, a link to the full app,
// and the user's autosave is neither read nor written (not even when the player edits the text).

const KEY = 'podwire.autosave.v1';
const SAVED =
  'apiVersion: v1\nkind: Pod\nmetadata:\n  name: my-saved-pod\nspec:\n  containers:\n  - name: c\n    image: nginx\n';

const errors: string[] = [];
test.beforeEach(({ page }) => {
  errors.length = 0;
  page.on('pageerror', (e) => errors.push(e.message));
});
test.afterEach(() => expect(errors).toEqual([]));

const autosave = (page: Page) => page.evaluate((key) => localStorage.getItem(key), KEY);

/** The storage is set from an embed page: the full app would save its own text on leaving. */
async function openEmbed(page: Page, saved: string | undefined): Promise<void> {
  await page.goto('/?embed=1');
  await page.evaluate(
    ([key, text]) => (text === undefined ? localStorage.clear() : localStorage.setItem(key, text)),
    [KEY, saved] as const,
  );
  await page.goto('/?embed=1#top');
}

test('embed shows the graph and the player, no editor nor panels, and a link to the full app', async ({
  page,
}) => {
  await openEmbed(page, SAVED);
  const graph = page.getByRole('region', { name: 'Cluster graph' });
  // The default scenario, not the user's autosave.
  await expect(graph.getByRole('button', { name: /^whale-ingress-a-/ })).toBeVisible({ timeout: 30_000 });
  await expect(graph.getByRole('button', { name: /my-saved-pod/ })).toHaveCount(0);
  const player = page.getByRole('region', { name: 'Simulation' });
  await expect(player.getByRole('button', { name: 'Play' })).toBeVisible();
  await expect(page.getByTestId('editor')).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Inspector' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Present' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Export' })).toHaveCount(0);
  const open = page.getByRole('link', { name: 'Open in Podwire' });
  await expect(open).toHaveAttribute('target', '_blank');
  const href = (await open.getAttribute('href')) ?? '';
  expect(new URL(href).searchParams.has('embed')).toBe(false);
  expect(new URL(href).hash).toBe('#top');

  // The player runs in the embed; its captions tell the hop stepped to.
  const caption = page.getByRole('region', { name: 'Captions' });
  await expect(caption).toHaveText('Press Play or → and each hop is told here.');
  await player.getByRole('button', { name: 'Step forward' }).click();
  await expect(caption).toHaveText(/^client sends the request$/);
});

test('embed never writes the autosave: not on an edit from the player, not on leaving', async ({ page }) => {
  for (const saved of [SAVED, undefined]) {
    await openEmbed(page, saved);
    const player = page.getByRole('region', { name: 'Simulation' });
    await expect(player.getByRole('button', { name: 'Play' })).toBeEnabled({ timeout: 30_000 });
    await player.getByRole('button', { name: 'Play' }).click();
    // "Break something now" writes the event into the text (the full app saves that text).
    const script = player.getByRole('region', { name: 'Break something now' });
    await script.getByRole('button', { name: 'Apply now' }).click();
    await expect(player.locator('.player-clock')).toHaveText(/t = [1-9]/, { timeout: 20_000 });
    // Leaving the page flushes a pending save in the full app (pagehide); here nothing is written.
    await page.reload();
    expect(await autosave(page)).toBe(saved ?? null);
  }
});

test('"Open in Podwire" carries the scenario the embed was opened with, after the page dropped it from its address', async ({
  page,
}) => {
  // `?scenario=` is removed from the address once read (a reload keeps later edits); the link keeps it.
  await page.goto('/?embed=1&scenario=nodeport');
  const graph = page.getByRole('region', { name: 'Cluster graph' });
  await expect(graph.getByRole('button', { name: /^node-js-/ }).first()).toBeVisible({ timeout: 30_000 });
  await expect.poll(() => page.evaluate(() => location.search)).toBe('?embed=1');
  const href = (await page.getByRole('link', { name: 'Open in Podwire' }).getAttribute('href')) ?? '';
  expect(new URL(href).searchParams.get('scenario')).toBe('nodeport');
  expect(new URL(href).searchParams.has('embed')).toBe(false);
});
