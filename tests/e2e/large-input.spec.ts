import { expect, test } from '@playwright/test';
import { pasteIntoEditor } from './support.ts';

// 5 MB of manifests: the engine reads them in the worker, so the page keeps answering and the
// last good picture stays until the new one is ready.

function manyServices(bytes: number): { text: string; count: number } {
  let text = '';
  let count = 0;
  while (text.length < bytes) {
    text += `---\napiVersion: v1\nkind: Service\nmetadata:\n  name: svc-${count}\nspec:\n  ports:\n  - name: http\n    port: 80\n  selector:\n    app: a${count}\n`;
    count++;
  }
  return { text, count };
}

test('a 5 MB paste is read in the worker while the page stays usable', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await expect(page.getByTestId('editor')).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
  const objects = page.getByRole('region', { name: 'Objects' });
  await expect(objects.getByRole('heading')).toContainText(/Objects\s*\d+/);
  const before = await objects.getByRole('heading').innerText();

  const { text, count } = manyServices(5 * 1024 * 1024);
  await pasteIntoEditor(page, text);

  // While the worker reads, the old picture is still there and the page answers clicks.
  await expect(page.getByRole('status')).toHaveText('Reading…');
  await expect(objects.getByRole('heading')).toHaveText(before);
  await objects.getByRole('button').first().click();

  await expect(objects.getByRole('heading')).toHaveText(`Objects ${count}`, { timeout: 90_000 });
  await expect(page.getByRole('status')).toHaveText('');

  // Listed a page at a time (40,000 rows made every pass over the page crawl); the rest on demand.
  const rows = objects.getByRole('listitem');
  await expect(rows).toHaveCount(500);
  await expect(rows.last()).toContainText(`svc-499`);
  const more = objects.getByRole('button', { name: `Show 500 more (${String(count - 500)} not listed yet)` });
  await more.click();
  await expect(rows).toHaveCount(1000);
  await expect(rows.last()).toContainText(`svc-999`);
  // So do the problems (40,000 "selects no pods" warnings) and the outline (a namespace's Services).
  const problems = page.getByRole('region', { name: 'Problems' });
  await expect(problems.getByRole('listitem')).toHaveCount(500);
  // (Namespace default also has the cluster's own Service, kubernetes.)
  const outline = page.getByRole('region', { name: 'Outline' });
  await expect(
    outline.getByRole('button', { name: `Show 500 more (${String(count + 1 - 500)} not listed yet)` }),
  ).toBeVisible();
});
