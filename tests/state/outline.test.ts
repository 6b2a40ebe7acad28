import { describe, expect, it } from 'vitest';
import { outlineOf } from '../../src/state/outline.ts';
import { build, fixture } from '../engine/cluster/build-helpers.ts';

describe('outlineOf', () => {
  const outline = outlineOf(build(fixture('endpoints-shop.yaml')));
  const ns = (name: string) => outline.find((n) => n.name === name);
  const svc = (name: string) => ns('default')?.services.find((s) => s.name === name);

  it('lists namespaces with Services or pods, sorted', () => {
    const names = outline.map((n) => n.name);
    expect(names).toContain('default');
    expect(names).toEqual([...names].sort());
  });

  it("puts each Service's endpoints under it with the pod behind each address", () => {
    const web = svc('node-js');
    expect(web?.id).toBe('svc/default/node-js');
    expect(web?.endpoints).toHaveLength(2);
    for (const e of web?.endpoints ?? []) {
      expect(e.ports).toEqual([8080]);
      expect(e.ready).toBe(true);
      expect(e.podName).toMatch(/^node-js-/);
      expect(e.podId).toBe(`pod/default/${e.podName}`);
      expect(e.node).toMatch(/^node-/);
    }
  });

  it('shows a headless Service with its StatefulSet pods and a Service matching nothing with none', () => {
    const db = svc('db');
    expect(db?.clusterIP).toBe('None');
    expect(db?.endpoints.map((e) => e.podName).sort()).toEqual(['db-0', 'db-1']);
    expect(svc('late')?.endpoints).toEqual([]);
  });

  it('lists the pods no Service selects apart, and only those', () => {
    const loose = ns('default')?.loosePods.map((p) => p.name);
    expect(loose).toEqual(['client']);
  });
});

describe('outlineOf with a pod that is not ready', () => {
  it('keeps the pod under its Service, marked not ready, as the Endpoints controller does', async () => {
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(new URL('../engine/ingress/fixtures/endpoints.yaml', import.meta.url), 'utf8');
    const sleepy = outlineOf(build(text))
      .find((n) => n.name === 'default')
      ?.services.find((s) => s.name === 'sleepy');
    expect(sleepy?.endpoints.map((e) => [e.podName, e.ready])).toEqual([['sleepy', false]]);
  });

  it('keeps Services of the same name in different namespaces apart, each with its own endpoints', () => {
    const yaml = ['team-a', 'team-b']
      .map(
        (ns, i) => `apiVersion: v1
kind: Namespace
metadata:
  name: ${ns}
---
apiVersion: v1
kind: Pod
metadata:
  name: web-${ns}
  namespace: ${ns}
  labels: {app: web}
spec:
  containers:
  - name: web
    image: nginx
    ports:
    - containerPort: ${String(8080 + i)}
---
apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: ${ns}
spec:
  selector: {app: web}
  ports:
  - port: 80
    targetPort: ${String(8080 + i)}
`,
      )
      .join('---\n');
    const both = outlineOf(build(yaml));
    for (const [ns, port] of [
      ['team-a', 8080],
      ['team-b', 8081],
    ] as const) {
      const web = both.find((n) => n.name === ns)?.services.find((s) => s.name === 'web');
      expect(web?.endpoints.map((e) => [e.podName, e.ports])).toEqual([[`web-${ns}`, [port]]]);
    }
  });
});
