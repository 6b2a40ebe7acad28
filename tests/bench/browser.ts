// Browser figures for `npm run bench`: edit-to-graph latency (from the end of the typing
// debounce to the graph drawn) and panning frame rate, in Chromium on the production build.
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { findChromium } from '../../scripts/chromium.mjs';
import { pasteIntoEditor } from '../e2e/support.ts';
import { simFps, withTraffic } from './browser-sim.ts';
import { report, round } from './measure.ts';

const root = join(import.meta.dirname, '../..');
const PORT = 4189;

const paste = (page: Page, text: string) => pasteIntoEditor(page, text);

/** Milliseconds from the latest parse-start mark to the first graph-drawn mark after it. */
async function latestLatency(page: Page, timeoutMs: number): Promise<number> {
  const handle = await page.waitForFunction(
    () => {
      const start = performance.getEntriesByName('podwire:parse-start').at(-1);
      const drawn = performance
        .getEntriesByName('podwire:graph-drawn')
        .find((m) => start && m.startTime >= start.startTime);
      return start && drawn ? drawn.startTime - start.startTime : false;
    },
    undefined,
    { timeout: timeoutMs, polling: 20 },
  );
  return (await handle.jsonValue()) as number;
}

async function editLatency(
  page: Page,
  name: string,
  text: string,
  edit: (flip: boolean) => string,
  target: number,
  runs: number,
) {
  await paste(page, text);
  await latestLatency(page, 120_000);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    await page.evaluate(() => performance.clearMarks());
    await paste(page, edit(i % 2 === 0));
    samples.push(await latestLatency(page, 60_000));
  }
  samples.sort((a, b) => a - b);
  report({
    name: `browser.edit-to-graph.${name}`,
    unit: 'ms',
    median: round(samples[Math.floor(samples.length / 2)] ?? NaN),
    p95: round(samples[Math.min(samples.length - 1, Math.floor(samples.length * 0.95))] ?? NaN),
    runs,
    target,
    note: 'debounce end -> worker (parse, cluster, graph, layout) -> React Flow drawn',
  });
}

async function panningFps(page: Page, name: string): Promise<void> {
  // The whole picture in view, as after "fit view": every item is drawn while it pans.
  await page.getByRole('button', { name: /fit view/i }).click();
  await page.waitForTimeout(1000);
  const box = await page.getByRole('region', { name: 'Cluster graph' }).boundingBox();
  if (!box) return;
  // Strings, not functions: tsx would wrap inner functions with a helper the page does not have.
  await page.evaluate(
    'window.__frames = 0; window.__stop = false; (function tick() { window.__frames++; if (!window.__stop) requestAnimationFrame(tick); })();',
  );
  const started = Date.now();
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  for (let i = 0; i < 120; i++) await page.mouse.move(x + Math.sin(i / 10) * 200, y + Math.cos(i / 10) * 120);
  await page.mouse.up();
  const frames = Number(await page.evaluate('window.__stop = true; window.__frames'));
  const fps = frames / ((Date.now() - started) / 1000);
  report({
    name: `browser.panning-fps.${name}`,
    unit: 'fps',
    median: round(fps),
    note: 'the whole picture fitted in view; higher is better; target 50+',
    target: 50,
    better: 'higher',
  });
}

export async function runBrowserBench(scenarios: { whale: string; large: string }): Promise<void> {
  const executablePath = await findChromium({ install: false });
  if (!executablePath) {
    report({ name: 'browser', unit: 'skipped', median: NaN, note: 'no Chromium found' });
    return;
  }
  spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  const server = spawn('npx', ['vite', 'preview', '--port', String(PORT), '--strictPort'], {
    cwd: root,
    stdio: 'ignore',
    detached: true,
  });
  const browser = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    for (let i = 0; ; i++) {
      try {
        await page.goto(`http://127.0.0.1:${PORT}/`);
        break;
      } catch (e) {
        if (i > 50) throw e;
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    await page.waitForSelector('[data-ready=true]');
    await editLatency(
      page,
      'whale',
      scenarios.whale,
      (flip) => scenarios.whale.replace('replicas: 1', flip ? 'replicas: 2' : 'replicas: 1'),
      100,
      10,
    );
    await panningFps(page, 'whale');
    await editLatency(
      page,
      'large',
      scenarios.large,
      (flip) => scenarios.large.replace('replicas: 7', flip ? 'replicas: 8' : 'replicas: 7'),
      1000,
      5,
    );
    await panningFps(page, 'large');
    await simFps(
      page,
      'whale',
      withTraffic(scenarios.whale, ['http://a.whale.hey/', 'http://b.whale.hey/'], 360),
      5000,
    );
    const hosts = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => `http://app-${i}.example.com/`);
    await simFps(page, 'large', withTraffic(scenarios.large, hosts, 40), 2000);
  } finally {
    await browser.close();
    if (server.pid) process.kill(-server.pid);
  }
}
