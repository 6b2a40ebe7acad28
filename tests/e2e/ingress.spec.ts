import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { seedYamlBlocks, sharedExists } from '../support/shared.ts';
import { pasteIntoEditor, startFreshWithDefaultScenario } from './support.ts';

// The Ingress in the inspector: its route table, a rule lighting up the path its requests take,
// and "try a URL" answering which rule, Service and pod a URL reaches (and why not the others).

startFreshWithDefaultScenario();

const graphOf = (page: Page) => page.getByRole('region', { name: 'Cluster graph' });
const inspectorOf = (page: Page) => page.getByRole('region', { name: 'Inspector' });

async function openIngress(page: Page, name: RegExp) {
  await graphOf(page).getByRole('button', { name }).click();
  await expect(inspectorOf(page).getByRole('region', { name: 'Route table' })).toBeVisible();
}

async function tryUrl(page: Page, url: string) {
  const inspector = inspectorOf(page);
  await inspector.getByRole('textbox', { name: 'URL' }).fill(url);
  await inspector.getByRole('button', { name: 'Try', exact: true }).click();
  const answer = inspector.getByRole('region', { name: 'Answer' });
  await expect(answer).toBeVisible();
  return answer;
}

test('whale name-based hosting: a.whale.hey reaches whale A, b.whale.hey whale B, other hosts 404', async ({
  page,
}) => {
  await openIngress(page, /^whale-ingress\b.*a\.whale\.hey/);
  const table = inspectorOf(page).getByRole('region', { name: 'Route table' });
  await expect(
    table.getByRole('row', { name: /a\.whale\.hey\/?\s+\/\s+Prefix\s+whale-svc-a:80/ }),
  ).toBeVisible();
  await expect(
    table.getByRole('row', { name: /b\.whale\.hey\/?\s+\/\s+Prefix\s+whale-svc-b:80/ }),
  ).toBeVisible();

  let answer = await tryUrl(page, 'http://a.whale.hey/');
  await expect(answer).toContainText('HTTP 200');
  await expect(answer).toContainText('default/whale-svc-a:80');
  await expect(answer).toContainText(/default\/whale-ingress-a-[a-z0-9]{5} \(10\.244\.\d+\.\d+:80\)/);
  // The path lights up in the graph: the Ingress, whale-svc-a and whale A's pod.
  await expect(graphOf(page).locator('.item.on-path')).toHaveCount(3);
  await expect(graphOf(page).locator('.react-flow__edge.on-path')).toHaveCount(2);

  answer = await tryUrl(page, 'http://b.whale.hey/');
  await expect(answer).toContainText('default/whale-svc-b:80');
  await expect(answer).toContainText(/default\/whale-ingress-b-[a-z0-9]{5}/);
  await expect(answer.getByRole('region', { name: 'Hosts considered' })).toContainText(
    /no match\s*a\.whale\.hey/,
  );

  answer = await tryUrl(page, 'http://c.whale.hey/');
  await expect(answer).toContainText('HTTP 404');
  await page.screenshot({ path: 'test-results/ingress-whale.png' });
});

test('picking a route lights up the Ingress, its Service and the pods behind it', async ({ page }) => {
  await openIngress(page, /^whale-ingress\b.*a\.whale\.hey/);
  const show = inspectorOf(page).getByRole('button', { name: 'Show path: b.whale.hey/' });
  await show.click();
  await expect(show).toHaveAttribute('aria-pressed', 'true');
  const lit = graphOf(page).locator('.item.on-path');
  await expect(lit).toHaveCount(3);
  await expect(lit.filter({ hasText: 'whale-svc-b' })).toHaveCount(1);
  await expect(lit.filter({ hasText: /whale-ingress-b-/ })).toHaveCount(1);
  await expect(graphOf(page).locator('.react-flow__edge.on-path')).toHaveCount(2);
  await show.click();
  await expect(graphOf(page).locator('.on-path')).toHaveCount(0);
});

test.describe('the study note fanout example', () => {
  test.skip(!sharedExists(), 'shared/ (the study note) is not beside the repository');

  test('/foo reaches service1 with the path rewritten to /, /bar reaches service2', async ({ page }) => {
    const fanout = seedYamlBlocks().find((b) => b.title.endsWith('simple-fanout-example'))?.text ?? '';
    const backends = readFileSync(join(import.meta.dirname, 'fixtures/fanout-backends.yaml'), 'utf8');
    await pasteIntoEditor(page, `${fanout}---\n${backends}`);
    await expect(page.getByRole('status')).toHaveText('');
    await openIngress(page, /^simple-fanout-example\b/);

    let answer = await tryUrl(page, 'http://foo.bar.com/foo');
    await expect(answer).toContainText('HTTP 200');
    await expect(answer).toContainText('default/service1:4200');
    await expect(answer).toContainText(/default\/service1-[a-z0-9]+-[a-z0-9]{5} \(10\.244\.\d+\.\d+:4200\)/);
    await expect(answer.getByText('Path the pod sees')).toBeVisible();
    await expect(answer.locator('code').filter({ hasText: /^\/$/ })).toBeVisible();

    answer = await tryUrl(page, 'http://foo.bar.com/bar');
    await expect(answer).toContainText('default/service2:8080');
    await expect(answer).toContainText(/default\/service2-[a-z0-9]+-[a-z0-9]{5}/);

    answer = await tryUrl(page, 'http://foo.bar.com/elsewhere');
    await expect(answer).toContainText('HTTP 404');
    await page.screenshot({ path: 'test-results/ingress-fanout.png' });
  });
});
