import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { pasteIntoEditor, startFreshWithDefaultScenario } from './support.ts';

// The scenario gallery as a user meets it: the "Scenarios" button, a dialog of cards, a scenario
// opened and played, its lesson above the graph (in Korean too), Ctrl+Z back to the previous
// text, "Back to my text", and a `?scenario=` link.

startFreshWithDefaultScenario();

const consoleErrors: string[] = [];
test.beforeEach(({ page }) => {
  consoleErrors.length = 0;
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
});
test.afterEach(() => expect(consoleErrors).toEqual([]));

/** Each card's English title, one flow of its traffic and the pods that flow must reach. */
const SCENARIOS: readonly { id: string; title: string; flow: string; pod: RegExp }[] = [
  {
    id: 'whale-hosting',
    title: 'Name-based Ingress: two whales',
    flow: 'external → http://a.whale.hey/',
    pod: /^default\/whale-ingress-a-[a-z0-9]{5}$/,
  },
  {
    id: 'clusterip-internal',
    title: 'ClusterIP: an internal Service',
    flow: 'pod/default/client → http://node-js-internal/',
    pod: /^default\/node-js-[a-z0-9]{5}$/,
  },
  {
    id: 'nodeport',
    title: 'NodePort: the same port on every node',
    flow: 'external → http://172.18.0.3:30001/',
    pod: /^default\/node-js-[a-z0-9]{5}$/,
  },
  {
    id: 'loadbalancer',
    title: 'LoadBalancer: an external Service',
    flow: 'external → http://172.18.255.200/',
    pod: /^default\/node-js-labels-[a-z0-9]{5}$/,
  },
  {
    id: 'custom-target-port',
    title: 'Custom port: 90 to targetPort 80',
    flow: 'pod/default/client → http://node-js-90:90/',
    pod: /^default\/node-js-90-[a-z0-9]{5}$/,
  },
  {
    id: 'multi-port',
    title: 'Multi-port Service',
    flow: 'pod/default/client → http://node-js-multi:8888/',
    pod: /^default\/node-js-multi-[a-z0-9]{5}$/,
  },
  {
    id: 'proxy-userspace',
    title: 'kube-proxy modes (1/3): userspace',
    flow: 'pod/default/client → http://mixed/',
    pod: /^default\/good$/,
  },
  {
    id: 'proxy-iptables',
    title: 'kube-proxy modes (2/3): iptables',
    flow: 'pod/default/client → http://node-js-internal/',
    pod: /^default\/node-js-[a-z0-9]{5}$/,
  },
  {
    id: 'proxy-ipvs',
    title: 'kube-proxy modes (3/3): IPVS',
    flow: 'pod/default/client → http://node-js-internal/',
    pod: /^default\/node-js-[a-z0-9]{5}$/,
  },
  {
    id: 'session-affinity',
    title: 'sessionAffinity: ClientIP',
    flow: 'pod/default/client → http://node-js-sticky/',
    pod: /^default\/node-js-[a-z0-9]{5}$/,
  },
  {
    id: 'readiness',
    title: 'Readiness: a pod not ready',
    flow: 'pod/default/client → http://node-js-internal/',
    pod: /^default\/node-js-[a-z0-9]{5}$/,
  },
  {
    id: 'ingress-single-service',
    title: 'Single-service Ingress',
    flow: 'external → http://other.example/some/path',
    pod: /^default\/testsvc-[a-z0-9]+-[a-z0-9]{5}$/,
  },
  {
    id: 'ingress-fanout',
    title: 'Fanout Ingress: /foo and /bar',
    flow: 'external → http://foo.bar.com/bar',
    pod: /^default\/service2-[a-z0-9]+-[a-z0-9]{5}$/,
  },
  {
    id: 'selectorless-endpoints',
    title: 'A Service without a selector',
    flow: 'external → http://172.18.255.200/',
    pod: /^default\/legacy-app$/,
  },
  {
    id: 'headless',
    title: 'Headless Service',
    flow: 'pod/default/client → http://node-js-none/',
    pod: /^default\/node-js-[a-z0-9]{5}$/,
  },
  {
    id: 'env-and-dns',
    title: 'Finding Services: env vars and DNS',
    flow: 'pod/test/utility → http://node-js-internal.default/',
    pod: /^default\/node-js-[a-z0-9]{5}$/,
  },
  {
    id: 'namespaces-quota',
    title: 'Namespaces and ResourceQuota',
    flow: 'pod/test/utility → http://node-js/',
    pod: /^test\/node-js-[a-z0-9]{5}$/,
  },
];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const galleryOf = (page: Page) => page.getByRole('dialog', { name: 'Scenario gallery' });
const lessonOf = (page: Page) => page.getByRole('region', { name: 'Lesson' });
const playerOf = (page: Page) => page.getByRole('region', { name: 'Simulation' });
const editorText = (page: Page) => page.evaluate(() => localStorage.getItem('podwire.autosave.v1') ?? '');

async function openFromGallery(page: Page, title: string) {
  await page.getByRole('button', { name: 'Scenarios' }).click();
  await galleryOf(page)
    .getByRole('button', { name: new RegExp(`^${escape(title)}`) })
    .click();
  await expect(galleryOf(page)).toBeHidden();
  await expect(lessonOf(page).getByText(title, { exact: true })).toBeVisible();
}

test('the gallery lists every scenario as a card', async ({ page }) => {
  await page.getByRole('button', { name: 'Scenarios' }).click();
  const cards = galleryOf(page).getByRole('listitem');
  await expect(cards).toHaveCount(SCENARIOS.length);
  for (const s of SCENARIOS) {
    await expect(
      galleryOf(page).getByRole('button', { name: new RegExp(`^${escape(s.title)}`) }),
    ).toBeVisible();
  }
});

for (const s of SCENARIOS) {
  test(`${s.id}: opened from the gallery and played, its packets reach the pods it promises`, async ({
    page,
  }) => {
    await openFromGallery(page, s.title);
    await expect(page.getByRole('status')).toHaveText('');
    const player = playerOf(page);
    await player.getByLabel('Speed').selectOption('8');
    await player.getByRole('button', { name: 'Play' }).click();
    const counters = player.getByRole('region', { name: 'Requests per pod' });
    const bars = counters.getByRole('figure', { name: s.flow, exact: true });
    await expect(bars.getByText(s.pod).first()).toBeVisible({ timeout: 20_000 });
    await player.getByRole('button', { name: 'Pause' }).click();
  });
}

test('namespaces-quota: the refused pod and Service are in the problems', async ({ page }) => {
  await openFromGallery(page, 'Namespaces and ResourceQuota');
  const problems = page.getByRole('region', { name: 'Problems' });
  await expect(problems.getByRole('button', { name: /exceeded quota: test-quotas/ }).first()).toBeVisible();
});

test('keyboard: Tab to a card, Enter opens it; Esc closes the gallery and focus returns', async ({
  page,
}) => {
  const open = page.getByRole('button', { name: 'Scenarios' });
  await open.focus();
  await page.keyboard.press('Enter');
  await expect(galleryOf(page)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(galleryOf(page)).toBeHidden();
  await expect(open).toBeFocused();
  await page.keyboard.press('Enter');
  const card = galleryOf(page).getByRole('button', { name: /^Headless Service/ });
  for (let i = 0; i < 40 && !(await card.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(card).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(galleryOf(page)).toBeHidden();
  await expect(lessonOf(page).getByText('Headless Service', { exact: true })).toBeVisible();
  await expect(open).toBeFocused();
});

test('Ctrl+Z in the editor after loading a scenario returns the previous text', async ({ page }) => {
  const mine = '# my own notes\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: mine\n';
  await pasteIntoEditor(page, mine);
  await expect.poll(() => editorText(page)).toBe(mine);
  await openFromGallery(page, 'NodePort: the same port on every node');
  await expect(page.locator('.monaco-editor .view-lines')).toContainText('node-js-nodeport');
  await expect.poll(() => editorText(page)).toContain('name: node-js-nodeport');
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press('ControlOrMeta+Z');
  await expect.poll(() => editorText(page)).toBe(mine);
  await expect(page.locator('.monaco-editor .view-lines')).not.toContainText('node-js-nodeport');
});

test('"Back to my text" brings the text back, which was kept in localStorage too', async ({ page }) => {
  const mine = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: kept-aside\n';
  await pasteIntoEditor(page, mine);
  await expect.poll(() => editorText(page)).toBe(mine);
  await openFromGallery(page, 'Readiness: a pod not ready');
  const kept = () => page.evaluate(() => localStorage.getItem('podwire.autosave.before-gallery.v1'));
  expect(await kept()).toBe(mine);
  // A second scenario over the first (a built-in text) keeps the user's text, not the first scenario.
  await openFromGallery(page, 'Headless Service');
  expect(await kept()).toBe(mine);
  await lessonOf(page).getByRole('button', { name: 'Back to my text' }).click();
  await expect.poll(() => editorText(page)).toBe(mine);
  await expect(lessonOf(page)).toBeHidden();
});

test('the lesson can be dismissed', async ({ page }) => {
  await openFromGallery(page, 'Fanout Ingress: /foo and /bar');
  await lessonOf(page).getByRole('button', { name: 'Dismiss the lesson' }).click();
  await expect(lessonOf(page)).toBeHidden();
});

test('?scenario=<id> opens that scenario with its lesson; an unknown id says so', async ({ page }) => {
  await page.goto('/?scenario=session-affinity');
  await expect(lessonOf(page).getByText('sessionAffinity: ClientIP', { exact: true })).toBeVisible();
  await expect(page.locator('.monaco-editor .view-lines')).toContainText('node-js-sticky');
  await expect.poll(() => editorText(page)).toContain('sessionAffinity: ClientIP');
  expect(new URL(page.url()).searchParams.has('scenario')).toBe(false);
  await page.goto('/?scenario=no-such-thing');
  await expect(lessonOf(page).getByRole('alert')).toHaveText(
    'There is no scenario named “no-such-thing” in the gallery.',
  );
});

test('in Korean the button, the cards and the lesson are Korean', async ({ page }) => {
  await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: '한국어' }).click();
  await page.getByRole('button', { name: '시나리오' }).click();
  const gallery = page.getByRole('dialog', { name: '시나리오 갤러리' });
  await gallery.getByRole('button', { name: /^헤드리스 서비스/ }).click();
  const lesson = page.getByRole('region', { name: '학습 포인트' });
  await expect(lesson.getByText('헤드리스 서비스', { exact: true })).toBeVisible();
  await expect(lesson.getByText(/clusterIP: None이면 클러스터 IP도 kube-proxy 규칙도 없고/)).toBeVisible();
});

test('axe finds no violations in the open gallery or in the lesson notice', async ({ page }) => {
  await page.getByRole('button', { name: 'Scenarios' }).click();
  await expect(galleryOf(page)).toBeVisible();
  const inGallery = await new AxeBuilder({ page }).include('.gallery').analyze();
  expect(inGallery.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  await galleryOf(page)
    .getByRole('button', { name: /^Multi-port Service/ })
    .click();
  await expect(lessonOf(page)).toBeVisible();
  const inLesson = await new AxeBuilder({ page }).include('.lesson').analyze();
  expect(inLesson.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});
