import { describe, expect, it } from 'vitest';
import { createParseCache, parseManifests } from '../../../src/engine/index.ts';

const service = (name: string) => `apiVersion: v1
kind: Service
metadata:
  name: ${name}
spec:
  ports:
  - port: 80
  selector:
    app: ${name}
`;

describe('parseManifests: reading text as kubectl does', () => {
  it('reads multi-document YAML, skipping empty documents and a lone ---', () => {
    const text = `---\n---\n# only a comment\n---\n${service('a')}---\n\n---\n${service('b')}...\n`;
    const { objects, diagnostics } = parseManifests(text);
    expect(diagnostics).toEqual([]);
    expect(objects.map((o) => o.name)).toEqual(['a', 'b']);
    expect(objects[1]?.range.start.line).toBe(17);
  });

  it('reads kind: List as printed by kubectl get -o yaml, items located in the text', () => {
    const text = `apiVersion: v1
kind: List
metadata:
  resourceVersion: ""
items:
- apiVersion: v1
  kind: Service
  metadata:
    name: one
    uid: 6f1c0a4e-0000-4000-8000-000000000001
    resourceVersion: "42"
    managedFields: []
  spec:
    ports:
    - port: 80
- apiVersion: v1
  kind: Service
  metadata:
    name: Two
  spec:
    ports:
    - port: 80
`;
    const { objects, diagnostics } = parseManifests(text);
    expect(objects.map((o) => o.name)).toEqual(['one', 'Two']);
    expect(objects.map((o) => o.index)).toEqual([0, 1]);
    const bad = diagnostics.find((d) => d.path === 'metadata.name');
    expect(bad?.message).toMatch(
      /^metadata\.name: Invalid value: "Two": a DNS-1035 label must consist of lower case/,
    );
    expect(bad?.range.start).toEqual({ line: 19, column: 11 });
  });

  it('reads JSON, including a List from kubectl get -o json', () => {
    const text = JSON.stringify(
      {
        apiVersion: 'v1',
        kind: 'List',
        items: [JSON.parse('{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"test"}}')],
      },
      null,
      '\t',
    );
    const { objects, diagnostics } = parseManifests(text);
    expect(diagnostics).toEqual([]);
    expect(objects.map((o) => `${o.kind}/${o.name}`)).toEqual(['Namespace/test']);
  });

  it('keeps line numbers right with a BOM, CRLF, lone CR and mixed line ends', () => {
    const broken = service('x').replace('  - port: 80', '  - port: 0');
    for (const eol of ['\r\n', '\r', '\n']) {
      const mixed = broken.split('\n').join(eol);
      const { diagnostics } = parseManifests(`\uFEFF${mixed}`);
      expect(diagnostics.map((d) => [d.range.start.line, d.range.start.column, d.path])).toEqual([
        [7, 11, 'spec.ports[0].port'],
      ]);
    }
  });

  it('normalizes a v1beta1 Ingress to networking.k8s.io/v1 and says so with the v1 form', () => {
    const text = `apiVersion: networking.k8s.io/v1beta1
kind: Ingress
metadata:
  name: test-ingress
spec:
  backend:
    serviceName: testsvc
    servicePort: 80
`;
    const { objects, diagnostics } = parseManifests(text);
    expect(objects[0]?.apiVersion).toBe('networking.k8s.io/v1');
    expect(objects[0]?.body['spec']).toEqual({
      defaultBackend: { service: { name: 'testsvc', port: { number: 80 } } },
    });
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]?.severity).toBe('info');
    expect(diagnostics[0]?.message).toContain('defaultBackend:\n    service:\n      name: testsvc');
  });

  it('points errors inside a legacy Ingress at what the user wrote', () => {
    const text = `apiVersion: extensions/v1beta1
kind: Ingress
metadata:
  name: fanout
spec:
  rules:
  - host: foo.bar.com
    http:
      paths:
      - path: /foo
        backend:
          serviceName: Service_1
          servicePort: 4200
`;
    const errors = parseManifests(text).diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => [d.path, d.range.start.line])).toEqual([
      ['spec.rules[0].http.paths[0].backend.service.name', 12],
    ]);
  });

  it('keeps unknown kinds as "not simulated" warnings, not errors', () => {
    const text = `apiVersion: networking.istio.io/v1beta1
kind: VirtualService
metadata:
  name: reviews
spec:
  hosts: [reviews]
`;
    const { objects, diagnostics } = parseManifests(text);
    expect(objects).toHaveLength(1);
    expect(objects[0]?.simulated).toBe(false);
    expect(diagnostics.map((d) => [d.severity, d.message, d.range.start.line])).toEqual([
      [
        'warning',
        'VirtualService (networking.istio.io/v1beta1) is not simulated: Podwire keeps it but it has no effect on the picture',
        2,
      ],
    ]);
  });

  it('treats __proto__, constructor and toString as ordinary keys', () => {
    const text = `apiVersion: v1
kind: ConfigMap
metadata:
  name: cm
  labels:
    constructor: a
    toString: b
data:
  __proto__: polluted
`;
    const { objects } = parseManifests(text);
    const body = objects[0]?.body;
    expect(Object.keys(body?.['data'] ?? {})).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.getPrototypeOf(body?.['data'])).toBe(Object.prototype);
  });

  it('reads YAML 1.1 scalars as kubectl does, quoted strings stay strings', () => {
    const text = `apiVersion: v1
kind: ConfigMap
metadata:
  name: cm
  annotations:
    a: "yes"
data:
  b: "on"
`;
    const { objects, diagnostics } = parseManifests(text);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(objects[0]?.body['data']).toEqual({ b: 'on' });
    const metadata = objects[0]?.body['metadata'] as { annotations: unknown };
    expect(metadata.annotations).toEqual({ a: 'yes' });
  });

  it('locates a field inside merged (<<) and aliased mappings', () => {
    const text = `apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  ports:
  - &p
    port: 70000
  selector: {app: web}
`;
    const d = parseManifests(text).diagnostics;
    expect(d.map((x) => [x.path, x.range.start.line])).toEqual([['spec.ports[0].port', 8]]);
  });

  it('re-reads only the document an edit touched, with the same results as a fresh read', () => {
    const cache = createParseCache();
    const text = `${service('a')}---\n${service('b')}---\n${service('c')}`;
    const first = parseManifests(text, cache);
    const cachedB = [...cache.values()][1];
    const edited = text.replace('name: c', 'name: C');
    const second = parseManifests(edited, cache);
    expect([...cache.values()][1]).toBe(cachedB);
    const fresh = parseManifests(edited);
    const plain = (r: typeof fresh) => ({
      diagnostics: r.diagnostics,
      objects: r.objects.map((o) => [o.index, o.name, o.range, o.locate(['spec', 'ports', 0, 'port'])]),
    });
    expect(plain(second)).toEqual(plain(fresh));
    expect(second.diagnostics.map((d) => [d.range.start.line, d.path])).toEqual([[24, 'metadata.name']]);
    expect(first.objects.map((o) => o.range.start.line)).toEqual([1, 11, 21]);
  });
});
