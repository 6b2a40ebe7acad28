import { expect, test, type Page } from '@playwright/test';
import { startFreshWithDefaultScenario } from './support.ts';

// kube-proxy's rules on a node, as a user reads them in the inspector: the node's own tool,
// folded per Service; the inspector's mode only changes the view, the scenario's mode selector
// writes the text (and so the whole picture).

startFreshWithDefaultScenario();

const graphOf = (page: Page) => page.getByRole('region', { name: 'Cluster graph' });
const rulesOf = (page: Page) =>
  page.getByRole('region', { name: 'Inspector' }).getByRole('region', { name: 'kube-proxy rules' });

test('a node shows its iptables-save, folded per Service, and the same rules in another mode', async ({
  page,
}) => {
  await graphOf(page)
    .getByRole('button', { name: /^Node node-1/ })
    .click();
  const rules = rulesOf(page);
  await expect(rules.getByRole('heading', { name: 'iptables-save on node-1' })).toBeVisible();
  const text = rules.getByRole('region', { name: 'Rules text' });
  const svcA = text.getByRole('button', { name: /^default\/whale-svc-a\s+\d+ lines$/ });
  await expect(svcA).toHaveAttribute('aria-expanded', 'false');
  await expect(text.getByRole('button', { name: /^kube-proxy's own chains\s+\d+ lines$/ })).toBeVisible();
  await svcA.click();
  await expect(svcA).toHaveAttribute('aria-expanded', 'true');
  const lines = text.locator(`#${await svcA.getAttribute('aria-controls')}`.replaceAll(':', '\\:'));
  await expect(lines).toContainText(
    /-A KUBE-SVC-[A-Z0-9]{16} -m comment --comment "default\/whale-svc-a:http -> 10\.244\.\d+\.\d+:80" -j KUBE-SEP-/,
  );
  await expect(lines).toContainText(
    /-A KUBE-SEP-[A-Z0-9]{16} -p tcp -m comment --comment "default\/whale-svc-a:http" -m tcp -j DNAT --to-destination 10\.244\.\d+\.\d+:80/,
  );
  // The DNAT goes to the pod behind the Service.
  const podIp = /--to-destination (10\.244\.\d+\.\d+):80/.exec((await lines.textContent()) ?? '')?.[1];
  await graphOf(page)
    .getByRole('button', { name: /^whale-ingress-a-/ })
    .click();
  await expect(
    page.getByRole('region', { name: 'Inspector' }).getByText(podIp ?? 'no ip', { exact: true }),
  ).toBeVisible();

  // The inspector's own mode selector changes only the view.
  await graphOf(page)
    .getByRole('button', { name: /^Node node-1/ })
    .click();
  await rulesOf(page).getByRole('combobox', { name: 'Mode' }).selectOption('ipvs');
  await expect(rulesOf(page).getByRole('heading', { name: 'ipvsadm -Ln on node-1' })).toBeVisible();
  await rulesOf(page)
    .getByRole('button', { name: /^kube-proxy's own chains/ })
    .click();
  await expect(rulesOf(page).getByRole('region', { name: 'Rules text' })).toContainText(
    'IP Virtual Server version 1.2.1',
  );
  await expect(graphOf(page).getByRole('button', { name: /^kube-proxy\b.*iptables/ })).toHaveCount(2);

  // What kube-proxy writes, rather than what the node shows.
  await rulesOf(page).getByRole('combobox', { name: 'Mode' }).selectOption('iptables');
  await rulesOf(page).getByRole('button', { name: 'What kube-proxy writes' }).click();
  await expect(
    rulesOf(page).getByRole('heading', { name: 'iptables-restore (kube-proxy input) on node-1' }),
  ).toBeVisible();
  await page.screenshot({ path: 'test-results/rules-node.png' });
});

test('a Service selected first opens expanded and highlighted in a kube-proxy item', async ({ page }) => {
  await graphOf(page)
    .getByRole('button', { name: /^whale-svc-b\b/ })
    .click();
  await graphOf(page)
    .getByRole('button', { name: /^kube-proxy\b/ })
    .first()
    .click();
  const rules = rulesOf(page);
  await expect(rules.getByRole('heading', { name: /^iptables-save on node-\d$/ })).toBeVisible();
  const svcB = rules.getByRole('button', { name: /^default\/whale-svc-b\s+\d+ lines$/ });
  await expect(svcB).toHaveAttribute('aria-expanded', 'true');
  await expect(rules.getByRole('button', { name: /^default\/whale-svc-a\s/ })).toHaveAttribute(
    'aria-expanded',
    'false',
  );
  await expect(rules.getByRole('region', { name: 'Rules text' })).toContainText(
    'default/whale-svc-b:http cluster IP',
  );
  await page.screenshot({ path: 'test-results/rules-highlighted.png' });
});

test('the scenario proxy-mode selector writes the mode into the text and redraws the picture', async ({
  page,
}) => {
  const graph = graphOf(page);
  await expect(graph.getByRole('button', { name: /^kube-proxy\b.*iptables/ })).toHaveCount(2);
  await graph.getByRole('combobox', { name: 'Proxy mode' }).selectOption('nftables');
  await expect(graph.getByRole('button', { name: /^kube-proxy\b.*nftables/ })).toHaveCount(2);
  await expect(graph.getByRole('combobox', { name: 'Proxy mode' })).toHaveValue('nftables');
  // The editor holds the new Simulation document at the end of the text.
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+End');
  const editorLines = page.locator('.monaco-editor .view-lines');
  await expect(editorLines).toContainText('kind: Simulation');
  await expect(editorLines).toContainText('proxyMode: nftables');
  // A node now shows the nftables ruleset.
  await graph.getByRole('button', { name: /^Node node-2/ }).click();
  await expect(rulesOf(page).getByRole('heading', { name: 'nft list ruleset on node-2' })).toBeVisible();
  await page.screenshot({ path: 'test-results/rules-nftables.png' });
});
