// Browser figure for `npm run bench`: frames per second while packets fly (5,000 in flight on
// the whale scenario, 2,000 on the large cluster), as a ratio to the same page paused.
import type { Page } from 'playwright-core';
import { pasteIntoEditor } from '../e2e/support.ts';
import { report, round } from './measure.ts';

/** Frames the page paints in `ms` (requestAnimationFrame ticks), per second. */
async function fps(page: Page, ms: number): Promise<number> {
  // A string, not a function: tsx would wrap an inner function with a helper the page lacks.
  const frames = await page.evaluate(
    `new Promise((resolve) => { let n = 0; const end = performance.now() + ${ms}; (function tick(t) { n++; if (t < end) requestAnimationFrame(tick); else resolve(n); })(performance.now()); })`,
  );
  return (Number(frames) * 1000) / ms;
}

const inFlight = async (page: Page) => {
  const text =
    (await page.getByRole('region', { name: 'Simulation' }).locator('.player-clock').textContent()) ?? '';
  return Number(/(\d+) in flight/.exec(text)?.[1] ?? 0);
};

export async function simFps(page: Page, name: string, text: string, wanted: number): Promise<void> {
  await pasteIntoEditor(page, text);
  await page.waitForTimeout(500);
  // Polled from here: a string predicate is eval'd in the page, which its CSP refuses.
  const status = page.locator('.topbar .status');
  const deadline = Date.now() + 120_000;
  while ((await status.textContent()) !== '') {
    if (Date.now() > deadline) throw new Error(`${name}: the page was still reading after 120 s`);
    await page.waitForTimeout(200);
  }
  const player = page.getByRole('region', { name: 'Simulation' });
  await player.getByRole('button', { name: 'Restart' }).click();
  await player.getByRole('button', { name: 'Play' }).click();
  const started = Date.now();
  let flying = 0;
  while (Date.now() - started < 60_000) {
    flying = await inFlight(page);
    if (flying >= wanted) break;
    await page.waitForTimeout(250);
  }
  const playing = await fps(page, 4000);
  const during = await inFlight(page);
  await player.getByRole('button', { name: 'Pause' }).click();
  const paused = await fps(page, 4000);
  report({
    name: `browser.sim-fps-ratio.${name}`,
    unit: 'ratio',
    median: round(playing / paused),
    target: 0.9,
    better: 'higher',
    note: `${round(playing)} fps playing with ${during} packets in flight (wanted ${wanted}) / ${round(paused)} fps paused`,
  });
}

/** The text with its Simulation traffic replaced by `flows` at `rate` requests per second each. */
export function withTraffic(text: string, flows: readonly string[], rate: number): string {
  const traffic = flows.map((to) => `  - from: external\n    to: ${to}\n    rate: ${rate}\n`).join('');
  const withoutOld = text.replace(/\n {2}traffic:\n(?: {2}- [^\n]*\n(?: {4}[^\n]*\n)*)*/, '\n');
  return withoutOld.replace(/(\nkind: Simulation\n[\s\S]*?\nspec:\n)/, `$1  traffic:\n${traffic}`);
}
