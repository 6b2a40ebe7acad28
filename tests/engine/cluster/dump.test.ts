import { describe, expect, it } from 'vitest';
import { build, fixture, pod, service } from './build-helpers.ts';

describe('a pasted kubectl get -o yaml dump keeps what it says', () => {
  const m = build(fixture('dump.yaml'));

  it('keeps nodeName, podIP and the Ready condition', () => {
    expect(pod(m, 'default', 'whoami-7d9f5c8b6-x2x9k')).toMatchObject({
      node: 'node-2',
      ip: '10.244.1.7',
      ready: false,
      phase: 'Running',
    });
    expect(pod(m, 'default', 'whoami-7d9f5c8b6-q8w2n')).toMatchObject({
      node: 'node-1',
      ip: '10.244.0.2',
      ready: true,
    });
  });

  it('never hands a dumped pod IP to another pod', () => {
    const ips = m.pods.filter((p) => !p.hostNetwork).map((p) => p.ip);
    expect(new Set(ips).size).toBe(ips.length);
    expect(m.pods.find((p) => p.system === 'coredns' && p.node === 'node-1')?.ip).toBe('10.244.0.3');
    expect(pod(m, 'default', 'fresh')).toMatchObject({ ready: true, phase: 'Running' });
  });

  it('keeps clusterIP and nodePort; the dumped kubernetes Service updates the built-in one', () => {
    expect(service(m, 'default', 'whoami')).toMatchObject({
      clusterIP: '10.96.47.123',
      ports: [expect.objectContaining({ nodePort: 31234 })],
    });
    expect(m.services.filter((s) => s.name === 'kubernetes')).toHaveLength(1);
    expect(service(m, 'default', 'kubernetes')?.clusterIP).toBe('10.96.0.1');
    expect(m.rejected).toEqual([]);
  });
});
