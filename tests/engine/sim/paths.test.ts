import { describe, expect, it } from 'vitest';
import { podNamed, scenario, there, trace } from './support.ts';

// One request per path the issue lists, on the study note's Services (fixtures/seed-services.yaml)
// and its whale scenario. Seeds are fixed: every expectation below is deterministic.
const seed = scenario('seed-services.yaml');
const whale = scenario('src/scenarios/whale-hosting.yaml');

describe('paths through the cluster', () => {
  it('reaches another container of the same pod over loopback, without leaving the pod', () => {
    const t = trace(seed, 'pod/default/web-with-sidecar', 'http://localhost:8080/');
    expect(t.outcome).toBe('delivered');
    expect(t.hops.map((h) => h.kind)).toEqual(['send', 'loopback', 'receive']);
    expect(new Set(t.hops.flatMap((h) => [h.from, h.to]))).toEqual(new Set(['pod/default/web-with-sidecar']));
    expect(t.hops[1]?.description).toContain('container web listens on port 8080');
    const refused = trace(seed, 'pod/default/web-with-sidecar', 'http://localhost:9999/');
    expect(refused.outcome).toBe('rejected');
  });

  it('goes pod to pod on one node through the node, and across nodes over the node network', () => {
    const client = podNamed(seed, 'test', 'utility');
    const pods = seed.model.pods.filter((p) => p.labels.name === 'node-js');
    const same = pods.find((p) => p.node === client.node);
    const other = pods.find((p) => p.node !== client.node);
    if (!same || !other) throw new Error('fixture spreads node-js over both nodes');
    const local = trace(seed, 'pod/test/utility', `http://${same.ip}/`);
    expect(local.outcome).toBe('delivered');
    expect(there(local).map((h) => h.kind)).toEqual(['send', 'veth', 'deliver']);
    expect(there(local)[2]?.description).toContain('No kube-proxy rule on');
    const remote = trace(seed, 'pod/test/utility', `http://${other.ip}/`);
    expect(there(remote).map((h) => h.kind)).toEqual(['send', 'veth', 'route', 'deliver']);
    expect(there(remote)[2]).toMatchObject({ from: `node/${client.node}`, to: `node/${other.node}` });
    // No NAT anywhere: the reply comes from the pod IP itself.
    expect(remote.hops.at(-1)?.before?.src).toBe(`${other.ip}:80`);
  });

  it('resolves a ClusterIP name through CoreDNS, DNATs it, and un-NATs the reply by conntrack', () => {
    const t = trace(seed, 'pod/test/utility', 'http://node-js-internal.default/');
    expect(t.outcome).toBe('delivered');
    expect(t.service).toEqual({ namespace: 'default', name: 'node-js-internal', port: 80 });
    expect(t.backend?.pod).toMatch(/^node-js-[a-z0-9]{5}$/);
    // ndots:5: node-js-internal.default has one dot, so the search list is tried first.
    const queries = t.hops.filter((h) => h.kind === 'dns-query');
    expect(queries.map((h) => /for (\S+) A/.exec(h.description)?.[1])).toEqual([
      'node-js-internal.default.test.svc.cluster.local',
      'node-js-internal.default.svc.cluster.local',
    ]);
    const answers = t.hops.filter((h) => h.kind === 'dns-answer');
    expect(answers[0]?.description).toContain('NXDOMAIN');
    expect(answers[1]?.description).toContain('A 10.96.0.2');
    // Each query went through kube-proxy to a CoreDNS pod like any UDP packet.
    const dnsProxy = t.hops.filter((h) => h.kind === 'kube-proxy' && h.via === 'svc/kube-system/kube-dns');
    expect(dnsProxy).toHaveLength(2);
    expect(dnsProxy[0]?.after?.dst).toMatch(/^10\.244\.\d+\.\d+:53$/);
    const send = t.hops.find((h) => h.kind === 'send');
    expect(send?.before?.dst).toBe('10.96.0.2:80');
    const proxy = t.hops.find((h) => h.kind === 'kube-proxy' && h.via === 'svc/default/node-js-internal');
    expect(proxy?.rule).toMatch(/^-A KUBE-SEP-\S+ .*-j DNAT --to-destination 10\.244\.\d+\.\d+:80$/);
    const conntrack = t.hops.find((h) => h.kind === 'conntrack' && h.reply);
    expect(conntrack?.after?.src).toBe('10.96.0.2:80');
    // The reply's source is the ClusterIP the client dialled.
    expect(t.hops.at(-1)).toMatchObject({ kind: 'receive', reply: true, to: 'pod/test/utility' });
    expect(t.hops.at(-1)?.before?.src).toBe('10.96.0.2:80');
  });

  it('reaches a NodePort from outside with SNAT to the node under externalTrafficPolicy Cluster', () => {
    const node = seed.model.nodes[1];
    const t = trace(seed, 'external', `${node?.internalIP ?? ''}:30001`);
    expect(t.outcome).toBe('delivered');
    const proxy = t.hops.find((h) => h.kind === 'kube-proxy');
    expect(proxy?.before?.src).toMatch(/^203\.0\.113\.10:/);
    expect(proxy?.after?.src).toMatch(new RegExp(`^${node?.internalIP ?? ''}:`));
    expect(proxy?.description).toContain('masquerade');
    expect(t.hops.at(-1)?.before?.src).toBe(`${node?.internalIP ?? ''}:30001`);
  });

  it('keeps the client IP under externalTrafficPolicy Local, through the health-checked load balancer', () => {
    const failures = scenario('failures.yaml');
    const t = trace(failures, 'external', 'http://172.18.255.200/');
    expect(t.outcome).toBe('delivered');
    const single = podNamed(failures, 'default', 'single-');
    const forward = t.hops.find((h) => h.kind === 'forward' && h.from === 'external/load-balancer');
    expect(forward?.to).toBe(`node/${single.node}`);
    expect(forward?.description).toContain('externalTrafficPolicy Local: only nodes with a ready endpoint');
    const proxy = t.hops.find((h) => h.kind === 'kube-proxy');
    expect(proxy?.after?.src).toMatch(/^203\.0\.113\.10:/);
    expect(proxy?.description).not.toContain('masquerade');
  });

  it('drops a NodePort under externalTrafficPolicy Local on a node without a local endpoint', () => {
    const failures = scenario('failures.yaml');
    const single = podNamed(failures, 'default', 'single-');
    const other = failures.model.nodes.find((n) => n.name !== single.node);
    const dropped = trace(failures, 'external', `${other?.internalIP ?? ''}:30080`);
    expect(dropped.outcome).toBe('dropped');
    expect(dropped.hops.at(-1)).toMatchObject({ kind: 'kube-proxy', status: 'failed' });
    expect(dropped.hops.at(-1)?.rule).toMatch(/-j DROP$/);
    // Cluster policy on the same node: forwarded to the other node, masqueraded.
    expect(trace(failures, 'external', `${other?.internalIP ?? ''}:30081`).outcome).toBe('delivered');
  });

  it('routes an Ingress host through the load balancer, kube-proxy and ingress-nginx to the pod', () => {
    const t = trace(whale, 'external', 'http://a.whale.hey/');
    expect(t.outcome).toBe('delivered');
    expect(t.ingress).toMatchObject({ name: 'whale-ingress', host: 'a.whale.hey', path: '/' });
    expect(t.hops.find((h) => h.kind === 'ingress')?.via).toBe('ing/default/whale-ingress');
    expect(t.backend?.pod).toMatch(/^whale-ingress-a-/);
  });

  it('gives pod IPs for a headless Service, with no DNAT', () => {
    const t = trace(seed, 'pod/test/utility', 'http://node-js-none.default/');
    expect(t.outcome).toBe('delivered');
    const send = t.hops.find((h) => h.kind === 'send');
    expect(send?.description).toContain('3 A records');
    expect(send?.before?.dst).toMatch(/^10\.244\./);
    expect(t.hops.some((h) => h.kind === 'kube-proxy' && h.via !== 'svc/kube-system/kube-dns')).toBe(false);
  });

  it('answers an ExternalName with a CNAME and leaves the cluster (no-route: no internet)', () => {
    const t = trace(seed, 'pod/test/utility', 'http://search.default/');
    expect(t.outcome).toBe('no-route');
    expect(t.hops.filter((h) => h.kind === 'dns-answer').at(-1)?.description).toContain(
      'CNAME search.example.com',
    );
    expect(t.hops.at(-1)).toMatchObject({ kind: 'leave', to: 'external/client', status: 'failed' });
  });

  it('follows the manual Endpoints of a selectorless Service', () => {
    const t = trace(seed, 'pod/test/utility', 'http://custom-service.default/');
    expect(t.outcome).toBe('delivered');
    expect(t.backend).toEqual({ namespace: 'default', pod: 'legacy-app', ip: '10.244.1.50', port: 9376 });
  });

  it('sends from a node through its OUTPUT chain, and cluster names do not resolve there', () => {
    const t = trace(seed, 'node/node-1', 'http://10.96.0.2/');
    expect(t.outcome).toBe('delivered');
    expect(t.hops[1]).toMatchObject({ from: 'node/node-1', to: 'kube-proxy/node-1', kind: 'kube-proxy' });
    const named = trace(seed, 'node/node-1', 'http://node-js-internal.default/');
    expect(named.outcome).toBe('dns-failure');
    expect(named.hops[0]?.description).toContain('8.8.8.8');
  });
});
