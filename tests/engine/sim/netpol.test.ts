import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromText, simulate, trace, type Scenario } from './support.ts';

// NetworkPolicy enforced in the simulator as the network plugin does it (src/engine/sim/policy-step.ts):
// egress on the source's node after kube-proxy's DNAT, ingress at delivery to the pod, replies
// tracked. fixtures/netpol-base.yaml is a web Service in "shop" and two clients; the other
// netpol-*.yaml fixtures are policies joined to it.

const fixture = (file: string) => readFileSync(join(import.meta.dirname, 'fixtures', file), 'utf8');

/** The base scenario plus the named policy fixtures and, optionally, a Simulation spec. */
function shop(policies: readonly string[], simulation?: string): Scenario {
  const docs = [fixture('netpol-base.yaml'), ...policies.map((p) => fixture(`netpol-${p}.yaml`))];
  if (simulation !== undefined)
    docs.push(
      `apiVersion: podwire.dev/v1alpha1\nkind: Simulation\nmetadata: {name: test}\nspec:\n${simulation.replace(/^/gm, '  ')}`,
    );
  return fromText(docs.join('\n---\n'), `netpol\u0000${policies.join(',')}\u0000${simulation ?? ''}`);
}

const policyHops = <H extends { readonly kind: string }>(t: { readonly hops: readonly H[] }): H[] =>
  t.hops.filter((h) => h.kind === 'policy');

const webIP = (s: Scenario) => s.model.services.find((x) => x.name === 'web')?.clusterIP ?? '';

describe('NetworkPolicy in the simulator', () => {
  it('adds no hop and changes nothing without policies', () => {
    const t = trace(shop([]), 'pod/shop/client', 'http://web.shop/');
    expect(t.outcome).toBe('delivered');
    expect(policyHops(t)).toEqual([]);
  });

  it('drops a pod→Service request at the destination pod under default deny ingress', () => {
    const t = trace(shop(['deny-ingress']), 'pod/shop/client', 'http://web.shop/');
    expect(t.outcome).toBe('dropped');
    const last = t.hops.at(-1);
    expect(last).toMatchObject({
      kind: 'policy',
      status: 'failed',
      where: 'pod/shop/web',
      to: 'pod/shop/web',
    });
    expect(last?.description).toContain(
      'Pod shop/web is isolated for ingress by NetworkPolicy shop/default-deny-ingress',
    );
    expect(last?.description).toContain('drops the packet silently');
    // After the DNS exchange: no reply, no delivery (the packet never reached the container).
    const request = t.hops.slice(t.hops.findIndex((h) => h.kind === 'send'));
    expect(request.length).toBeGreaterThan(1);
    expect(request.some((h) => h.reply || h.kind === 'deliver')).toBe(false);
  });

  it('lets an allowed client through and names the policy and rule; replies pass', () => {
    const s = shop(['deny-ingress', 'allow-web']);
    const t = trace(s, 'pod/shop/client', 'http://web.shop/');
    expect(t.outcome).toBe('delivered');
    const [allowed] = policyHops(t);
    expect(allowed).toMatchObject({
      kind: 'policy',
      status: 'ok',
      where: 'pod/shop/web',
      rule: 'NetworkPolicy shop/allow-web spec.ingress[0]',
      reply: false,
    });
    expect(allowed?.description).toContain('NetworkPolicy shop/allow-web allows it: spec.ingress[0]');
    expect(allowed?.description).toContain('ports[0] (TCP 8080)');
    // The reply is not decided again: it comes back through conntrack to the client.
    const back = t.hops.filter((h) => h.reply);
    expect(back.length).toBeGreaterThan(0);
    expect(back.every((h) => h.status === 'ok' && h.kind !== 'policy')).toBe(true);
    expect(t.hops.at(-1)).toMatchObject({ reply: true, to: 'pod/shop/client' });
  });

  it('still drops what the allow rule does not match (another namespace)', () => {
    const t = trace(shop(['deny-ingress', 'allow-web']), 'pod/other/outsider', 'http://web.shop/');
    expect(t.outcome).toBe('dropped');
    expect(t.hops.at(-1)?.description).toContain('from pod other/outsider');
  });

  it('drops on the source side under default deny egress, after the DNAT', () => {
    const s = shop(['deny-egress']);
    const t = trace(s, 'pod/shop/client', `${webIP(s)}:80`);
    expect(t.outcome).toBe('dropped');
    const web = s.model.pods.find((p) => p.name === 'web');
    const client = s.model.pods.find((p) => p.name === 'client');
    const last = t.hops.at(-1);
    expect(last).toMatchObject({ kind: 'policy', status: 'failed', where: `node/${client?.node ?? ''}` });
    expect(last?.description).toContain('Pod shop/client is isolated for egress');
    expect(last?.description).toContain(`TCP 8080 to pod shop/web (${web?.ip ?? ''})`);
    expect(t.hops.some((h) => h.kind === 'deliver')).toBe(false);
  });

  it('fails a by-name request at DNS when egress does not allow UDP 53; by IP it works', () => {
    const s = shop(['egress-web-only']);
    const byName = trace(s, 'pod/shop/client', 'http://web.shop/');
    expect(byName.outcome).toBe('dns-failure');
    const dropped = policyHops(byName).at(-1);
    expect(dropped).toMatchObject({ status: 'failed' });
    expect(dropped?.description).toContain('UDP 53 to pod kube-system/coredns-');
    expect(byName.hops.some((h) => h.kind === 'dns-answer')).toBe(false);

    const byIP = trace(s, 'pod/shop/client', `http://${webIP(s)}/`);
    expect(byIP.outcome).toBe('delivered');
    expect(policyHops(byIP)).toMatchObject([
      { status: 'ok', rule: 'NetworkPolicy shop/client-egress spec.egress[0]' },
    ]);
  });

  it('enforces a NetworkPolicy applied mid-run, and lifts it when deleted', () => {
    const s = shop(
      [],
      `traffic:
- {from: pod/shop/client, to: "http://web.shop/"}
events:
- at: 2s
  apply:
    apiVersion: networking.k8s.io/v1
    kind: NetworkPolicy
    metadata: {name: deny, namespace: shop}
    spec: {podSelector: {}, policyTypes: [Ingress]}
- at: 4s
  delete: {kind: NetworkPolicy, namespace: shop, name: deny}`,
    );
    const sim = simulate(s);
    sim.advance(5500);
    expect(sim.results().map((r) => [r.startedAt, r.outcome])).toEqual([
      [0, 'delivered'],
      [1000, 'delivered'],
      [2000, 'dropped'],
      [3000, 'dropped'],
      [4000, 'delivered'],
      [5000, 'delivered'],
    ]);
    const dropped = sim.results()[2]?.hops.at(-1);
    expect(dropped).toMatchObject({ kind: 'policy', status: 'failed' });
    expect(dropped?.description).toContain('by NetworkPolicy shop/deny');
  });
});
