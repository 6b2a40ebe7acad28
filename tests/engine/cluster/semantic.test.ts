import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { semanticDiagnostics } from '../../../src/engine/cluster/semantic.ts';
import { buildCluster, parseManifests } from '../../../src/engine/index.ts';
import { container, containerPort, model, pod, port, service } from './fixtures/endpoints-model.ts';

const text = readFileSync(new URL('./fixtures/semantic-wiring.yaml', import.meta.url), 'utf8');
const { objects } = parseManifests(text);
const src = (name: string, index: number) => ({ kind: 'Service', namespace: undefined, name, index });

const services = [
  service('default', 'web', { ports: [port(80, 8080)], source: src('web', 0) }),
  service('default', 'api', {
    ports: [port(80, 'http', 'http'), port(9100, 9100, 'metrics')],
    source: src('api', 1),
  }),
  service('default', 'shop', { selector: { app: 'sh\u043ep' }, source: src('shop', 2) }),
  service('default', 'external-db', {
    selector: undefined,
    ports: [port(5432)],
    source: src('external-db', 3),
  }),
  service('default', 'named', { ports: [port(80, 'www')], source: src('named', 5) }),
  // Made by the cluster itself: never reported.
  service('default', 'kubernetes', { selector: undefined, source: src('kubernetes', -1) }),
];
const pods = [
  pod('test', 'web-1', '10.244.1.2', { labels: { app: 'web' } }),
  pod('test', 'web-2', '10.244.1.3', { labels: { app: 'web' } }),
  pod('default', 'api-a', '10.244.1.4', {
    labels: { app: 'api' },
    containers: [container([containerPort(8080, 'http')])],
  }),
  pod('default', 'api-b', '10.244.1.5', {
    labels: { app: 'api' },
    containers: [container([containerPort(8080)])],
  }),
  pod('default', 'shop-1', '10.244.1.6', { labels: { app: 'shop' } }),
  pod('default', 'named-1', '10.244.1.7', {
    labels: { app: 'named' },
    containers: [container([containerPort(80, 'http')])],
  }),
];
const diagnostics = semanticDiagnostics(model({ services, pods }), objects);
const find = (code: string) => diagnostics.filter((d) => d.code === code);

describe('semanticDiagnostics', () => {
  it('reports each problem once, as a located warning at the offending value', () => {
    expect(diagnostics.map((d) => `${String(d.range.start.line)} ${d.code} ${d.path}`)).toEqual([
      '7 semantic/selector-no-match spec.selector',
      '22 semantic/target-port-name-mismatch spec.ports[0].targetPort',
      '25 semantic/target-port-not-exposed spec.ports[1].targetPort',
      '33 semantic/selector-no-match spec.selector',
      '33 semantic/selector-lookalike spec.selector.app',
      '42 semantic/selectorless-no-endpoints spec',
      '90 semantic/target-port-name-not-found spec.ports[0].targetPort',
      '54 semantic/ingress-port-not-found spec.defaultBackend.service.port.number',
      '65 semantic/ingress-port-not-found spec.rules[0].http.paths[0].backend.service.port.name',
      '70 semantic/ingress-service-not-found spec.rules[0].http.paths[1].backend.service.name',
    ]);
    expect(diagnostics.every((d) => d.severity === 'warning')).toBe(true);
  });

  it('says where pods with the selected labels live instead', () => {
    expect(find('semantic/selector-no-match')[0]?.message).toBe(
      'Service default/web selects app=web but no pod in namespace default has these labels; 2 pods in namespace test do (a Service only selects pods in its own namespace). It has no endpoints.',
    );
  });

  it('names the look-alike character in a selector', () => {
    expect(find('semantic/selector-lookalike')[0]?.message).toBe(
      'Service default/shop selects app=sh\u043ep, which looks the same as the label app=shop on pod default/shop-1 but is different text: it contains U+043E (Cyrillic small o, looks like "o"). Labels must match character for character; retype the selector or the label.',
    );
  });

  it('explains named and numbered targetPorts the pods do not expose', () => {
    expect(find('semantic/target-port-name-mismatch')[0]?.message).toBe(
      'Service default/api port "http" (80/TCP) has targetPort "http", found on 1 of 2 selected pods; 1 pod (default/api-b) has no container port named "http", so it gets no endpoint for this port.',
    );
    expect(find('semantic/target-port-not-exposed')[0]?.message).toBe(
      'Service default/api port "metrics" (9100/TCP) sends traffic to targetPort 9100, but no selected pod\'s container declares containerPort 9100/TCP (they declare 8080/TCP). Traffic still goes to port 9100 of each pod; if nothing listens there, connections are refused.',
    );
    expect(find('semantic/target-port-name-not-found')[0]?.message).toBe(
      'Service default/named port (80/TCP) has targetPort "www", but no selected pod has a container port named "www" with protocol TCP. The endpoints controller skips this port for every pod, so it has no endpoints.',
    );
  });

  it('checks Ingress backends against Services and their ports', () => {
    expect(find('semantic/ingress-service-not-found')[0]?.message).toBe(
      'Ingress default/site routes to Service nope, which does not exist in namespace default; the ingress controller answers 503 for it.',
    );
    expect(find('semantic/ingress-port-not-found').map((d) => d.message)).toEqual([
      'Ingress default/site routes to port 81 of Service default/api, which has no such port (its ports: http (80), metrics (9100)); the ingress controller answers 503 for it.',
      'Ingress default/site routes to port "grpc" of Service default/api, which has no port of that name (its ports: http (80), metrics (9100)); the ingress controller answers 503 for it.',
    ]);
  });

  it('is quiet when a selectorless Service has written Endpoints', () => {
    const withEndpoints = model({
      services: [services[3] ?? service('default', 'x')],
      endpoints: [{ namespace: 'default', name: 'external-db', subsets: [], managedBy: 'user' }],
    });
    expect(
      semanticDiagnostics(
        withEndpoints,
        objects.filter((o) => o.kind === 'Service'),
      ),
    ).toEqual([]);
  });
});

describe('semanticDiagnostics inside buildCluster (text → parseManifests → buildCluster)', () => {
  it('lands in the model, located on the selector', () => {
    const shop = parseManifests(
      readFileSync(new URL('./fixtures/endpoints-shop.yaml', import.meta.url), 'utf8'),
    );
    const semantic = buildCluster(shop.objects).diagnostics.filter((d) => d.code.startsWith('semantic/'));
    expect(semantic.map((d) => [d.code, d.path, d.range.start.line, d.message])).toEqual([
      [
        'semantic/selector-no-match',
        'spec.selector',
        85,
        'Service default/late selects app=nothing-here but no pod in namespace default has these labels. It has no endpoints.',
      ],
    ]);
  });

  it('reports the wiring fixture the same way when the cluster is built from it', () => {
    const built = buildCluster(objects).diagnostics.filter((d) => d.code.startsWith('semantic/'));
    expect(built.map((d) => d.code)).toContain('semantic/ingress-service-not-found');
    expect(built.map((d) => d.code)).toContain('semantic/selectorless-no-endpoints');
  });
});
