import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { pasteIntoEditor, startFreshWithDefaultScenario } from './support.ts';

// Korean throughout: switched to with the language switch (or taken from a ko-KR browser), the
// main views carry no English words but names, kinds and notations.

startFreshWithDefaultScenario();

const YAML = readFileSync(join(import.meta.dirname, '../../src/scenarios/whale-hosting.yaml'), 'utf8');

/** Every scalar value written in the YAML (names, labels, kinds, API values): allowed as is. */
const FROM_YAML = new Set(
  [...YAML.matchAll(/:\s*([^\s#{}[\],]+)\s*$/gm)].flatMap((m) => (m[1] ?? '').match(/[A-Za-z]+/g) ?? []),
);

/** Notations that are the same in every language, with why. */
const ALLOWED = new Set([
  ...['Podwire', 'kube', 'proxy', 'kubelet', 'conntrack', 'veth', 'nginx', 'CoreDNS', 'coredns'], // programs
  ...['iptables', 'ipvs', 'nftables', 'userspace', 'KUBE'], // kube-proxy's modes and chain prefix
  ...['default', 'kubernetes'], // names the cluster adds: the namespace default, the Service kubernetes
  ...['tcp', 'udp', 'SRV', 'PTR', 'AAAA'], // protocols as env values, DNS record types
  ...['TCP', 'UDP', 'SCTP', 'HTTP', 'GET', 'DNS', 'ICMP', 'RST', 'TLS', 'URL', 'YAML', 'CIDR'], // protocols
  ...['DNAT', 'SNAT', 'REJECT', 'DROP', 'PREROUTING', 'NOERROR', 'NXDOMAIN', 'Host', 'location', 'Location'], // tool words
  ...['Pod', 'Service', 'Node', 'Ingress', 'Egress', 'IngressClass', 'NetworkPolicy', 'Simulation'], // kinds
  ...['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName', 'InternalIP', 'hostNetwork', 'ndots'], // API values
  ...['externalTrafficPolicy', 'Cluster', 'Local', 'sessionAffinity', 'ClientIP', 'policyTypes'],
  ...['Enter', 'Space', 'Delete', 'Esc', 'Tab', 'Ctrl'], // key names
  ...['JSON', 'PNG', 'SVG'], // file formats
]);

/**
 * The English words left in `roots`: their text (without rules and files as the tools print
 * them, code, the YAML, and text marked lang="en": the API server's wording and the "English"
 * button) and their accessible names, titles and placeholders.
 */
async function englishIn(roots: Locator): Promise<string[]> {
  const texts = await roots.evaluateAll((els) =>
    els.flatMap((root) => {
      const clone = root.cloneNode(true) as HTMLElement;
      clone.querySelectorAll('pre, code, .monaco-editor, [lang="en"]').forEach((e) => e.remove());
      // innerText needs layout: measure the clone in the page, off screen.
      clone.style.position = 'fixed';
      clone.style.left = '-10000px';
      document.body.append(clone);
      const text = clone.innerText;
      clone.remove();
      const attrs = [...root.querySelectorAll('*'), root]
        .filter((e) => !e.closest('pre, code, .monaco-editor, [lang="en"]'))
        .flatMap((e) =>
          ['aria-label', 'title', 'placeholder', 'alt', 'aria-roledescription'].map(
            (a) => e.getAttribute(a) ?? '',
          ),
        );
      return [text, ...attrs];
    }),
  );
  return (
    texts
      .flatMap((t) => t.split(/\s+/))
      .map((w) => w.replace(/^[^\w]+|[^\w]+$/g, ''))
      // Identifiers (pod/default/whale-a-x7k2p, a.whale.hey, WHALE_SVC_A_SERVICE_HOST, eth0) are names.
      .filter((w) => !/[-./:_=\d@]/.test(w))
      .flatMap((w) => w.match(/[A-Za-z]{3,}/g) ?? [])
      .filter((w) => !ALLOWED.has(w) && !FROM_YAML.has(w))
  );
}

const switchTo = async (page: Page, name: 'English' | '한국어') => {
  await page
    .getByRole('group', { name: /Language|언어/ })
    .getByRole('button', { name })
    .click();
};

test('in Korean the main views have no English words left', async ({ page }) => {
  await switchTo(page, '한국어');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  await expect(page).toHaveTitle(/쿠버네티스/);
  const graph = page.getByRole('region', { name: '클러스터 그래프' });
  const player = page.getByRole('region', { name: '시뮬레이션' });
  const inspector = page.getByRole('region', { name: '속성 보기' });
  await expect(graph.getByRole('button', { name: /^whale-ingress-a-/ })).toBeVisible();
  await expect(graph.getByRole('button', { name: '확대' })).toBeVisible();

  const leftovers: Record<string, string[]> = {};
  const scan = async (view: string, where: Locator) => {
    const words = await englishIn(where);
    if (words.length > 0) leftovers[view] = [...new Set(words)];
  };
  await scan('top bar', page.locator('header.topbar'));
  await scan('editor and problems', page.locator('.left'));
  await scan('graph', graph);
  await scan('objects', page.getByRole('region', { name: '오브젝트' }));

  // Play, pause, then step: the timeline and a hop's details.
  await player.getByRole('button', { name: '재생' }).click();
  await expect(player.getByRole('region', { name: '이벤트' }).getByRole('listitem').first()).toBeVisible({
    timeout: 20_000,
  });
  await player.getByRole('button', { name: '일시 정지' }).click();
  for (let i = 0; i < 6; i++) await player.getByRole('button', { name: '한 단계 앞으로' }).click();
  await expect(inspector.getByRole('region', { name: '홉' })).toBeVisible();
  await expect(inspector.locator('.hop-description')).toContainText(/[가-힣]/);
  await scan('player', player);
  await scan('hop', inspector);

  // The inspector of a pod, a Service and a node (with its kube-proxy rules view).
  await graph.getByRole('button', { name: /^whale-ingress-a-/ }).click();
  await expect(inspector.getByText(/^default\/whale-ingress-a-[a-z0-9]{5}$/)).toBeVisible();
  await expect(inspector.getByRole('region', { name: /의 환경 변수$/ }).first()).toBeVisible();
  await scan('pod inspector', inspector);
  await graph.getByRole('button', { name: /^whale-svc-a\b/ }).click();
  await expect(inspector.getByRole('region', { name: '엔드포인트' })).toBeVisible();
  await scan('Service inspector', inspector);
  await graph.getByRole('button', { name: /^노드 node-1/ }).click();
  await expect(inspector.getByRole('region', { name: 'kube-proxy 규칙' })).toBeVisible();
  await expect(inspector.getByRole('heading', { name: /node-1의 iptables/ })).toBeVisible();
  await scan('node inspector and rules', inspector);

  // An Ingress: its route table, then a URL tried.
  await graph.getByRole('button', { name: /^whale-ingress\b.*a\.whale\.hey/ }).click();
  await expect(inspector.getByRole('region', { name: '라우팅 표' })).toBeVisible();
  await inspector.getByRole('textbox', { name: 'URL' }).fill('http://a.whale.hey/');
  await inspector.getByRole('button', { name: '시험', exact: true }).click();
  await expect(inspector.getByRole('region', { name: '결과' })).toBeVisible();
  await scan('Ingress inspector and a URL tried', inspector);

  expect(leftovers).toEqual({});

  // The choice outlives a reload.
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  await expect(page.getByRole('region', { name: '클러스터 그래프' })).toBeVisible();
});

test("a problem keeps the API server's wording, glossed in Korean", async ({ page }) => {
  await switchTo(page, '한국어');
  await pasteIntoEditor(
    page,
    'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n  - port: 80\n  - port: 443\n',
  );
  const problems = page.getByRole('region', { name: '문제' });
  await expect(problems.getByText('spec.ports[0].name: Required value')).toHaveAttribute('lang', 'en');
  await expect(problems.getByText('spec.ports[0].name: 필수 값이 없습니다')).toBeVisible();
  expect(await englishIn(problems)).toEqual([]);
});

test('switching back to English restores the English UI', async ({ page }) => {
  await switchTo(page, '한국어');
  await expect(page.getByRole('region', { name: '클러스터 그래프' })).toBeVisible();
  await switchTo(page, 'English');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page).toHaveTitle('Podwire');
  const graph = page.getByRole('region', { name: 'Cluster graph' });
  await expect(graph.getByRole('button', { name: 'Fit View' })).toBeVisible();
  await expect(graph.getByRole('button', { name: /^client\b.*outside the cluster/ })).toBeVisible();
});

test.describe('a browser whose language is Korean', () => {
  test.use({ locale: 'ko-KR' });

  test('opens in Korean on the first visit, and keeps a later choice of English', async ({ page }) => {
    await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
    await expect(page.getByRole('button', { name: '한국어' })).toHaveAttribute('aria-pressed', 'true');
    const graph = page.getByRole('region', { name: '클러스터 그래프' });
    await expect(graph.getByRole('button', { name: /^클라이언트.*클러스터 외부/ })).toBeVisible();
    await switchTo(page, 'English');
    await page.reload();
    await expect(page.getByRole('region', { name: 'Cluster graph' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');
  });
});
