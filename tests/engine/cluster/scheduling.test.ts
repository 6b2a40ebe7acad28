import { describe, expect, it } from 'vitest';
import { build, fixture, pod, userPods } from './build-helpers.ts';

describe('nodes and scheduling', () => {
  it('default cluster: two workers with /24s of 10.244.0.0/16 and kind-like InternalIPs', () => {
    const m = build('apiVersion: v1\nkind: Namespace\nmetadata: {name: x}\n');
    expect(m.nodes.map((n) => [n.name, n.podCIDR, n.internalIP, n.labels['kubernetes.io/hostname']])).toEqual(
      [
        ['node-1', '10.244.0.0/24', '172.18.0.2', 'node-1'],
        ['node-2', '10.244.1.0/24', '172.18.0.3', 'node-2'],
      ],
    );
    expect(m.settings).toEqual({
      serviceCIDR: '10.96.0.0/12',
      podCIDR: '10.244.0.0/16',
      nodePortRange: [30000, 32767],
      proxyMode: 'iptables',
      seed: 1,
      clusterDomain: 'cluster.local',
    });
  });

  it('Simulation settings: a node count, CIDRs, proxy mode', () => {
    const m = build(`apiVersion: podwire.dev/v1alpha1
kind: Simulation
metadata: {name: s}
spec:
  cluster: {nodes: 3, proxyMode: ipvs, podCIDR: 10.32.0.0/12, serviceCIDR: 10.0.0.0/16, nodePortRange: 31000-31100}
  seed: 42
`);
    expect(m.nodes.map((n) => [n.name, n.podCIDR])).toEqual([
      ['node-1', '10.32.0.0/24'],
      ['node-2', '10.32.1.0/24'],
      ['node-3', '10.32.2.0/24'],
    ]);
    expect(m.settings).toMatchObject({ proxyMode: 'ipvs', seed: 42, nodePortRange: [31000, 31100] });
    expect(m.services.map((s) => s.clusterIP)).toEqual(['10.0.0.1', '10.0.0.10']);
  });

  const m = build(fixture('scheduling.yaml'));

  it('Node objects define the nodes, with their labels', () => {
    expect(m.nodes.map((n) => [n.name, n.podCIDR, n.labels['disk'], n.source?.index])).toEqual([
      ['worker-a', '10.244.0.0/24', 'ssd', 0],
      ['worker-b', '10.244.1.0/24', undefined, 1],
    ]);
  });

  it('honours spec.nodeName and nodeSelector (kubernetes.io/hostname included)', () => {
    expect(pod(m, 'default', 'pinned')?.node).toBe('worker-b');
    expect(pod(m, 'default', 'wants-ssd')?.node).toBe('worker-a');
    expect(pod(m, 'default', 'by-hostname')?.node).toBe('worker-b');
  });

  it('a pod that fits no node stays Pending with no IP and not ready', () => {
    expect(pod(m, 'default', 'wants-gpu')).toMatchObject({
      node: '',
      ip: '',
      phase: 'Pending',
      ready: false,
    });
  });

  it('hostNetwork pods take the node IP', () => {
    expect(pod(m, 'default', 'on-host')).toMatchObject({
      node: 'worker-a',
      ip: '172.18.0.2',
      hostNetwork: true,
      phase: 'Running',
    });
  });

  it('spreads pods: fewest pods first, ties by node order', () => {
    const replicas = build(`apiVersion: v1
kind: ReplicationController
metadata: {name: r}
spec:
  replicas: 5
  template:
    metadata: {labels: {app: r}}
    spec: {containers: [{name: c, image: x}]}
`);
    expect(userPods(replicas).map((p) => p.node)).toEqual(['node-1', 'node-2', 'node-1', 'node-2', 'node-1']);
  });
});
