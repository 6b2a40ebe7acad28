import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { pasteIntoEditor, startFreshWithDefaultScenario } from './support.ts';

// Presentation mode as a teacher uses it: Present, then the keyboard only: space plays and
// pauses, the arrows step one hop, + and − change the speed, F toggles full screen, Esc leaves.
// The captions tell each hop, with the pod kube-proxy picked and the odds.

startFreshWithDefaultScenario();

const playerOf = (page: Page) => page.getByRole('region', { name: 'Simulation' });
const captionOf = (page: Page) =>
  page.getByRole('region', { name: 'Captions' }).locator('[aria-live="polite"]');
const fullscreen = (page: Page) => page.evaluate(() => document.fullscreenElement !== null);
/** The `seq` of the hop picked in the timeline ('' when none). */
const pickedSeq = (page: Page) =>
  playerOf(page)
    .locator('li[aria-current="true"]')
    .evaluateAll((rows) => rows[0]?.getAttribute('data-seq') ?? '');

/** Presses `key` and waits until the timeline picks another hop. */
async function step(page: Page, key: 'ArrowRight' | 'ArrowLeft'): Promise<string> {
  const before = await pickedSeq(page);
  await page.keyboard.press(key);
  await expect.poll(() => pickedSeq(page)).not.toBe(before);
  return pickedSeq(page);
}

async function present(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Present' }).click();
  await expect(page.locator('.app')).toHaveClass(/\bpresenting\b/);
}

test('presenting: full screen, space plays, arrows step, + and − speed, F and Esc', async ({ page }) => {
  await present(page);
  await expect(page.getByTestId('editor')).toBeHidden();
  await expect(page.getByRole('region', { name: 'Inspector' })).toBeHidden();
  await expect.poll(() => fullscreen(page)).toBe(true);

  const player = playerOf(page);
  // The picture is there to play (under load the first reading can still be on its way; Play
  // is disabled until then, and so is Space).
  await expect(player.getByRole('button', { name: 'Play' })).toBeEnabled({ timeout: 30_000 });
  await page.keyboard.press('Space');
  await expect(player.getByRole('button', { name: 'Pause' })).toBeVisible();
  await page.keyboard.press('Space');
  await expect(player.getByRole('button', { name: 'Play' })).toBeVisible();

  // Each → picks the next hop (a later one in the timeline), ← the one before; the caption follows.
  const one = Number(await step(page, 'ArrowRight'));
  const first = await captionOf(page).textContent();
  const two = Number(await step(page, 'ArrowRight'));
  expect(two).toBeGreaterThan(one);
  expect(Number(await step(page, 'ArrowLeft'))).toBe(one);
  await expect(captionOf(page)).toHaveText(first ?? '');
  expect(first).not.toBe('');

  const speed = page.locator('.present-speed');
  await expect(speed).toHaveText('Speed 1×');
  await page.keyboard.press('+');
  await expect(speed).toHaveText('Speed 2×');
  await expect(player.getByLabel('Speed')).toHaveValue('2');
  await page.keyboard.press('-');
  await page.keyboard.press('-');
  await expect(speed).toHaveText('Speed 0.5×');

  await page.keyboard.press('f');
  await expect.poll(() => fullscreen(page)).toBe(false);
  await expect(page.locator('.app')).toHaveClass(/\bpresenting\b/);
  await page.keyboard.press('f');
  await expect.poll(() => fullscreen(page)).toBe(true);

  await page.keyboard.press('Escape');
  await expect(page.locator('.app')).not.toHaveClass(/\bpresenting\b/);
  await expect.poll(() => fullscreen(page)).toBe(false);
  await expect(page.getByRole('button', { name: 'Present' })).toBeVisible();
});

test('P presents, but not while typing in the editor', async ({ page }) => {
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press('p');
  await page.keyboard.press('Space');
  await expect(page.locator('.app')).not.toHaveClass(/\bpresenting\b/);
  await expect(playerOf(page).getByRole('button', { name: 'Play' })).toBeVisible();
  // Focus out of the editor: P presents.
  await page.getByRole('heading', { name: 'Podwire' }).click();
  await page.keyboard.press('p');
  await expect(page.locator('.app')).toHaveClass(/\bpresenting\b/);
});

test('the captions say which pod kube-proxy picked, with probability 1/2', async ({ page }) => {
  // The whale scenario with two whale A pods, sent to whale A's NodePort on node-1.
  const whale = readFileSync(join(import.meta.dirname, '../../src/scenarios/whale-hosting.yaml'), 'utf8');
  const two = whale
    .replace('replicas: 1', 'replicas: 2')
    .replace(
      / {2}traffic:[\s\S]*$/,
      '  traffic:\n  - from: external\n    to: http://172.18.0.2:30301/\n    rate: 1\n',
    );
  expect(two).not.toBe(whale);
  await pasteIntoEditor(page, two);
  await expect(
    page.getByRole('region', { name: 'Cluster graph' }).getByRole('button', { name: /^whale-ingress-a-/ }),
  ).toHaveCount(2);
  await page.getByRole('heading', { name: 'Podwire' }).click();
  await present(page);
  const sentence =
    /^kube-proxy on node-1 picked pod default\/whale-ingress-a-[a-z0-9]{5} with probability 1\/2$/;
  for (let i = 0; i < 10; i++) {
    await step(page, 'ArrowRight');
    if (sentence.test((await captionOf(page).textContent()) ?? '')) break;
  }
  await expect(captionOf(page)).toHaveText(sentence);
});
