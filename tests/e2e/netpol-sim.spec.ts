import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { pasteIntoEditor, startFreshWithDefaultScenario } from './support.ts';

// NetworkPolicy enforced while the simulation plays: the whale scenario with default deny ingress
// in "default" drops ingress-nginx's connections at the whale pods (a failed `policy` hop that
// says why); with an allow rule for ingress-nginx's namespace they pass, and the hop names the rule.

startFreshWithDefaultScenario();

const fixture = (name: string) => readFileSync(new URL(`fixtures/${name}`, import.meta.url), 'utf8');
const playerOf = (page: Page) => page.getByRole('region', { name: 'Simulation' });
const inspectorOf = (page: Page) => page.getByRole('region', { name: 'Inspector' });

/** Pastes `file`, plays until requests finished, pauses; returns the player. */
async function play(page: Page, file: string) {
  await pasteIntoEditor(page, fixture(file));
  // The pasted text is read (the default scenario is the whale scenario too, without policies).
  await expect(
    page
      .getByRole('region', { name: 'Objects' })
      .getByRole('button', { name: /NetworkPolicy\s*default\/default-deny-ingress$/ }),
  ).toBeVisible({ timeout: 20_000 });
  const player = playerOf(page);
  await player.getByLabel('Speed').selectOption('4');
  await player.getByRole('button', { name: 'Play' }).click();
  const counters = player.getByRole('region', { name: 'Requests per pod' });
  await expect(counters.getByRole('figure').first()).toBeVisible({ timeout: 20_000 });
  await player.getByRole('button', { name: 'Pause' }).click();
  return { player, counters };
}

/** Picks the first `policy` hop of the timeline and returns the inspector's Hop region. */
async function pickPolicyHop(page: Page, status: 'ok' | 'failed') {
  const timeline = playerOf(page).getByRole('region', { name: 'Events' });
  const hop = timeline
    .locator(`button.hop.${status}`)
    .filter({ hasText: /policy$/ })
    .first();
  await expect(hop).toBeVisible();
  await hop.click();
  const region = inspectorOf(page).getByRole('region', { name: 'Hop' });
  await expect(region).toBeVisible();
  return region;
}

test('default deny ingress drops the packets at the whale pods, and the hop says why', async ({ page }) => {
  const { counters } = await play(page, 'whale-default-deny.yaml');
  // Every request fails (ingress-nginx answers 504): no whale pod is counted as a backend.
  await expect(counters.getByText(/\d+ failed/).first()).toBeVisible();
  await expect(counters.getByText(/^default\/whale-ingress-[ab]-/)).toHaveCount(0);
  const hop = await pickPolicyHop(page, 'failed');
  await expect(hop.locator('.hop-description')).toContainText(
    /Ingress denied: Pod default\/whale-ingress-[ab]-[a-z0-9]{5} is isolated for ingress by NetworkPolicy default\/default-deny-ingress/,
  );
  await expect(hop.locator('.hop-description')).toContainText('drops the packet silently');
  await expect(hop).toContainText(/pod\/default\/whale-ingress-[ab]-/);
  await page.screenshot({ path: 'test-results/netpol-sim-deny.png' });
});

test('an allow rule for ingress-nginx lets the packets through and names the rule', async ({ page }) => {
  const { counters } = await play(page, 'whale-allow-ingress-nginx.yaml');
  await expect(counters.getByText(/^default\/whale-ingress-a-[a-z0-9]{5}$/)).toBeVisible();
  await expect(counters.getByText(/\d+ failed/)).toHaveCount(0);
  const hop = await pickPolicyHop(page, 'ok');
  await expect(hop.locator('.hop-description')).toContainText(
    'NetworkPolicy default/allow-ingress-nginx allows it: spec.ingress[0]',
  );
  await expect(
    hop.locator('code').filter({ hasText: 'NetworkPolicy default/allow-ingress-nginx spec.ingress[0]' }),
  ).toBeVisible();
  await page.screenshot({ path: 'test-results/netpol-sim-allow.png' });
});
