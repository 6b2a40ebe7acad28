import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { pasteIntoEditor, startFreshWithDefaultScenario } from './support.ts';

// NetworkPolicy in the inspector: a default-deny-ingress policy plus one allow rule. The policy
// (picked from the objects list) lists the pods it selects, its rules in words and the namespace's
// connectivity table, each cell a word; a cell explains itself; a pod lists what isolates it.

startFreshWithDefaultScenario();

const shop = readFileSync(new URL('fixtures/netpol-default-deny.yaml', import.meta.url), 'utf8');
const graphOf = (page: Page) => page.getByRole('region', { name: 'Cluster graph' });
const inspectorOf = (page: Page) => page.getByRole('region', { name: 'Inspector' });

async function openPolicy(page: Page, name: string) {
  await pasteIntoEditor(page, shop);
  await expect(graphOf(page).getByRole('button', { name: /^db\b/ })).toBeVisible({ timeout: 20_000 });
  await page
    .getByRole('region', { name: 'Objects' })
    .getByRole('button', { name: new RegExp(`NetworkPolicy\\s*shop/${name}$`) })
    .click();
  await expect(inspectorOf(page).getByText(`shop/${name}`, { exact: true })).toBeVisible();
}

test('the matrix says which pairs are blocked and allowed, and a cell says why', async ({ page }) => {
  await openPolicy(page, 'db-from-api');
  const inspector = inspectorOf(page);
  await expect(inspector.getByRole('region', { name: 'Selects pods' }).getByRole('button')).toHaveText([
    'shop/db',
  ]);
  await expect(inspector.getByRole('region', { name: 'Ingress rules' })).toContainText(
    'allows from podSelector role=api in namespace shop, on TCP 5432',
  );

  const matrix = inspector.getByRole('region', { name: 'Connectivity' });
  const table = matrix.getByRole('table', { name: 'Pod to pod connections in namespace shop' });
  await expect(table.getByRole('columnheader')).toHaveText(['api', 'db', 'web']);
  // Rows are sources: only api reaches db (on its declared port 5432); default deny blocks the rest.
  await expect(table.getByRole('row', { name: /^api\b/ })).toHaveText(/^api\s*blocked\s*allowed\s*blocked$/);
  await expect(table.getByRole('row', { name: /^web\b/ })).toHaveText(/^web\s*blocked\s*blocked\s*blocked$/);

  await table.getByRole('button', { name: 'web to db: blocked' }).click();
  const why = matrix.getByRole('region', { name: 'Why' });
  await expect(why).toContainText('TCP 5432 (pg): blocked');
  await expect(why).toContainText(/pod shop\/db is isolated for ingress by NetworkPolicy .*db-from-api/);

  await table.getByRole('button', { name: 'api to db: allowed' }).click();
  await expect(why).toContainText('TCP 5432 (pg): allowed');
  await expect(why).toContainText('NetworkPolicy shop/db-from-api allows it: spec.ingress[0]');

  // The same pair on port 80: the rule allows only 5432.
  await matrix.getByRole('combobox', { name: 'Port' }).selectOption({ label: 'TCP 80 (http)' });
  await expect(table.getByRole('button', { name: 'api to db: blocked' })).toBeVisible();
  await page.screenshot({ path: 'test-results/netpol-matrix.png' });
});

test('a pod lists the policies that isolate it, with links to them', async ({ page }) => {
  await openPolicy(page, 'default-deny-ingress');
  const inspector = inspectorOf(page);
  await expect(inspector.getByRole('region', { name: 'Ingress rules' })).toContainText(
    'No ingress rules: every ingress connection of the selected pods is denied.',
  );
  await inspector
    .getByRole('region', { name: 'Selects pods' })
    .getByRole('button', { name: 'shop/db' })
    .click();
  await expect(inspector.getByText('shop/db', { exact: true })).toBeVisible();
  const policies = inspector.getByRole('region', { name: 'Network policies' });
  const ingress = policies.getByRole('definition').first();
  await expect(ingress.getByRole('button', { name: 'default-deny-ingress', exact: true })).toBeVisible();
  await expect(ingress.getByRole('button', { name: 'db-from-api', exact: true })).toBeVisible();
  await expect(
    ingress.getByRole('button', { name: /^Show db-from-api in the editor \(line \d+\)$/ }),
  ).toBeVisible();
  await expect(policies).toContainText('not isolated: every egress connection is allowed');
  await expect(graphOf(page).getByRole('button', { name: /^db\b.*ingress isolated/ })).toBeVisible();

  // The policy's link opens its inspector again.
  await ingress.getByRole('button', { name: 'db-from-api', exact: true }).click();
  await expect(inspector.getByText('shop/db-from-api', { exact: true })).toBeVisible();
  await page.screenshot({ path: 'test-results/netpol-pod.png' });
});
