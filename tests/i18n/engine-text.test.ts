import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../src/engine/index.ts';
import { hasHangul, makeTranslator } from '../../src/i18n/engine-text.ts';
import { koEngineText } from '../../src/i18n/ko-engine.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromText, scenario, simulate, trace } from '../engine/sim/support.ts';

// Every explanation the default scenario and a few seed fixtures show (hop descriptions over a
// short run, graph labels, details, badges and edge labels) has a Korean reading.
const FIXTURES = ['src/scenarios/whale-hosting.yaml', 'seed-services.yaml', 'failures.yaml'];

/** Graph texts that are names or values, the same in every language. */
const SAME_IN_EVERY_LANGUAGE = [
  /^kube-proxy$/, // the program's name
  /^(ClusterIP|NodePort|LoadBalancer|ExternalName|hostNetwork)$/, // API values
  /^HTTP$/, // a protocol
  /^(iptables|ipvs|nftables|userspace)$/, // kube-proxy's modes
  /^(coredns|ingress-nginx)$/, // add-ons' names
  /^ExternalName → \S+$/, // an API value and a DNS name
  /^[\d.:/, A-Z·-]*$/, // addresses, ports and protocols (10.96.0.2 · 80/TCP, :30080)
];

function collect(file: string) {
  const s = scenario(file);
  const sim = simulate(s, { seed: 1 });
  const hops = sim.advance(4000).map((h) => h.description);
  const graph = buildGraph(s.model);
  const names = new Set(
    [...s.model.pods, ...s.model.services, ...s.model.nodes, ...s.model.ingresses].map((o) => o.name),
  );
  const texts = graph.nodes.flatMap((n) => [
    ...(names.has(n.label) ? [] : [n.label]),
    ...(names.has(n.detail) ? [] : [n.detail]),
    ...n.badges,
  ]);
  const edges = graph.edges.flatMap((e) => (e.label ? [e.label] : []));
  return { hops, graph: [...texts, ...edges].filter((t) => t !== '') };
}

describe('koEngineText', () => {
  for (const file of FIXTURES) {
    it(`translates every hop description of ${file}`, () => {
      const { hops } = collect(file);
      expect(hops.length).toBeGreaterThan(10);
      const missed = [...new Set(hops)].filter((h) => !hasHangul(koEngineText(h)));
      expect(missed).toEqual([]);
    });
    it(`translates every graph text of ${file} that is not a name or value`, () => {
      const texts = [...new Set(collect(file).graph)];
      const missed = texts.filter(
        (t) => !hasHangul(koEngineText(t)) && !SAME_IN_EVERY_LANGUAGE.some((re) => re.test(t)),
      );
      expect(missed).toEqual([]);
    });
  }

  it('translates the NetworkPolicy hops of a request allowed, and of one denied', () => {
    const fixture = (f: string) =>
      readFileSync(join(import.meta.dirname, '../engine/sim/fixtures', f), 'utf8');
    const hops = ['netpol-allow-web.yaml', 'netpol-deny-ingress.yaml'].flatMap((policy) => {
      const s = fromText([fixture('netpol-base.yaml'), fixture(policy)].join('\n---\n'));
      return trace(s, 'pod/shop/client', 'http://web.shop/').hops.map((h) => h.description);
    });
    expect(hops.some((h) => h.startsWith('Ingress denied'))).toBe(true);
    expect(hops.some((h) => h.startsWith('Ingress allowed'))).toBe(true);
    expect([...new Set(hops)].filter((h) => !hasHangul(koEngineText(h)))).toEqual([]);
  });

  it("glosses the API server's field errors, keeping the field path and value", () => {
    expect(koEngineText('spec.ports[0].name: Required value')).toBe('spec.ports[0].name: 필수 값이 없습니다');
    expect(
      koEngineText('spec.ports[0].port: Invalid value: 0: must be between 1 and 65535, inclusive'),
    ).toContain('spec.ports[0].port: 잘못된 값 0');
  });

  it('keeps the names and numbers of a sentence', () => {
    const said = koEngineText(
      "kube-proxy's iptables rules on node-1 (20 rules looked at): DNAT for Service default/web to 10.244.0.3:8080 (pod default/web-x7k2p) (picked with probability 0.5000); marked for masquerade, so the source becomes the node.",
    );
    for (const kept of ['node-1', '20', 'default/web', '10.244.0.3:8080', 'default/web-x7k2p', '0.5000'])
      expect(said).toContain(kept);
    expect(hasHangul(said)).toBe(true);
    expect(said).not.toMatch(/picked|masquerade|rules looked/);
  });

  it('reads composed descriptions sentence by sentence', () => {
    const said = koEngineText(
      "10.244.1.3 is in node node-2's pod CIDR 10.244.1.0/24: routed over the node network to node-2. No kube-proxy rule on node-1 matches (21 rules looked at).",
    );
    expect(said).toContain('노드 node-2의 파드 CIDR 10.244.1.0/24');
    expect(said).toContain('규칙 21개 확인');
  });

  it('leaves a text no pattern covers as it is', () => {
    expect(koEngineText('Something the catalogue never heard of.')).toBe(
      'Something the catalogue never heard of.',
    );
    const tr = makeTranslator([]);
    expect(tr('A. B.')).toBe('A. B.');
  });

  it('translates the folded groups of a crowded node, plural kept apart', () => {
    expect(koEngineText('+7 more pods')).toBe('파드 7개 더');
    expect(koEngineText('+1 more Service')).toBe('서비스 1개 더');
  });
});
