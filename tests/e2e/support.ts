import { expect, test, type Page } from '@playwright/test';

/** Select all and paste, as a user pasting manifests does (typing would auto-indent). */
export async function pasteIntoEditor(page: Page, text: string): Promise<void> {
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page
    .locator('.monaco-editor textarea')
    .first()
    .evaluate((area, value) => {
      const data = new DataTransfer();
      data.setData('text/plain', value);
      area.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      );
    }, text);
}

/** Console lines the page writes for each Content-Security-Policy violation (see collectPageErrors). */
const CSP_MARK = '[csp-violation]';

/**
 * Records what went wrong on `page` from now on: uncaught errors, and Content-Security-Policy
 * violations (the document's `securitypolicyviolation` events, and Chromium's "Refused to …"
 * console lines, which also cover the workers). Call before the first `goto`.
 */
export async function collectPageErrors(
  page: Page,
): Promise<{ readonly errors: string[]; readonly violations: string[] }> {
  const errors: string[] = [];
  const violations: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (message) => {
    const text = message.text();
    if (text.startsWith(CSP_MARK) || text.includes('Content Security Policy')) violations.push(text);
  });
  await page.addInitScript((mark) => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.warn(`${mark} ${e.effectiveDirective} ${e.blockedURI}`);
    });
  }, CSP_MARK);
  return { errors, violations };
}

/**
 * Each test starts on the default scenario with no autosave, and fails if the page threw or
 * broke the Content-Security-Policy. Call once at the top of a spec file.
 */
export function startFreshWithDefaultScenario(): void {
  let seen: { readonly errors: string[]; readonly violations: string[] } = { errors: [], violations: [] };
  test.beforeEach(async ({ page }) => {
    seen = await collectPageErrors(page);
    // Playwright gives every test a new browser context, so storage starts empty: one load is a
    // first visit. (Loading, clearing and reloading left the first load's IndexedDB save behind,
    // or let its pagehide flush write it again, and the next edit recorded it as another page's.)
    await page.goto('/');
    await expect(page.getByTestId('editor')).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
  });
  test.afterEach(() => {
    expect(seen.errors).toEqual([]);
    expect(seen.violations).toEqual([]);
  });
}

/** How many pixels of the packet canvas are painted (0: no dot drawn). */
export const paintedPixels = (page: Page) =>
  page.getByTestId('packets').evaluate((canvas: HTMLCanvasElement) => {
    const ctx = canvas.getContext('2d');
    if (!ctx || canvas.width === 0) return 0;
    const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    let n = 0;
    for (let i = 3; i < data.length; i += 4) if ((data[i] ?? 0) > 0) n++;
    return n;
  });
