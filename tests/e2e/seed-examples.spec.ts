import { expect, test, type Page } from '@playwright/test';
import { seedYamlBlocks, sharedExists } from '../support/shared.ts';
import { pasteIntoEditor } from './support.ts';

// Every example of the study note, pasted as a learner would, drawn as the cluster it builds.
// Two examples put a controller and its Service in one block without `---` (two files in the
// note): they are pasted as the two files they are.

const blocks = sharedExists() ? seedYamlBlocks() : [];
const block = (title: string) => blocks.find((b) => b.title.endsWith(title))?.text ?? '';
const asTwoFiles = (text: string) => text.replace(/\n(# nodejs-[a-zA-Z]+-service\.yaml)/, '\n---\n$1');

const errors: string[] = [];
test.beforeEach(async ({ page }) => {
  errors.length = 0;
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  await expect(page.getByTestId('editor')).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
});
test.afterEach(() => expect(errors).toEqual([]));

const graphOf = (page: Page) => page.getByRole('region', { name: 'Cluster graph' });
const problemsOf = (page: Page) => page.getByRole('region', { name: 'Problems' });

async function show(page: Page, text: string) {
  await pasteIntoEditor(page, text);
  await expect(page.getByRole('status')).toHaveText('');
}

test.describe('the study note examples', () => {
  test.skip(!sharedExists(), 'shared/ (the study note) is not beside the repository');

  test('ClusterIP, NodePort and LoadBalancer Services', async ({ page }) => {
    const graph = graphOf(page);
    await show(page, block('nodejs-service-intenal.yaml'));
    await expect(
      graph.getByRole('button', { name: /^node-js-internal\b.*80\/TCP.*ClusterIP/ }),
    ).toBeVisible();
    await show(page, block('nodejs-service-nodeport.yaml'));
    await expect(
      graph.getByRole('button', { name: /^node-js-nodeport\b.*NodePort.*nodePort 30001/ }),
    ).toBeVisible();
    await show(page, block('nodejs-labels-service.yaml'));
    await expect(graph.getByRole('button', { name: /^node-js-labels\b.*LoadBalancer/ })).toBeVisible();
    await expect(graph.getByRole('button', { name: /^cloud load balancer\b/ })).toBeVisible();
  });

  test('a custom targetPort: three pods behind port 90, with their Service variables', async ({ page }) => {
    const graph = graphOf(page);
    await show(page, asTwoFiles(block('nodejs-customPort-controller.yaml')));
    await expect(graph.getByRole('button', { name: /^node-js-90-[a-z0-9]{5}\b.*on node-\d/ })).toHaveCount(3);
    await expect(graph.getByRole('button', { name: /^node-js-90\b.*90\/TCP.*LoadBalancer/ })).toBeVisible();
    await graph
      .getByRole('button', { name: /^node-js-90-[a-z0-9]{5}\b/ })
      .first()
      .click();
    const env = page
      .getByRole('region', { name: 'Inspector' })
      .getByRole('region', { name: 'Environment of node-js-90' });
    await expect(env.getByRole('row', { name: /^NODE_JS_90_SERVICE_PORT\s+90\s+service$/ })).toBeVisible();
    await expect(
      env.getByRole('row', { name: /^NODE_JS_90_PORT_90_TCP_PORT\s+90\s+service$/ }),
    ).toBeVisible();
  });

  test('a multi-port Service names each port; the variables say so', async ({ page }) => {
    const graph = graphOf(page);
    await show(page, asTwoFiles(block('nodejs-multi-controller.yaml')));
    await expect(graph.getByRole('button', { name: /^node-js-multi-[a-z0-9]{5}\b/ })).toHaveCount(3);
    await graph
      .getByRole('button', { name: /^node-js-multi-[a-z0-9]{5}\b/ })
      .first()
      .click();
    const env = page
      .getByRole('region', { name: 'Inspector' })
      .getByRole('region', { name: 'Environment of node-js-multi' });
    await expect(
      env.getByRole('row', { name: /^NODE_JS_MULTI_SERVICE_PORT_FAKE_ADMIN_HTTP\s+8888\s+service$/ }),
    ).toBeVisible();
    await expect(
      env.getByRole('row', { name: /^NODE_JS_MULTI_SERVICE_PORT_HTTP\s+80\s+service$/ }),
    ).toBeVisible();
  });

  test('legacy Ingresses are read as networking.k8s.io/v1 and drawn', async ({ page }) => {
    const graph = graphOf(page);
    await show(page, block('test-ingress'));
    await expect(problemsOf(page).getByRole('button', { name: /Ingress is no longer served/ })).toBeVisible();
    await expect(graph.getByRole('button', { name: /^test-ingress\b/ })).toBeVisible();
    await show(page, block('simple-fanout-example'));
    await expect(
      graph.getByRole('button', { name: /^simple-fanout-example\b.*foo\.bar\.com/ }),
    ).toBeVisible();
  });

  test('tabs and a bad Endpoints address are located; the last good picture stays', async ({ page }) => {
    const graph = graphOf(page);
    await show(page, block('nodejs-headless-service.yaml'));
    await expect(graph.getByRole('button', { name: /^node-js-none\b.*headless/ })).toBeVisible();
    await show(page, blocks[10]?.text ?? '');
    await expect(
      problemsOf(page).getByRole('button', { name: /4:1.*found character that cannot start any token/ }),
    ).toBeVisible();
    await show(page, blocks[11]?.text ?? '');
    await expect(
      problemsOf(page)
        .getByRole('button', { name: /must be a valid IP address/ })
        .first(),
    ).toBeVisible();
    await expect(graph.getByRole('button', { name: /^node-js-none\b/ })).toBeVisible();
  });

  test('namespaces and ResourceQuota: the utility pod in namespace test, quota usage shown', async ({
    page,
  }) => {
    const graph = graphOf(page);
    await show(page, [block('test-ns.yaml'), block('ns-pod.yaml'), block('quota.yaml')].join('---\n'));
    await expect(graph.getByRole('button', { name: /^utility\b.*Pod test.*on node-\d/ })).toBeVisible();
    await expect(graph.getByRole('list', { name: 'Namespaces' })).toContainText('pods 1/3');
  });
});
