import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { pasteIntoEditor, startFreshWithDefaultScenario } from './support.ts';

startFreshWithDefaultScenario();

const ALPHA = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: alpha\ndata:\n  k: one\n';
const BETA = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: beta\ndata:\n  k: two\n';
const GAMMA = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: gamma\ndata:\n  k: three\n';

/** What IndexedDB holds as the current text (the store the app writes), or null. */
function storedText(page: Page): Promise<string | null> {
  return page.evaluate(
    () =>
      new Promise<string | null>((resolve, reject) => {
        const open = indexedDB.open('podwire');
        open.onerror = () => reject(new Error(String(open.error)));
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('current')) return resolve(null);
          const get = db.transaction('current').objectStore('current').get('text');
          get.onerror = () => reject(new Error(String(get.error)));
          get.onsuccess = () => {
            db.close();
            resolve((get.result as { text?: string } | undefined)?.text ?? null);
          };
        };
      }),
  );
}

/** The texts kept in IndexedDB's history store. */
function historyTexts(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('podwire');
        open.onerror = () => reject(new Error(String(open.error)));
        open.onsuccess = () => {
          const get = open.result.transaction('history').objectStore('history').getAll();
          get.onsuccess = () => {
            open.result.close();
            resolve((get.result as { text: string }[]).map((v) => v.text));
          };
        };
      }),
  );
}

function editorText(page: Page): Promise<string> {
  return page
    .locator('.monaco-editor .view-lines')
    .first()
    .innerText()
    .then((t) => t.replace(/\u00a0/g, ' '));
}

async function waitForEditor(page: Page): Promise<void> {
  await expect(page.getByTestId('editor')).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
}

test('typed text is saved in IndexedDB and comes back after a reload, even without the localStorage copy', async ({
  page,
}) => {
  await pasteIntoEditor(page, ALPHA);
  await expect.poll(() => storedText(page)).toBe(ALPHA);
  // Only IndexedDB has it now: the page must read it from there.
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await waitForEditor(page);
  await expect.poll(() => editorText(page)).toContain('name: alpha');
});

test('the old localStorage autosave moves into IndexedDB on the first run', async ({ page }) => {
  // The first run after an update: only podwire.autosave.v1 exists, no database yet.
  await page.addInitScript((old) => {
    if (sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', '1');
    indexedDB.deleteDatabase('podwire');
    localStorage.clear();
    localStorage.setItem('podwire.autosave.v1', old);
  }, BETA);
  await page.reload();
  await waitForEditor(page);
  await expect.poll(() => editorText(page)).toContain('name: beta');
  await expect.poll(() => storedText(page)).toBe(BETA);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await waitForEditor(page);
  await expect.poll(() => editorText(page)).toContain('name: beta');
});

for (const [what, stub] of [
  [
    'full (QuotaExceededError)',
    () => {
      IDBObjectStore.prototype.put = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    },
  ],
  [
    'unavailable (indexedDB.open fails)',
    () => {
      IDBFactory.prototype.open = () => {
        throw new DOMException('blocked', 'InvalidStateError');
      };
    },
  ],
] as const) {
  test(`storage ${what}: a banner says so and "Download my text" saves the text`, async ({ page }) => {
    await page.addInitScript(stub);
    await page.addInitScript(() => {
      Storage.prototype.setItem = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    await page.reload();
    await waitForEditor(page);
    await pasteIntoEditor(page, GAMMA);
    const banner = page.getByRole('alert').filter({ hasText: 'cannot save your text' });
    await expect(banner).toBeVisible();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      banner.getByRole('button', { name: 'Download my text' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('podwire.yaml');
    expect(await readFile(await download.path(), 'utf8')).toBe(GAMMA);
    await expect.poll(() => editorText(page)).toContain('name: gamma');
  });
}

test('when only IndexedDB fails, localStorage keeps the text and no banner shows', async ({ page }) => {
  await page.addInitScript(() => {
    IDBFactory.prototype.open = () => {
      throw new DOMException('blocked', 'InvalidStateError');
    };
  });
  await page.reload();
  await waitForEditor(page);
  await pasteIntoEditor(page, GAMMA);
  await expect.poll(() => page.evaluate(() => localStorage.getItem('podwire.autosave.v1'))).toBe(GAMMA);
  // (Monaco keeps its own empty role=alert regions: look for ours by its words.)
  await expect(page.getByRole('alert').filter({ hasText: 'cannot save' })).toHaveCount(0);
  await page.reload();
  await waitForEditor(page);
  await expect.poll(() => editorText(page)).toContain('name: gamma');
});

test('History lists recent versions; Restore brings one back and Ctrl+Z undoes it', async ({ page }) => {
  await pasteIntoEditor(page, ALPHA);
  // A version is kept after a pause in typing.
  await expect.poll(() => historyTexts(page), { timeout: 15_000 }).toContain(ALPHA);
  await pasteIntoEditor(page, BETA);
  await expect.poll(() => historyTexts(page), { timeout: 15_000 }).toContain(BETA);

  await page.getByRole('button', { name: 'History' }).click();
  const dialog = page.getByRole('dialog', { name: 'History' });
  await expect(dialog).toBeVisible();
  const items = dialog.getByRole('listitem');
  await expect(items).toHaveCount(2);
  await expect(items.first()).toContainText('ConfigMap beta');
  await expect(items.nth(1)).toContainText('ConfigMap alpha');

  await dialog.getByRole('button', { name: /^Restore .*ConfigMap alpha/ }).click();
  await expect(dialog).toBeHidden();
  await expect.poll(() => editorText(page)).toContain('name: alpha');

  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press('ControlOrMeta+Z');
  await expect.poll(() => editorText(page)).toContain('name: beta');
});

test('a text set from outside the editor (the proxy-mode selector) is one undoable edit', async ({
  page,
}) => {
  const mode = page
    .getByRole('region', { name: 'Cluster graph' })
    .getByRole('combobox', { name: 'Proxy mode' });
  await expect(mode).toHaveValue('iptables');
  await mode.selectOption('nftables');
  await expect
    .poll(() => page.evaluate(() => localStorage.getItem('podwire.autosave.v1')))
    .toContain('proxyMode: nftables');
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press('ControlOrMeta+Z');
  await expect(mode).toHaveValue('iptables');
  await expect
    .poll(() => page.evaluate(() => localStorage.getItem('podwire.autosave.v1')))
    .not.toContain('proxyMode: nftables');
});

test.describe('two tabs', () => {
  async function openSecondTab(page: Page): Promise<Page> {
    const other = await page.context().newPage();
    await other.goto('/');
    await waitForEditor(other);
    return other;
  }

  test('an edit in one tab, then in the other: the other asks; "Load theirs" is undoable', async ({
    page,
  }) => {
    const b = await openSecondTab(page);
    await pasteIntoEditor(page, ALPHA);
    await expect.poll(() => storedText(page)).toBe(ALPHA);
    // B shows what it showed: nothing replaced behind the user's back.
    await expect.poll(() => editorText(b)).toContain('whale');
    await pasteIntoEditor(b, BETA);
    const banner = b.getByRole('alert').filter({ hasText: 'This text was changed in another tab' });
    await expect(banner).toBeVisible();
    expect(await editorText(b)).toContain('name: beta');
    expect(await storedText(b)).toBe(ALPHA);
    await banner.getByRole('button', { name: 'Load theirs' }).click();
    await expect(banner).toBeHidden();
    await expect.poll(() => editorText(b)).toContain('name: alpha');
    await expect.poll(() => historyTexts(b)).toContain(BETA);
    await b.locator('.monaco-editor .view-lines').first().click();
    await b.keyboard.press('ControlOrMeta+Z');
    await expect.poll(() => editorText(b)).toContain('name: beta');
    await b.close();
  });

  test('"Keep mine" saves this tab\'s text as the newest and keeps theirs in History', async ({ page }) => {
    const b = await openSecondTab(page);
    await pasteIntoEditor(page, ALPHA);
    await expect.poll(() => storedText(page)).toBe(ALPHA);
    // B types on top of the older text: its save must not overwrite A's.
    await pasteIntoEditor(b, BETA);
    const banner = b.getByRole('alert').filter({ hasText: 'This text was changed in another tab' });
    await expect(banner).toBeVisible();
    await b.waitForTimeout(600);
    expect(await storedText(b)).toBe(ALPHA);

    await banner.getByRole('button', { name: 'Keep mine' }).click();
    await expect(banner).toBeHidden();
    await expect.poll(() => storedText(b)).toBe(BETA);
    await expect.poll(() => historyTexts(b)).toContain(ALPHA);
    expect(await editorText(b)).toContain('name: beta');
    // Now A is the one behind: when it edits, it is asked too, and keeps showing its own text.
    await pasteIntoEditor(page, GAMMA);
    await expect(
      page.getByRole('alert').filter({ hasText: 'This text was changed in another tab' }),
    ).toBeVisible();
    expect(await editorText(page)).toContain('name: gamma');
    expect(await storedText(page)).toBe(BETA);
    await b.close();
  });
});
