import { readFileSync } from 'node:fs';
import { expect, test, type Download, type Page } from '@playwright/test';
import { startFreshWithDefaultScenario } from './support.ts';

// Export as a user does it: the graph from the top bar's Export menu (PNG, SVG), the picked
// packet's trace from the hop details (JSON), a node's rules from its rules view (text).

startFreshWithDefaultScenario();

const playerOf = (page: Page) => page.getByRole('region', { name: 'Simulation' });
const inspectorOf = (page: Page) => page.getByRole('region', { name: 'Inspector' });

async function downloaded(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const d: Download = download;
  const path = await d.path();
  return { name: d.suggestedFilename(), bytes: readFileSync(path) };
}

async function exportGraph(page: Page, item: 'Graph as PNG' | 'Graph as SVG') {
  return downloaded(page, async () => {
    await page.getByRole('button', { name: 'Export' }).click();
    await page.getByRole('menu', { name: 'Export' }).getByRole('menuitem', { name: item }).click();
  });
}

test('the graph as PNG: a real image, width and height from its IHDR', async ({ page }) => {
  await expect(
    page.getByRole('region', { name: 'Cluster graph' }).getByRole('button', { name: /^whale-ingress-a-/ }),
  ).toBeVisible();
  const { name, bytes } = await exportGraph(page, 'Graph as PNG');
  expect(name).toBe('podwire-graph.png');
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.length).toBeGreaterThan(1024);
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  expect(bytes.readUInt32BE(16)).toBeGreaterThan(0);
  expect(bytes.readUInt32BE(20)).toBeGreaterThan(0);
});

test('the graph as SVG: every pod drawn by name, as <text>', async ({ page }) => {
  const graph = page.getByRole('region', { name: 'Cluster graph' });
  await expect(graph.getByRole('button', { name: /^whale-ingress-b-/ })).toBeVisible();
  const { name, bytes } = await exportGraph(page, 'Graph as SVG');
  expect(name).toBe('podwire-graph.svg');
  const svg = bytes.toString('utf8');
  expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  expect(svg).toMatch(/<text [^>]*>whale-ingress-a-[a-z0-9]{5}<\/text>/);
  expect(svg).toMatch(/<text [^>]*>whale-ingress-b-[a-z0-9]{5}<\/text>/);
  // The browser reads it as a picture.
  const ok = await page.evaluate(async (text) => {
    const img = new Image();
    img.src = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
    await img.decode();
    return img.naturalWidth > 0;
  }, svg);
  expect(ok).toBe(true);
});

test('a picked packet’s trace as JSON, and its node’s rules as text', async ({ page }) => {
  const player = playerOf(page);
  const hop = inspectorOf(page).getByRole('region', { name: 'Hop' });
  // Step until the picked hop is kube-proxy's: its node's rules are shown under it.
  for (let i = 0; i < 12; i++) {
    await player.getByRole('button', { name: 'Step forward' }).click();
    await expect(hop).toBeVisible();
    if ((await hop.locator('.rule-group mark').count()) > 0) break;
  }
  const json = await downloaded(page, () =>
    hop.getByRole('button', { name: 'Download trace (JSON)' }).click(),
  );
  expect(json.name).toMatch(/^podwire-trace-request-\d+\.json$/);
  const trace = JSON.parse(json.bytes.toString('utf8')) as {
    request: number;
    hops: { kind: string; request: number }[];
  };
  expect(trace.hops.length).toBeGreaterThan(0);
  expect(trace.hops.every((h) => h.request === trace.request)).toBe(true);
  expect(trace.hops.map((h) => h.kind)).toContain('kube-proxy');

  const text = await downloaded(page, () =>
    hop.getByRole('button', { name: 'Download trace (text)' }).click(),
  );
  expect(text.bytes.toString('utf8')).toMatch(/kube-proxy: kube-proxy's iptables rules on node-\d/);

  const rules = await downloaded(page, () =>
    hop
      .getByRole('region', { name: 'kube-proxy rules' })
      .getByRole('button', { name: 'Download rules' })
      .click(),
  );
  expect(rules.name).toMatch(/^rules-node-\d-iptables-\w+\.txt$/);
  expect(rules.bytes.toString('utf8')).toContain('KUBE-SERVICES');
});
