import { describe, expect, it } from 'vitest';
import {
  buildCluster,
  buildIngressRouteTable,
  parseManifests,
  traceRequest,
} from '../../../src/engine/index.ts';

// One request from outside through ingress-nginx: redirects followed, HTTP errors reported.
const TEXT = `
apiVersion: v1
kind: Secret
metadata: {name: shop-tls}
type: kubernetes.io/tls
data: {tls.crt: "", tls.key: ""}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: shop}
spec:
  replicas: 2
  selector: {matchLabels: {app: shop}}
  template:
    metadata: {labels: {app: shop}}
    spec: {containers: [{name: web, image: nginx, ports: [{containerPort: 8080}]}]}
---
apiVersion: v1
kind: Service
metadata: {name: shop}
spec: {selector: {app: shop}, ports: [{port: 80, targetPort: 8080}]}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata: {name: shop}
spec:
  tls: [{hosts: [shop.example], secretName: shop-tls}]
  rules:
  - host: shop.example
    http:
      paths:
      - {path: /, pathType: Prefix, backend: {service: {name: shop, port: {number: 80}}}}
      - {path: /gone, pathType: Prefix, backend: {service: {name: missing, port: {number: 80}}}}
`;

function trace(to: string, seed = 1) {
  const { objects } = parseManifests(TEXT);
  const model = buildCluster(objects);
  const answer = traceRequest(model, buildIngressRouteTable(model, objects), { from: 'external', to, seed });
  if (!answer.ok) throw new Error(answer.error);
  return answer.result;
}

describe('trace through ingress-nginx', () => {
  it('follows the ssl-redirect to https and reaches a shop pod on its targetPort', () => {
    const t = trace('http://shop.example/cart');
    expect(t.hops.filter((h) => h.kind === 'redirect')).toHaveLength(1);
    expect(t.hops.find((h) => h.kind === 'redirect')?.description).toMatch(
      /^308 to https:\/\/shop\.example\/cart: the host has TLS/,
    );
    expect(t.outcome).toBe('delivered');
    expect(t.httpStatus).toBe(200);
    expect(t.backend?.pod).toMatch(/^shop-[a-z0-9]+-[a-z0-9]{5}$/);
    expect(t.backend?.port).toBe(8080);
    // The second request goes to port 443 of the controller.
    const sends = t.hops.filter((h) => h.kind === 'send').map((h) => h.before?.dst);
    expect(sends[0]).toMatch(/:80$/);
    expect(sends[1]).toMatch(/:443$/);
  });

  it('answers 503 for a backend Service that does not exist, and 404 for an unknown host', () => {
    const gone = trace('https://shop.example/gone');
    expect(gone.outcome).toBe('rejected');
    expect(gone.httpStatus).toBe(503);
    expect(gone.ingress?.path).toBe('/gone');
    expect(trace('https://elsewhere.example/').httpStatus).toBe(404);
  });

  it('balances over both pods as the seed changes, the same way for the same seed', () => {
    const pods = new Set(
      [1, 2, 3, 4, 5, 6, 7, 8].map((seed) => trace('https://shop.example/', seed).backend?.pod),
    );
    expect(pods.size).toBe(2);
    expect(trace('https://shop.example/', 3)).toEqual(trace('https://shop.example/', 3));
  });
});
