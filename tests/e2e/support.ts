import type { Page } from '@playwright/test';

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
