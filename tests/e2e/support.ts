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

/**
 * Each test starts on the default scenario with no autosave, and fails if the page threw.
 * Call once at the top of a spec file.
 */
export function startFreshWithDefaultScenario(): void {
  const errors: string[] = [];
  test.beforeEach(async ({ page }) => {
    errors.length = 0;
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto('/');
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await expect(page.getByTestId('editor')).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
  });
  test.afterEach(() => expect(errors).toEqual([]));
}
