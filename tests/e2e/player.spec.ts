import { expect, test, type Page } from '@playwright/test';
import { paintedPixels, startFreshWithDefaultScenario } from './support.ts';

// The simulation played in the page: packets drawn over the graph arrive at whale A and whale B,
// a hop stepped to shows its addresses and the kube-proxy rule that decided it.

startFreshWithDefaultScenario();

const playerOf = (page: Page) => page.getByRole('region', { name: 'Simulation' });
const inspectorOf = (page: Page) => page.getByRole('region', { name: 'Inspector' });

test('playing the whale scenario sends packets to whale A and whale B pods', async ({ page }) => {
  const player = playerOf(page);
  await player.getByLabel('Speed').selectOption('4');
  await player.getByRole('button', { name: 'Play' }).click();
  await expect.poll(() => paintedPixels(page), { timeout: 15_000 }).toBeGreaterThan(0);
  const counters = player.getByRole('region', { name: 'Requests per pod' });
  await expect(counters.getByText(/^default\/whale-ingress-a-[a-z0-9]{5}$/)).toBeVisible({ timeout: 20_000 });
  await expect(counters.getByText(/^default\/whale-ingress-b-[a-z0-9]{5}$/)).toBeVisible({ timeout: 20_000 });
  await page.screenshot({ path: 'test-results/player-whale.png' });
  await player.getByRole('button', { name: 'Pause' }).click();
  await expect(player.getByRole('button', { name: 'Play' })).toBeVisible();
});

test('stepping to the kube-proxy hop shows the KUBE-SEP rule that decided it', async ({ page }) => {
  const player = playerOf(page);
  const hop = inspectorOf(page).getByRole('region', { name: 'Hop' });
  for (let i = 0; i < 12; i++) {
    await player.getByRole('button', { name: 'Step forward' }).click();
    await expect(hop).toBeVisible();
    if (
      (
        await hop
          .getByText(/^Step$/)
          .locator('..')
          .textContent()
      )?.includes('kube-proxy')
    )
      break;
  }
  await expect(
    hop
      .locator('code')
      .filter({ hasText: /^-A KUBE-SEP-[A-Z0-9]{16} .*-j DNAT --to-destination 10\.244\.\d+\.\d+:\d+$/ }),
  ).toBeVisible();
  await expect(hop.getByText(/→/).first()).toBeVisible();
  // The same rule is marked in that node's rules, as kube-proxy writes them.
  await expect(hop.locator('.rule-group mark')).toHaveText(/^-A KUBE-SEP-[A-Z0-9]{16} .*-j DNAT/);
  await player.getByRole('button', { name: 'Step back' }).click();
  await expect(hop).toBeVisible();
  await page.screenshot({ path: 'test-results/player-step.png' });
});

test('a pod made not ready from the player is written into the text and its requests stop', async ({
  page,
}) => {
  const player = playerOf(page);
  const counters = player.getByRole('region', { name: 'Requests per pod' });
  const podA = counters.getByText(/^default\/whale-ingress-a-[a-z0-9]{5}$/);
  await player.getByLabel('Speed').selectOption('8');
  await player.getByRole('button', { name: 'Play' }).click();
  await expect(podA).toBeVisible({ timeout: 20_000 });
  const shown = ((await podA.textContent()) ?? '').trim();
  const name = shown.split('/')[1] ?? '';
  const script = player.getByRole('region', { name: 'Break something now' });
  await script.getByRole('combobox', { name: 'What' }).selectOption({ label: 'pod not ready' });
  await script.getByRole('combobox', { name: 'Pod', exact: true }).selectOption(shown);
  await script.getByRole('button', { name: 'Apply now' }).click();
  // The event is in the text (what the autosave and a shared link carry), at the time it was toggled.
  await expect
    .poll(() => page.evaluate(() => localStorage.getItem('podwire.autosave.v1') ?? ''), { timeout: 10_000 })
    .toMatch(
      new RegExp(
        `events:\\n\\s+- at: \\d+(\\.\\d)?s\\n\\s+notReady:\\n\\s+namespace: default\\n\\s+name: ${name}`,
      ),
    );
  const written = await page.evaluate(() => localStorage.getItem('podwire.autosave.v1') ?? '');
  const at = Number(/- at: (\d+(?:\.\d)?)s/.exec(written)?.[1]) * 1000;
  expect(at).toBeGreaterThan(0);
  // The run was replayed up to that instant and goes on playing: after it, pod A gets no request.
  const countOf = async () => Number((await podA.locator('..').locator('.n').first().textContent()) ?? 'NaN');
  await expect
    .poll(() => player.locator('.player-clock').textContent(), { timeout: 20_000 })
    .toMatch(/t = \d+/);
  const clock = async () =>
    Number(/t = ([\d.]+)/.exec((await player.locator('.player-clock').textContent()) ?? '')?.[1]);
  await expect.poll(clock, { timeout: 20_000 }).toBeGreaterThan(at / 1000 + 3);
  const before = await countOf();
  await expect.poll(clock, { timeout: 20_000 }).toBeGreaterThan(at / 1000 + 12);
  expect(await countOf()).toBe(before);
  // Whale B keeps answering.
  await expect(counters.getByText(/^default\/whale-ingress-b-[a-z0-9]{5}$/)).toBeVisible();
  await page.screenshot({ path: 'test-results/player-script.png' });
});
