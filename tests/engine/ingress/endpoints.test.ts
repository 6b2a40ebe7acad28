// ingress-nginx proxies to the Service's ready endpoints and their target ports (not the
// ClusterIP), round robin; a missing Service or port, or no ready endpoint, is a 503.
import { describe, expect, it } from 'vitest';
import { answer, build, fixture, route } from './support/route.ts';

const built = build(fixture('endpoints.yaml'));
const at = (path: string, counter = 0) => route(built, `http://backends.example${path}`, { counter });

describe('endpoints', () => {
  it("resolves a port name to the Service port, and sends to the pods' target port directly", () => {
    const r = at('/named');
    expect(r).toMatchObject({ outcome: 'proxied', service: { name: 'web', port: 80 } });
    expect(r.endpoints.map((e) => e.port)).toEqual([8080, 8080, 8080]);
    const web = built.model.pods.filter((p) => p.name.startsWith('web-')).map((p) => p.ip);
    expect(r.endpoints.map((e) => e.ip).sort()).toEqual([...web].sort());
    expect(at('/metrics').endpoint?.port).toBe(9090);
  });

  it('walks the ready endpoints in a stable order, one per counter (round robin)', () => {
    const order = [0, 1, 2, 3, 4, 5].map((n) => at('/named', n).endpoint?.pod);
    expect(new Set(order).size).toBe(3);
    expect(order.slice(3)).toEqual(order.slice(0, 3));
  });

  it("also takes a Service's targetPort number for the backend port, as ingress-nginx does", () => {
    expect(at('/by-target-port')).toMatchObject({
      outcome: 'proxied',
      service: { name: 'numbered', port: 8080 },
    });
    expect(at('/by-target-port').endpoint?.port).toBe(8080);
  });

  it('answers 503 for a missing port, a missing Service, or no ready endpoint, and says why', () => {
    for (const path of ['/no-port', '/ghost', '/sleepy']) expect(answer(at(path))).toBe('503');
    expect(at('/no-port').explanation.join(' ')).toContain(
      'Service default/web has no port 81 (its ports: http (80), metrics (9090))',
    );
    expect(at('/ghost').explanation.join(' ')).toContain('Service default/ghost does not exist');
    expect(at('/sleepy').explanation.join(' ')).toContain('none is ready');
    expect(at('/sleepy')).toMatchObject({ outcome: 'unavailable', httpStatus: 503, endpoint: undefined });
  });

  it('proxies an ExternalName Service out of the cluster to its DNS name', () => {
    const r = at('/docs');
    expect(r).toMatchObject({
      outcome: 'proxied',
      endpoint: { ip: 'docs.example.org', port: 443, pod: undefined, externalName: 'docs.example.org' },
    });
    expect(r.explanation.join(' ')).toContain('nginx resolves docs.example.org');
  });
});
