// Enforcement edges: the pod's own node, hostNetwork pods, addresses outside, replies, named
// ports, "every port" questions, and the by-address entry the simulator calls.
import { describe, expect, it } from 'vitest';
import { decidePacket, replyDecision } from '../../../src/engine/index.ts';
import { build, decide, fixture, pod } from './load.ts';

const b = build(fixture('edges.yaml'));
const server = pod(b, 'default/server');
const nodeIP = (name: string) => b.model.nodes.find((n) => n.name === name)?.internalIP ?? '';

describe('NetworkPolicy enforcement edges', () => {
  it('builds the edges fixture as written', () => {
    expect(b.parseErrors).toEqual([]);
    expect([server.node, pod(b, 'default/agent-1').hostNetwork]).toEqual(['node-1', true]);
  });

  it("always allows the pod's own node, even to an isolated pod", () => {
    const d = decide(b, nodeIP('node-1'), 'default/server', 'TCP', 9999);
    expect([d.allowed, d.ingress.reason]).toEqual([true, 'own-node']);
    expect(d.ingress.explanation).toContain(`node node-1 (${nodeIP('node-1')})`);
  });

  it('treats hostNetwork pods as their node: podSelector does not pick them', () => {
    expect(decide(b, 'default/agent-1', 'default/server', 'TCP', 8080).ingress.reason).toBe('own-node');
    const other = decide(b, 'default/agent-2', 'default/server', 'TCP', 8080);
    expect([other.allowed, other.egress.reason, other.ingress.reason]).toEqual([
      false,
      'not-a-pod',
      'no-rule',
    ]);
  });

  it('resolves the named port on the destination pod, protocol included', () => {
    const from = `10.99.0.1`;
    const named = (port: number) => decide(b, from, 'default/server', 'TCP', port).ingress;
    expect(named(8080).reason).toBe('no-rule'); // the peer (agents) does not match an outside address
    const fromPodNet = build(
      fixture('edges.yaml'),
      'apiVersion: v1\nkind: Pod\nmetadata: {name: agent-3, namespace: default, labels: {app: agent}}\nspec: {containers: [{name: a, image: busybox:1.36}]}',
    );
    const ok = decide(fromPodNet, 'default/agent-3', 'default/server', 'TCP', 8080).ingress;
    expect([ok.allowed, ok.rule?.port]).toEqual([true, 0]);
    expect(ok.explanation).toContain('ports[0] (TCP port "http")');
    expect(decide(fromPodNet, 'default/agent-3', 'default/server', 'TCP', 80).ingress.allowed).toBe(false);
    expect(decide(fromPodNet, 'default/agent-3', 'default/server', 'UDP', 8080).ingress.allowed).toBe(false);
    expect(decide(fromPodNet, 'default/agent-3', 'default/server', 'TCP', undefined).ingress.allowed).toBe(
      false,
    );
  });

  it('leaves addresses outside the pod network alone on their own side', () => {
    const d = decide(b, 'default/server', '203.0.113.9', 'TCP', 443);
    expect([d.allowed, d.egress.reason, d.ingress.reason]).toEqual([true, 'not-isolated', 'not-a-pod']);
  });

  it('lets replies of allowed connections through and keeps a drop a drop', () => {
    const allowed = decide(b, nodeIP('node-1'), 'default/server', 'TCP', 8080).ingress;
    expect(replyDecision(allowed).reason).toBe('reply');
    expect(replyDecision(allowed).allowed).toBe(true);
    const dropped = decide(b, '10.99.0.1', 'default/server', 'TCP', 8080).ingress;
    expect(replyDecision(dropped)).toEqual(dropped);
  });

  it('decides a packet by its addresses, as the simulator carries them', () => {
    const d = decidePacket(b.index, {
      sourceIP: nodeIP('node-2'),
      destinationIP: server.ip,
      protocol: 'TCP',
      port: 8080,
    });
    expect([d.allowed, d.droppedBy, d.ingress.isolatedPod]).toEqual([
      false,
      'Ingress',
      { namespace: 'default', name: 'server' },
    ]);
    expect(d.explanation).toContain(
      'Dropped before the destination: pod default/server is isolated for ingress',
    );
  });
});
