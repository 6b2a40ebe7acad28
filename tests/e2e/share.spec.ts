import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { pasteIntoEditor, startFreshWithDefaultScenario } from './support.ts';

// Share links (issues #7 and #9): a link opens the same scenario, selection and language in a
// fresh browser; a damaged or hostile link says what is wrong and the user's own text survives.

startFreshWithDefaultScenario();

const AUTOSAVE = 'podwire.autosave.v1';
const HTML = '<img src=x onerror="window.__pwned=1">';
const MINE = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: mine\n';

const autosave = (page: Page) => page.evaluate((key) => localStorage.getItem(key), AUTOSAVE);
const inspectorOf = (page: Page) => page.getByRole('region', { name: 'Inspector' });
const graphOf = (page: Page) => page.getByRole('region', { name: 'Cluster graph' });

/** A link built outside the app (Node's gzip), for payloads the app would never make. */
function fragmentOf(json: string): string {
  return `s1.${gzipSync(Buffer.from(json, 'utf8')).toString('base64url')}`;
}

/** Types the user's own text and waits until it is autosaved. */
async function typeOwnText(page: Page): Promise<void> {
  await pasteIntoEditor(page, MINE);
  await expect.poll(() => autosave(page)).toBe(MINE);
}

/** A fresh page load at `/#fragment` (not only a hashchange). */
async function openFresh(page: Page, fragment: string): Promise<void> {
  await page.goto('about:blank');
  await page.goto(`/#${fragment}`);
  await expect(page.getByTestId('editor')).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
}

test('a copied link opens the same text, seed, selection, language and speed in a fresh browser', async ({
  page,
  context,
  browser,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  // The default scenario with another seed (in its Simulation document), typed by the user.
  const whale = readFileSync(new URL('../../src/scenarios/whale-hosting.yaml', import.meta.url), 'utf8');
  expect(whale).toContain('seed: 1');
  await pasteIntoEditor(page, whale.replace('seed: 1', 'seed: 7'));
  await expect.poll(() => autosave(page)).toContain('seed: 7');
  const text = (await autosave(page)) ?? '';

  await graphOf(page)
    .getByRole('button', { name: /^whale-ingress-b-/ })
    .click();
  const podName = inspectorOf(page).getByText(/^default\/whale-ingress-b-[a-z0-9]{5}$/);
  await expect(podName).toBeVisible();
  const pod = (await podName.textContent()) ?? '';
  await page.getByRole('combobox', { name: /Speed|속도/ }).selectOption('4');
  await page.getByRole('button', { name: '한국어' }).click();

  await page.getByRole('button', { name: '공유' }).click();
  await page.getByRole('button', { name: '링크 복사' }).click();
  await expect(page.getByRole('status').filter({ hasText: '링크를 복사했습니다' })).toBeVisible();
  const link = await page.getByRole('textbox', { name: '이 시나리오의 링크' }).inputValue();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  expect(link).toMatch(/#s1\.[A-Za-z0-9_-]+$/);
  console.log(`whale link with a selection: ${link.length} characters`);

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  const errors: string[] = [];
  other.on('pageerror', (e) => errors.push(e.message));
  await other.goto(link);
  await expect(other.getByTestId('editor')).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
  await expect(
    other.getByRole('region', { name: '속성 보기' }).getByText(pod, { exact: true }),
  ).toBeVisible();
  await expect(other.locator('html')).toHaveAttribute('lang', 'ko');
  await expect(other.getByRole('button', { name: '공유' })).toBeVisible();
  await expect(other.getByRole('combobox', { name: /Speed|속도/ })).toHaveValue('4');
  await expect.poll(() => autosave(other)).toBe(text);
  expect(text).toContain('seed: 7');
  // The fragment is gone: a reload does not open the link again.
  expect(new URL(other.url()).hash).toBe('');
  expect(errors).toEqual([]);
  await fresh.close();
});

test('hostile links say what is wrong and the user’s autosave survives', async ({ page }) => {
  await typeOwnText(page);
  const valid = fragmentOf(
    JSON.stringify({ v: 1, text: 'kind: Namespace\n'.repeat(200), lang: 'en', speed: 1 }),
  );
  const middle = Math.floor(valid.length / 2);
  const changed = valid.slice(0, middle) + (valid[middle] === 'A' ? 'B' : 'A') + valid.slice(middle + 1);
  const bomb = fragmentOf(`{"v":1,"text":"${'0'.repeat(50 * 1024 * 1024)}","lang":"en","speed":1}`);
  const cases: [string, RegExp][] = [
    [valid.slice(0, valid.length - 12), /cut off or changed \(the data ends too early\)/],
    [changed, /damaged/],
    [bomb, /more than 1 MB/],
    ['s9.xxx', /another version of Podwire \(format s9\)/],
    [fragmentOf('{"v":1,"text":42,"lang":"en","speed":1}'), /setting “text” has a wrong value/],
  ];
  for (const [fragment, message] of cases) {
    await openFresh(page, fragment);
    const alert = page.getByRole('alert').filter({ hasText: message });
    await expect(alert).toBeVisible();
    await expect(alert).toContainText('Your own text is untouched.');
    expect(new URL(page.url()).hash).toBe('');
    await page.reload();
    await expect(page.locator('.monaco-editor .view-line', { hasText: 'name: mine' })).toBeVisible();
    expect(await autosave(page)).toBe(MINE);
  }
  // Arriving by hashchange on a running page is read the same way.
  await page.evaluate(() => (location.hash = '#s9.xxx'));
  await expect(page.getByRole('alert').filter({ hasText: '(format s9)' })).toBeVisible();
  expect(await autosave(page)).toBe(MINE);
});

test('a view-only link never touches the autosave; "Edit a copy" saves it and the old text can come back', async ({
  page,
}) => {
  await typeOwnText(page);
  const shared = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shared\n';
  const viewOnly = fragmentOf(JSON.stringify({ v: 1, text: shared, lang: 'en', speed: 1, viewOnly: true }));
  await openFresh(page, viewOnly);
  await expect(page.getByText('View-only: edits are not saved')).toBeVisible();
  await expect(page.locator('.monaco-editor .view-line', { hasText: 'name: shared' })).toBeVisible();
  // The editor is read-only: typing changes nothing.
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.type('zzz');
  await expect(page.locator('.monaco-editor .view-line', { hasText: 'zzz' })).toHaveCount(0);
  expect(await autosave(page)).toBe(MINE);
  await page.reload();
  await expect(page.locator('.monaco-editor .view-line', { hasText: 'name: mine' })).toBeVisible();
  expect(await autosave(page)).toBe(MINE);

  await openFresh(page, viewOnly);
  await page.getByRole('button', { name: 'Edit a copy' }).click();
  await expect(page.getByText('View-only: edits are not saved')).toHaveCount(0);
  await expect.poll(() => autosave(page)).toBe(shared);
  await page.getByRole('button', { name: 'Restore my previous text' }).click();
  await expect.poll(() => autosave(page)).toBe(MINE);
});

test('a link over the user’s own text asks first; the previous text can be restored', async ({ page }) => {
  await typeOwnText(page);
  const shared = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shared\n';
  await openFresh(page, fragmentOf(JSON.stringify({ v: 1, text: shared, lang: 'en', speed: 2 })));
  const dialog = page.getByRole('dialog', { name: 'Open the shared scenario?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Keep my text' }).click();
  await expect(dialog).toBeHidden();
  expect(await autosave(page)).toBe(MINE);

  await openFresh(page, fragmentOf(JSON.stringify({ v: 1, text: shared, lang: 'en', speed: 2 })));
  await page.getByRole('dialog').getByRole('button', { name: 'Open it' }).click();
  await expect.poll(() => autosave(page)).toBe(shared);
  // The editor took the link's text as one edit: undo gives the user's text back, redo the link's.
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press('ControlOrMeta+Z');
  await expect.poll(() => autosave(page)).toBe(MINE);
  await page.keyboard.press('ControlOrMeta+Shift+Z');
  await expect.poll(() => autosave(page)).toBe(shared);
  expect(await page.evaluate(() => localStorage.getItem('podwire.autosave.before-link.v1'))).toBe(MINE);
  await page.getByRole('button', { name: 'Restore my previous text' }).click();
  await expect.poll(() => autosave(page)).toBe(MINE);
});

test('past 8,000 characters Share offers a file; opening the file brings text and settings back', async ({
  page,
}) => {
  // Comments that do not compress (a seeded generator), so the link grows past 8,000 characters.
  let x = 12345;
  const noise = Array.from({ length: 600 }, () => {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    return `# ${x.toString(36)} ${((x * 48271) % 2 ** 31).toString(36)} ${(x % 99991).toString(36)}`;
  });
  const big = `${MINE}${noise.join('\n')}\n`;
  await pasteIntoEditor(page, big);
  await expect.poll(() => autosave(page)).toBe(big);

  await page.getByRole('button', { name: 'Share' }).click();
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByText(/The link would be \d+ characters/)).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Link to this scenario' })).toHaveCount(0);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download scenario file' }).click(),
  ]);
  const file = readFileSync(await download.path(), 'utf8');
  expect(file).toMatch(/^# podwire-share: \{"lang":"en","speed":1[,}]/);
  expect(file.slice(file.indexOf('\n') + 1)).toBe(big);

  // Another text and language; the file brings back its text and its language.
  await pasteIntoEditor(page, 'kind: Namespace\n');
  await expect.poll(() => autosave(page)).toBe('kind: Namespace\n');
  await page.getByRole('button', { name: '한국어' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  await page
    .getByLabel('파일 열기')
    .setInputFiles({ name: 'scenario.yaml', mimeType: 'text/yaml', buffer: Buffer.from(file, 'utf8') });
  await page.getByRole('dialog').getByRole('button', { name: '열기', exact: true }).click();
  await expect.poll(() => autosave(page)).toBe(big);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('markup in labels, annotations and values of a link stays text everywhere', async ({ page }) => {
  const yaml = [
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    '  name: evil',
    '  labels:',
    '    app: evil',
    '  annotations:',
    `    title: '${HTML}'`,
    'spec:',
    '  containers:',
    '  - name: web',
    '    image: nginx',
    '    env:',
    '    - name: NOTE',
    `      value: '${HTML}'`,
    '---',
    'apiVersion: v1',
    'kind: Service',
    'metadata:',
    '  name: evil-svc',
    '  labels:',
    `    note: '${HTML}'`,
    'spec:',
    '  selector:',
    '    app: evil',
    '  ports:',
    '  - port: 80',
    '---',
    // An ImplementationSpecific path may hold any characters after '/': it is drawn on the edge.
    'apiVersion: networking.k8s.io/v1',
    'kind: Ingress',
    'metadata:',
    '  name: evil-ing',
    'spec:',
    '  ingressClassName: nginx',
    '  rules:',
    '  - http:',
    '      paths:',
    `      - path: '/${HTML}'`,
    '        pathType: ImplementationSpecific',
    '        backend:',
    '          service:',
    '            name: evil-svc',
    '            port:',
    '              number: 80',
    '',
  ].join('\n');
  await openFresh(
    page,
    fragmentOf(JSON.stringify({ v: 1, text: yaml, lang: 'en', speed: 1, selection: 'pod/default/evil' })),
  );
  await expect(inspectorOf(page).getByText('default/evil', { exact: true })).toBeVisible();
  await graphOf(page)
    .getByRole('button', { name: /^evil \d/ })
    .click();
  await expect(inspectorOf(page).getByText(HTML, { exact: true })).toBeVisible();
  // The label's validation error quotes the value (Go's %q escapes its quotes), as text.
  await expect(page.getByRole('region', { name: 'Problems' })).toContainText(
    'Invalid value: "<img src=x onerror=\\"window.__pwned=1\\">"',
  );

  // Monaco's hover on the label value (its marker message) shows it as text too. A hover that
  // lands before Monaco has the marker shows nothing until the mouse moves again: move and retry.
  const value = page
    .locator('.monaco-editor .view-line', { hasText: 'note:' })
    .getByText('onerror', { exact: false })
    .first();
  const hover = page.locator('.monaco-hover-content').filter({ hasText: 'Invalid value' });
  await expect(async () => {
    await page.mouse.move(0, 0);
    await value.hover();
    await expect(hover).toBeVisible({ timeout: 3000 });
  }).toPass({ timeout: 20_000 });
  await expect(hover).toContainText('<img src=x onerror=\\"window.__pwned=1\\">');

  // The graph draws the Ingress path on its edge as text.
  await expect(graphOf(page).getByText(`/${HTML}`).first()).toBeVisible();

  // The exported SVG escapes it: the markup is text in a <text>, never an element.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    (async () => {
      await page.getByRole('button', { name: 'Export' }).click();
      await page
        .getByRole('menu', { name: 'Export' })
        .getByRole('menuitem', { name: 'Graph as SVG' })
        .click();
    })(),
  ]);
  const svg = readFileSync(await download.path(), 'utf8');
  expect(svg).toContain('&lt;img src=x onerror=');
  expect(svg).not.toMatch(/<img/i);

  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  expect(await page.title()).not.toMatch(/<|onerror/);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
});
