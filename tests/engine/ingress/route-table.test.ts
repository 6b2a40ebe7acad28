// The route table as a whole: the controller and its address, servers in nginx.conf order,
// and the same text giving the same table.
import { describe, expect, it } from 'vitest';
import { build, fixture } from './support/route.ts';

describe('the route table', () => {
  const built = build(fixture('echo-backends.yaml'), fixture('hosts-tls.yaml'));

  it("names the controller and gives served Ingresses its LoadBalancer Service's address", () => {
    const lb = built.model.services.find(
      (s) => s.namespace === 'ingress-nginx' && s.name === 'ingress-nginx-controller',
    );
    expect(built.table.controller).toEqual({
      className: 'nginx',
      controllerName: 'k8s.io/ingress-nginx',
      address: lb?.loadBalancerIPs[0],
      service: { namespace: 'ingress-nginx', name: 'ingress-nginx-controller' },
    });
    expect(built.table.controller.address).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
  });

  it('sorts servers by hostname as the controller does (wildcards first, then _, then names)', () => {
    expect(built.table.servers.map((s) => [s.host, s.serverName])).toEqual([
      ['*.shop.example', '~^(?<subdomain>[\\w-]+)\\.shop\\.example$'],
      ['_', '_'],
      ['forced.example', 'forced.example'],
      ['missing.example', 'missing.example'],
      ['nosecret.example', 'nosecret.example'],
      ['plain.example', 'plain.example'],
      ['shop.example', 'shop.example'],
    ]);
  });

  it('is the same for the same text', () => {
    const again = build(fixture('echo-backends.yaml'), fixture('hosts-tls.yaml'));
    expect(again.table).toEqual(built.table);
  });

  it('is empty but for the catch-all when the text has no Ingress', () => {
    const none = build(fixture('echo-backends.yaml'));
    expect(none.table.servers.map((s) => s.host)).toEqual(['_']);
    expect(none.table.controller.address).toBeUndefined();
    expect(none.table.served).toEqual([]);
  });
});
