import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { startFreshWithDefaultScenario } from './support.ts';

// An axe-core scan (WCAG 2.x A and AA rules) of the main views: the default page, a pod and a
// Service in the inspector, a node's rules, and the player after a step. No serious or critical
// violation may remain.

startFreshWithDefaultScenario();

const graphOf = (page: Page) => page.getByRole('region', { name: 'Cluster graph' });

async function scan(page: Page, view: string): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    // Monaco's own DOM (a third-party editor with its own accessibility mode) is scanned by its
    // authors; our wrapper around it (labels, region) is still checked.
    .exclude('.monaco-editor .view-lines')
    .analyze();
  // The scan must have looked at the page, or "no violations" means nothing.
  expect(results.passes.length).toBeGreaterThan(10);
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = serious.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(' '))
        .join('\n  ')}`,
  );
  expect(report, `${view}:\n${report.join('\n')}`).toEqual([]);
}

test('the default page has no serious accessibility violations', async ({ page }) => {
  await expect(graphOf(page).getByRole('button', { name: /^whale-svc-a\b/ })).toBeVisible();
  await scan(page, 'default page');
});

test('the inspector views (pod, Service, node rules) have none either', async ({ page }) => {
  const graph = graphOf(page);
  await graph.getByRole('button', { name: /^whale-ingress-a-/ }).click();
  await expect(
    page.getByRole('region', { name: 'Inspector' }).getByText(/^default\/whale-ingress-a-/),
  ).toBeVisible();
  await scan(page, 'pod inspector');
  await graph.getByRole('button', { name: /^whale-svc-a\b/ }).click();
  await expect(
    page.getByRole('region', { name: 'Inspector' }).getByText('default/whale-svc-a'),
  ).toBeVisible();
  await scan(page, 'Service inspector');
  await graph.getByRole('button', { name: /^Node node-1/ }).click();
  await expect(
    page
      .getByRole('region', { name: 'Inspector' })
      .getByText(/KUBE-SERVICES/)
      .first(),
  ).toBeVisible();
  await scan(page, 'node rules');
});

test('the player after a step, with a hop in the inspector, has none either', async ({ page }) => {
  const player = page.getByRole('region', { name: 'Simulation' });
  for (let i = 0; i < 3; i++) await player.getByRole('button', { name: 'Step forward' }).click();
  await expect(
    page.getByRole('region', { name: 'Inspector' }).getByRole('region', { name: 'Hop' }),
  ).toBeVisible();
  await scan(page, 'player and hop');
});

test('the outline reads namespace, Service, endpoints and pods, and a keyboard pick selects the pod', async ({
  page,
}) => {
  const outline = page.getByRole('region', { name: 'Outline' });
  const namespace = outline.getByRole('region', { name: 'Namespace default' });
  const serviceName = /^whale-svc-a NodePort 10\.\S+ 80:30301→80\/TCP$/;
  await expect(namespace.getByRole('button', { name: serviceName })).toBeVisible();
  const listItem = namespace
    .getByRole('listitem')
    .filter({ has: page.getByRole('button', { name: serviceName }) });
  const endpoint = listItem
    .getByRole('button', { name: /^10\.\S+:\d+ → whale-ingress-a-\S+ on node-\d · ready$/ })
    .first();
  await expect(endpoint).toBeVisible();
  const podName = /→ (whale-ingress-a-\S+) on/.exec((await endpoint.textContent()) ?? '')?.[1];
  expect(podName).toBeDefined();
  await endpoint.focus();
  await page.keyboard.press('Enter');
  await expect(endpoint).toHaveAttribute('aria-current', 'true');
  await expect(page.getByRole('region', { name: 'Inspector' }).getByText(`default/${podName}`)).toBeVisible();
  await scan(page, 'outline with a pick');
});
