import { expect, test, type Page } from '@playwright/test';
import { largeClusterYaml } from '../bench/large-cluster.ts';
import { pasteIntoEditor, startFreshWithDefaultScenario } from './support.ts';

// The whale scenario drawn: pods on nodes, Services, the Ingress; a click opens the inspector
// with what the pod sees; "Show in editor" and the editor's cursor connect text and picture.

startFreshWithDefaultScenario();

const graphOf = (page: Page) => page.getByRole('region', { name: 'Cluster graph' });
const inspectorOf = (page: Page) => page.getByRole('region', { name: 'Inspector' });
const activeLine = (page: Page) => page.locator('.monaco-editor .line-numbers.active-line-number');
const fitView = (page: Page) => graphOf(page).getByRole('button', { name: 'Fit View' }).click();

test('the whale scenario is drawn: pods on the nodes, Services, the Ingress and the outside world', async ({
  page,
}) => {
  const graph = graphOf(page);
  await expect(
    graph.getByRole('button', { name: /^whale-ingress-a-[a-z0-9]{5}\b.*on node-\d/ }),
  ).toBeVisible();
  await expect(
    graph.getByRole('button', { name: /^whale-ingress-b-[a-z0-9]{5}\b.*on node-\d/ }),
  ).toBeVisible();
  await expect(graph.getByRole('button', { name: /^whale-svc-a\b.*NodePort.*nodePort 30301/ })).toBeVisible();
  await expect(graph.getByRole('button', { name: /^whale-svc-b\b.*nodePort 30284/ })).toBeVisible();
  await expect(
    graph.getByRole('button', { name: /^whale-ingress\b.*a\.whale\.hey.*b\.whale\.hey/ }),
  ).toBeVisible();
  await expect(graph.getByRole('button', { name: /^Node node-1/ })).toBeVisible();
  await expect(graph.getByRole('button', { name: /^Node node-2/ })).toBeVisible();
  await expect(graph.getByRole('button', { name: /^client\b/ })).toBeVisible();
  await expect(graph.getByRole('button', { name: /^kube-proxy\b.*iptables/ })).toHaveCount(2);
  await expect(graph.getByRole('list', { name: 'Namespaces' }).getByText('default')).toBeVisible();
  await page.screenshot({ path: 'test-results/graph-whale.png' });
});

test('clicking a pod shows its env vars, resolv.conf and the Services that select it', async ({ page }) => {
  await graphOf(page)
    .getByRole('button', { name: /^whale-ingress-b-/ })
    .click();
  const inspector = inspectorOf(page);
  await expect(inspector.getByText(/^default\/whale-ingress-b-[a-z0-9]{5}$/)).toBeVisible();
  // kubelet injects the variables of the Services that exist when the container starts.
  const env = inspector.getByRole('region', { name: 'Environment of sayhey' });
  await expect(
    env.getByRole('row', { name: /^WHALE_SVC_A_SERVICE_HOST\s+10\.96\.\d+\.\d+\s+service$/ }),
  ).toBeVisible();
  await expect(env.getByRole('row', { name: /^WHALE_SVC_B_SERVICE_PORT\s+80\s+service$/ })).toBeVisible();
  await expect(
    env.getByRole('row', { name: /^KUBERNETES_SERVICE_HOST\s+10\.96\.0\.1\s+service$/ }),
  ).toBeVisible();
  await expect(inspector.getByRole('region', { name: 'resolv.conf' })).toContainText(
    'search default.svc.cluster.local svc.cluster.local cluster.local',
  );
  await expect(
    inspector
      .getByRole('region', { name: 'Selected by Services' })
      .getByRole('button', { name: 'default/whale-svc-b' }),
  ).toBeVisible();
  await page.screenshot({ path: 'test-results/graph-inspector-pod.png' });

  // "Show in editor" moves the editor to the ReplicationController that made the pod.
  await inspector.getByRole('button', { name: 'Show in editor' }).click();
  await expect(activeLine(page)).toHaveText('21');
  // …and the selection stays on the pod that was clicked.
  await expect(inspector.getByText(/^default\/whale-ingress-b-[a-z0-9]{5}$/)).toBeVisible();
});

test('a Service shows its ClusterIP, ports, endpoints and DNS names; the cursor selects what is under it', async ({
  page,
}) => {
  await graphOf(page)
    .getByRole('button', { name: /^whale-svc-a\b/ })
    .click();
  const inspector = inspectorOf(page);
  await expect(inspector.getByText('default/whale-svc-a')).toBeVisible();
  const ports = inspector.getByRole('region', { name: 'Ports' });
  await expect(ports.getByRole('row', { name: /http\s+80\s+80\s+30301\s+TCP/ })).toBeVisible();
  await expect(
    inspector.getByRole('region', { name: 'Endpoints' }).getByRole('button', { name: /^whale-ingress-a-/ }),
  ).toBeVisible();
  await expect(inspector.getByRole('region', { name: 'DNS names' })).toContainText(
    'whale-svc-a.default.svc.cluster.local',
  );

  // Put the cursor inside the whale-svc-b Service: the inspector follows.
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+Home');
  for (let i = 1; i < 58; i++) await page.keyboard.press('ArrowDown'); // line 58: `name: whale-svc-b`
  await expect(activeLine(page)).toHaveText('58');
  await expect(inspector.getByText('default/whale-svc-b')).toBeVisible();
  await expect(graphOf(page).getByRole('button', { name: /^whale-svc-b\b/ })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
});

test('while the text is broken the last good picture stays', async ({ page }) => {
  // A good picture first: the test is about keeping it, so it must have arrived.
  await expect(graphOf(page).getByRole('button', { name: /^whale-ingress-a-/ })).toBeVisible();
  await pasteIntoEditor(page, 'apiVersion: v1\nkind: Service\nmetadata:\n  name: [broken\n');
  await expect(graphOf(page).getByText('The text has errors: showing the last good reading.')).toBeVisible();
  await expect(graphOf(page).getByRole('button', { name: /^whale-ingress-a-/ })).toBeVisible();
});

// One node, 2 coredns + 16 web + 3 api pods: past the limit (14) the last 7 are folded. In
// `default`, kubernetes + web + 11 more Services: past the limit (12) the last one is.
const deployment = (name: string, replicas: number) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  replicas: ${replicas}
  selector:
    matchLabels: {app: ${name}}
  template:
    metadata:
      labels: {app: ${name}}
    spec:
      containers:
      - name: ${name}
        image: nginx
`;
const service = (name: string, port: number) =>
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n  selector: {app: ${name}}\n  ports:\n  - port: ${port}\n`;
const crowded = (port: number) =>
  [
    'apiVersion: podwire.dev/v1alpha1\nkind: Simulation\nmetadata:\n  name: crowded\nspec:\n  cluster:\n    nodes: 1\n',
    deployment('web', 16),
    deployment('api', 3),
    service('web', port),
    ...Array.from({ length: 11 }, (_, i) => service(`svc-${i}`, 80)),
  ].join('---\n');

test('a large cluster draws each crowded node\'s first pods and "+K more pods"', async ({ page }) => {
  test.setTimeout(120_000);
  await pasteIntoEditor(page, largeClusterYaml());
  await expect(page.getByRole('region', { name: 'Objects' }).getByRole('heading')).toHaveText('Objects 661', {
    timeout: 60_000,
  });
  await fitView(page);
  await expect(
    graphOf(page)
      .getByRole('button', { name: /^\+\d+ more pods\b.*\b14 of \d+ shown/ })
      .first(),
  ).toBeVisible();
});

test('"+K more pods" lists the folded pods; picking one draws them all, and that stays across edits', async ({
  page,
}) => {
  await pasteIntoEditor(page, crowded(80));
  const graph = graphOf(page);
  await expect(graph.getByRole('button', { name: /^\+7 more pods\b/ })).toBeAttached();
  await expect(graph.getByRole('button', { name: /^(web|api)-[a-z0-9]+-[a-z0-9]{5}\b/ })).toHaveCount(12);
  await fitView(page);
  await graph.getByRole('button', { name: /^\+7 more pods\b/ }).click();

  const inspector = inspectorOf(page);
  await expect(inspector.getByText('This node runs 21 pods; the graph draws the first 14')).toBeVisible();
  await expect(
    inspector.getByRole('region', { name: 'Selected by Services' }).getByRole('listitem'),
  ).toHaveText([/^default\/web\s+4 pods$/]);
  const folded = inspector.getByRole('region', { name: 'Not drawn' }).getByRole('button');
  await expect(folded).toHaveCount(7);
  const api = folded.filter({ hasText: /^default\/api-/ }).first();
  const name = ((await api.textContent()) ?? '').replace('default/', '');
  await api.click();

  // The node is drawn in full and the picked pod selected.
  await expect(inspector.getByText(`default/${name}`, { exact: true })).toBeVisible();
  await expect(graph.getByRole('button', { name: new RegExp(`^${name}\\b`) })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(graph.getByRole('button', { name: /^all 21 pods shown\b/ })).toBeAttached();
  await expect(graph.getByRole('button', { name: /^(web|api)-[a-z0-9]+-[a-z0-9]{5}\b/ })).toHaveCount(19);

  // An edit redraws the picture: the node stays open.
  await pasteIntoEditor(page, crowded(8080));
  await expect(graph.getByRole('button', { name: /^web\b.*\s80\/TCP/ })).toHaveCount(0);
  await expect(graph.getByRole('button', { name: /^web\b.*8080\/TCP/ })).toBeVisible();
  await expect(graph.getByRole('button', { name: /^(web|api)-[a-z0-9]+-[a-z0-9]{5}\b/ })).toHaveCount(19);

  // …until the reader folds it again.
  await fitView(page);
  await graph.getByRole('button', { name: /^all 21 pods shown\b/ }).click();
  await inspector.getByRole('button', { name: 'Show fewer' }).click();
  await expect(graph.getByRole('button', { name: /^\+7 more pods\b/ })).toBeAttached();
});

test('the cursor on a Deployment whose pods are all folded selects the group standing for them', async ({
  page,
}) => {
  await pasteIntoEditor(page, crowded(80));
  await expect(graphOf(page).getByRole('button', { name: /^\+7 more pods\b/ })).toBeAttached();
  await expect(
    graphOf(page).getByRole('button', { name: /^\+1 more Service\b.*12 of 13 shown/ }),
  ).toBeAttached();
  await page.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+Home');
  for (let i = 1; i < 28; i++) await page.keyboard.press('ArrowDown'); // line 28: `name: api`
  await expect(activeLine(page)).toHaveText('28');
  const inspector = inspectorOf(page);
  await expect(inspector.getByText('+7 more pods', { exact: true })).toBeVisible();
  await expect(inspector.getByRole('region', { name: 'Not drawn' })).toContainText(/default\/api-/);
});
