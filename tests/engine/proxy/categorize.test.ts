// CategorizeEndpoints (pkg/proxy/topology.go), shared by every proxy mode: which endpoints
// Cluster and Local traffic policy use on this node, and the order they come in.
import { describe, expect, it } from 'vitest';
import {
  categorizeEndpoints,
  endpointString,
  externalPolicyLocal,
  sortedEndpoints,
  usesLocalEndpoints,
} from '../../../src/engine/proxy/categorize.ts';
import type { ProxyEndpoint, ProxyServicePort } from '../../../src/engine/proxy/types.ts';

type State = 'ready' | 'terminating' | 'gone';
const ep = (ip: string, isLocal: boolean, state: State = 'ready'): ProxyEndpoint => ({
  ip,
  port: 80,
  ready: state === 'ready',
  serving: state !== 'gone',
  terminating: state !== 'ready',
  isLocal,
  pod: undefined,
});

const svc = (over: Partial<ProxyServicePort>): ProxyServicePort => ({
  namespace: 'ns',
  name: 'web',
  portName: '',
  protocol: 'TCP',
  clusterIP: '10.96.0.10',
  port: 80,
  nodePort: 0,
  externalIPs: [],
  loadBalancerIPs: [],
  loadBalancerSourceRanges: [],
  externalTrafficPolicy: 'Cluster',
  internalTrafficPolicy: 'Cluster',
  sessionAffinity: 'None',
  sessionAffinityTimeoutSeconds: 10800,
  healthCheckNodePort: 0,
  type: 'ClusterIP',
  endpoints: [],
  ...over,
});

const ips = (eps: readonly ProxyEndpoint[]): string[] => eps.map((e) => e.ip);
const categorize = (s: ProxyServicePort) => categorizeEndpoints(s.endpoints, s);

describe('categorizeEndpoints', () => {
  const endpoints = [ep('10.0.0.3', false), ep('10.0.0.1', true), ep('10.0.0.2', true, 'terminating')];

  it('Cluster policy: every ready endpoint, in the order given, no local list', () => {
    const c = categorize(svc({ endpoints }));
    expect(ips(c.clusterEndpoints)).toEqual(['10.0.0.3', '10.0.0.1']);
    expect(c.localEndpoints).toEqual([]);
    expect(c.allReachableEndpoints).toBe(c.clusterEndpoints);
    expect(c.hasAnyEndpoints).toBe(true);
  });

  it('falls back to serving-terminating endpoints when nothing is ready', () => {
    const c = categorize(
      svc({ endpoints: [ep('10.0.0.2', true, 'terminating'), ep('10.0.0.4', false, 'gone')] }),
    );
    expect(ips(c.clusterEndpoints)).toEqual(['10.0.0.2']);
  });

  it('internalTrafficPolicy Local on a ClusterIP: local endpoints only', () => {
    const c = categorize(svc({ internalTrafficPolicy: 'Local', endpoints }));
    expect(c.clusterEndpoints).toEqual([]);
    expect(ips(c.localEndpoints)).toEqual(['10.0.0.1']);
    expect(c.allReachableEndpoints).toBe(c.localEndpoints);
  });

  it('iTP Local without local endpoints still knows endpoints exist elsewhere', () => {
    const c = categorize(svc({ internalTrafficPolicy: 'Local', endpoints: [ep('10.0.0.3', false)] }));
    expect(c.localEndpoints).toEqual([]);
    expect(c.hasAnyEndpoints).toBe(true);
  });

  it('eTP Local counts only for reachable NodePort and LoadBalancer Services', () => {
    const local = { externalTrafficPolicy: 'Local' } as const;
    expect(externalPolicyLocal(svc({ ...local, type: 'ClusterIP' }))).toBe(false);
    expect(externalPolicyLocal(svc({ ...local, type: 'NodePort' }))).toBe(true);
    // apiservice.ExternalPolicyLocal is true here, but nothing external reaches the port.
    expect(usesLocalEndpoints(svc({ ...local, type: 'NodePort' }))).toBe(false);
    expect(usesLocalEndpoints(svc({ ...local, type: 'NodePort', nodePort: 30080 }))).toBe(true);
  });

  it('eTP Local with a ready local endpoint: every reachable endpoint is a cluster endpoint', () => {
    const c = categorize(
      svc({ type: 'NodePort', nodePort: 30080, externalTrafficPolicy: 'Local', endpoints }),
    );
    expect(ips(c.localEndpoints)).toEqual(['10.0.0.1']);
    expect(c.allReachableEndpoints).toBe(c.clusterEndpoints);
  });

  it('only serving-terminating local endpoints: the union of both lists, sorted by String()', () => {
    const c = categorize(
      svc({
        type: 'NodePort',
        nodePort: 30080,
        externalTrafficPolicy: 'Local',
        endpoints: [ep('10.0.0.3', false), ep('10.0.0.2', true, 'terminating'), ep('10.0.0.1', false)],
      }),
    );
    expect(ips(c.clusterEndpoints)).toEqual(['10.0.0.3', '10.0.0.1']);
    expect(ips(c.localEndpoints)).toEqual(['10.0.0.2']);
    expect(ips(c.allReachableEndpoints)).toEqual(['10.0.0.1', '10.0.0.2', '10.0.0.3']);
  });
});

describe('endpoint strings', () => {
  it('are net.JoinHostPort: brackets around IPv6', () => {
    expect(endpointString({ ip: '10.0.0.1', port: 80 })).toBe('10.0.0.1:80');
    expect(endpointString({ ip: 'fd00::1', port: 80 })).toBe('[fd00::1]:80');
  });
  it('sort endpoints as strings (10.0.0.10 before 10.0.0.9), stable for equal keys', () => {
    const a = ep('10.0.0.9', false);
    const b = ep('10.0.0.10', false);
    const c = ep('10.0.0.10', true);
    expect(sortedEndpoints([a, b, c])).toEqual([b, c, a]);
  });
});
