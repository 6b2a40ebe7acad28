import { describe, expect, it } from 'vitest';
import { build, fixture, service } from './build-helpers.ts';

describe('what a cluster runs by itself', () => {
  const m = build(fixture('ingress.yaml'));

  it('namespaces: the four built-in ones, plus ingress-nginx once an Ingress exists', () => {
    expect(m.namespaces.map((n) => n.name)).toEqual([
      'default',
      'kube-system',
      'kube-public',
      'kube-node-lease',
      'ingress-nginx',
    ]);
    expect(
      build('apiVersion: v1\nkind: Namespace\nmetadata: {name: x}\n').namespaces.map((n) => n.name),
    ).toEqual(['default', 'kube-system', 'kube-public', 'kube-node-lease', 'x']);
  });

  it('CoreDNS: two pods coredns-<hash>-<5> behind kube-dns; kube-proxy on every node', () => {
    const dns = m.pods.filter((p) => p.system === 'coredns');
    expect(dns).toHaveLength(2);
    for (const p of dns) {
      expect(p.name).toMatch(/^coredns-[4-9bcdf]+-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
      expect(p).toMatchObject({
        namespace: 'kube-system',
        labels: { 'k8s-app': 'kube-dns' },
        dnsPolicy: 'Default',
      });
      expect(p.source.index).toBe(-1);
      expect(p.containers[0]?.ports).toEqual([
        { name: 'dns', containerPort: 53, protocol: 'UDP' },
        { name: 'dns-tcp', containerPort: 53, protocol: 'TCP' },
        { name: 'metrics', containerPort: 9153, protocol: 'TCP' },
      ]);
    }
    expect(
      service(m, 'kube-system', 'kube-dns')?.ports.map((p) => `${p.name} ${p.port}/${p.protocol}`),
    ).toEqual(['dns 53/UDP', 'dns-tcp 53/TCP', 'metrics 9153/TCP']);
    const proxies = m.pods.filter((p) => p.system === 'kube-proxy');
    expect(proxies.map((p) => [p.node, p.ip, p.hostNetwork])).toEqual([
      ['node-1', '172.18.0.2', true],
      ['node-2', '172.18.0.3', true],
    ]);
    for (const p of proxies) expect(p.name).toMatch(/^kube-proxy-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  });

  it('the kubernetes Service: 443 → 6443, selectorless', () => {
    expect(service(m, 'default', 'kubernetes')).toMatchObject({
      clusterIP: '10.96.0.1',
      selector: undefined,
      ports: [expect.objectContaining({ name: 'https', port: 443, targetPort: 6443 })],
    });
  });

  it('ingress-nginx: the controller pod and its LoadBalancer Service, after the text', () => {
    const controller = m.pods.filter((p) => p.system === 'ingress-nginx');
    expect(controller).toHaveLength(1);
    expect(controller[0]?.name).toMatch(
      /^ingress-nginx-controller-[4-9bcdf]+-[bcdfghjklmnpqrstvwxz2456789]{5}$/,
    );
    expect(controller[0]?.labels).toMatchObject({
      'app.kubernetes.io/component': 'controller',
      'app.kubernetes.io/name': 'ingress-nginx',
    });
    expect(service(m, 'ingress-nginx', 'ingress-nginx-controller')).toMatchObject({
      type: 'LoadBalancer',
      clusterIP: '10.96.0.2',
      loadBalancerIPs: ['172.18.255.200'],
      ports: [
        expect.objectContaining({ name: 'http', port: 80, targetPort: 'http' }),
        expect.objectContaining({ name: 'https', port: 443, targetPort: 'https' }),
      ],
    });
    expect(
      build('apiVersion: v1\nkind: Namespace\nmetadata: {name: x}\n').pods.some(
        (p) => p.system === 'ingress-nginx',
      ),
    ).toBe(false);
  });

  it('Ingresses: the default class nginx unless a class or the legacy annotation is written', () => {
    expect(m.ingresses.map((i) => [i.namespace, i.name, i.ingressClassName])).toEqual([
      ['default', 'whale', 'nginx'],
      ['default', 'classed', undefined],
    ]);
  });
});

describe('namespaces and document order', () => {
  const pod = (ns: string) =>
    `apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: ${ns}}\nspec: {containers: [{name: c, image: x}]}\n`;
  const ns = 'apiVersion: v1\nkind: Namespace\nmetadata: {name: test}\n';

  it('an object in a namespace that does not exist (yet) is rejected', () => {
    const m = build(`${pod('test')}---\n${ns}`);
    expect(m.rejected).toEqual([
      {
        kind: 'Pod',
        namespace: 'test',
        name: 'p',
        message: 'namespaces "test" not found',
        source: { kind: 'Pod', namespace: 'test', name: 'p', index: 0 },
      },
    ]);
    expect(m.diagnostics.find((d) => d.code === 'admission/namespace-not-found')).toMatchObject({
      severity: 'error',
      path: 'metadata.namespace',
      range: { start: { line: 3 } },
    });
  });

  it('a Namespace applied first makes room', () => {
    const m = build(`${ns}---\n${pod('test')}`);
    expect(m.rejected).toEqual([]);
    expect(m.pods.some((p) => p.namespace === 'test' && p.name === 'p')).toBe(true);
  });

  it('one apply: containers start after every Service of the text exists, pods keep their order', () => {
    const m = build(
      `${pod('default')}---\napiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {ports: [{port: 80}]}\n`,
    );
    const p = m.pods.find((x) => x.name === 'p');
    const s = m.services.find((x) => x.name === 's');
    expect(p !== undefined && s !== undefined && s.createOrder < p.startOrder).toBe(true);
    const order = m.pods.map((x) => x.startOrder);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });
});
