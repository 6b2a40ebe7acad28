import { describe, expect, it } from 'vitest';
import { build, fixture, pod, service } from './build-helpers.ts';

describe('Services: defaults and allocation', () => {
  const m = build(fixture('services.yaml'));

  it('ClusterIPs in order from the service CIDR: kubernetes .1, kube-dns .10, then .2, .3 … (a written IP is skipped)', () => {
    expect(m.services.map((s) => [s.namespace, s.name, s.clusterIP])).toEqual([
      ['default', 'kubernetes', '10.96.0.1'],
      ['kube-system', 'kube-dns', '10.96.0.10'],
      ['default', 'plain', '10.96.0.2'],
      ['default', 'pinned-ip', '10.96.0.3'],
      ['default', 'second', '10.96.0.4'],
      ['default', 'node-js-nodeport', '10.96.0.5'],
      ['default', 'dns-like', '10.96.0.6'],
      ['default', 'lb', '10.96.0.7'],
      ['default', 'lb-no-nodeports', '10.96.0.8'],
      ['default', 'headless', 'None'],
      ['default', 'external', undefined],
    ]);
  });

  it('fills the API server defaults', () => {
    expect(service(m, 'default', 'plain')).toMatchObject({
      type: 'ClusterIP',
      ports: [
        { name: '', protocol: 'TCP', port: 80, targetPort: 80, nodePort: undefined, appProtocol: undefined },
      ],
      selector: { app: 'web' },
      sessionAffinity: 'None',
      sessionAffinityTimeoutSeconds: 10800,
      externalTrafficPolicy: 'Cluster',
      internalTrafficPolicy: 'Cluster',
      loadBalancerIPs: [],
      publishNotReadyAddresses: false,
    });
    expect(service(m, 'default', 'pinned-ip')?.ports[0]?.targetPort).toBe('http');
    expect(service(m, 'default', 'external')).toMatchObject({
      externalName: 'example.com',
      clusterIP: undefined,
    });
  });

  it('keeps a written nodePort, allocates others in range, one nodePort for the same port on TCP and UDP', () => {
    expect(service(m, 'default', 'node-js-nodeport')?.ports[0]?.nodePort).toBe(30001);
    const dns = service(m, 'default', 'dns-like')?.ports ?? [];
    expect(dns[0]?.nodePort).toBe(dns[1]?.nodePort);
    // Dynamic picks come from the upper band (above 30000 + 86) of the default range.
    expect(dns[0]?.nodePort).toBeGreaterThanOrEqual(30086);
    expect(dns[0]?.nodePort).toBeLessThanOrEqual(32767);
  });

  it('LoadBalancer: a fake cloud IP, node ports unless disabled, a health check port for Local', () => {
    const lb = service(m, 'default', 'lb');
    expect(lb?.loadBalancerIPs).toEqual(['172.18.255.200']);
    expect(lb?.externalTrafficPolicy).toBe('Local');
    expect(lb?.ports[0]?.nodePort).toBeGreaterThanOrEqual(30086);
    expect(lb?.healthCheckNodePort).toBeGreaterThanOrEqual(30086);
    expect(lb?.healthCheckNodePort).not.toBe(lb?.ports[0]?.nodePort);
    const noPorts = service(m, 'default', 'lb-no-nodeports');
    expect(noPorts?.ports[0]?.nodePort).toBeUndefined();
    expect(noPorts?.loadBalancerIPs).toEqual(['172.18.255.201']);
  });

  it('rejects bad clusterIPs and nodePorts with the API server messages, located at the field', () => {
    expect(m.rejected.map((r) => [r.name, r.message])).toEqual([
      [
        'outside-range',
        'Service "outside-range" is invalid: spec.clusterIPs: Invalid value: []string{"10.0.0.5"}: failed to allocate IP 10.0.0.5: the provided IP (10.0.0.5) is not in the valid range. The range of valid IPs is 10.96.0.0/12',
      ],
      [
        'taken-ip',
        'Service "taken-ip" is invalid: spec.clusterIPs: Invalid value: []string{"10.96.0.3"}: failed to allocate IP 10.96.0.3: provided IP is already allocated',
      ],
      [
        'low-port',
        'Service "low-port" is invalid: spec.ports[0].nodePort: Invalid value: 8080: provided port is not in the valid range. The range of valid ports is 30000-32767',
      ],
      [
        'taken-port',
        'Service "taken-port" is invalid: spec.ports[1].nodePort: Invalid value: 30001: provided port is already allocated',
      ],
    ]);
    const admission = m.diagnostics.filter((d) => d.code.startsWith('admission/'));
    expect(admission.map((d) => [d.code, d.severity, d.range.start.line, d.path])).toEqual([
      ['admission/cluster-ip', 'error', 101, 'spec.clusterIP'],
      ['admission/cluster-ip', 'error', 110, 'spec.clusterIP'],
      ['admission/node-port', 'error', 122, 'spec.ports[0].nodePort'],
      ['admission/node-port', 'error', 133, 'spec.ports[1].nodePort'],
    ]);
    expect(admission[2]?.message).toBe(
      'spec.ports[0].nodePort: Invalid value: 8080: provided port is not in the valid range. The range of valid ports is 30000-32767',
    );
  });

  it('a rejected Service frees nothing it did not own and takes no address', () => {
    const taken = service(m, 'default', 'taken-port');
    expect(taken).toBeUndefined();
    expect(m.services.filter((s) => s.clusterIP === '10.96.0.9')).toEqual([]);
  });

  it('nodePorts are seeded: same seed same ports, the written ones never move', () => {
    const again = build(fixture('services.yaml'));
    expect(again.services.map((s) => s.ports.map((p) => p.nodePort))).toEqual(
      m.services.map((s) => s.ports.map((p) => p.nodePort)),
    );
  });
});

describe('pod IPs', () => {
  it('come from the node /24 in order from .2', () => {
    const m = build(`apiVersion: v1
kind: ReplicationController
metadata: {name: r}
spec:
  replicas: 4
  template:
    metadata: {labels: {app: r}}
    spec: {containers: [{name: c, image: x}]}
`);
    // CoreDNS took .2 on each node first.
    expect(m.pods.filter((p) => p.owner?.name === 'r').map((p) => `${p.node} ${p.ip}`)).toEqual([
      'node-1 10.244.0.3',
      'node-2 10.244.1.3',
      'node-1 10.244.0.4',
      'node-2 10.244.1.4',
    ]);
    expect(pod(m, 'kube-system', m.pods.find((p) => p.system === 'coredns')?.name ?? '')?.ip).toBe(
      '10.244.0.2',
    );
  });
});
