import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createEngineApi } from '../../src/worker/engine-api.ts';
import { ruleWords } from '../../src/worker/netpol.ts';

const shop = readFileSync(new URL('../e2e/fixtures/netpol-default-deny.yaml', import.meta.url), 'utf8');

describe('NetworkPolicy answers of the engine API', () => {
  it('lists each policy with the pods it selects, its rules in words and where it is written', async () => {
    const api = createEngineApi(() => performance.now());
    const { revision } = await api.parse(shop);
    const answer = await api.networkPolicies(revision, {
      namespace: 'shop',
      matrix: false,
      port: undefined,
      protocol: undefined,
    });
    expect(structuredClone(answer)).toEqual(answer);
    expect(answer?.matrix).toBeUndefined();
    const [deny, db] = answer?.policies ?? [];
    expect(deny).toMatchObject({
      id: 'netpol/shop/default-deny-ingress',
      policyTypes: ['Ingress'],
      podSelector: '{}',
      selects: ['pod/shop/api', 'pod/shop/db', 'pod/shop/web'],
      ingress: [],
      egress: [],
    });
    expect(deny?.range?.start.line).toBeGreaterThan(1);
    expect(db?.selects).toEqual(['pod/shop/db']);
    expect(db?.ingress).toEqual([
      'spec.ingress[0] allows from podSelector role=api in namespace shop, on TCP 5432',
    ]);
    expect(answer?.ports.map((p) => `${String(p.port)}/${p.protocol}`)).toEqual(['80/TCP', '5432/TCP']);
  });

  it('answers the matrix on declared ports or one chosen port, with both sides explained', async () => {
    const api = createEngineApi(() => performance.now());
    const { revision } = await api.parse(shop);
    const declared = await api.networkPolicies(revision, {
      namespace: 'shop',
      matrix: true,
      port: undefined,
      protocol: undefined,
    });
    const m = declared?.matrix;
    expect(m?.pods).toEqual(['pod/shop/api', 'pod/shop/db', 'pod/shop/web']);
    const verdicts = m?.cells.map((row) => row.map((c) => c.allowed).join(' '));
    // Everyone is isolated for ingress; only api → db:5432 is allowed.
    expect(verdicts).toEqual(['none all none', 'none none none', 'none none none']);
    const blocked = m?.cells[2]?.[1]?.probes[0];
    expect(blocked?.ingress.isolatedPod).toBe('shop/db');
    expect(blocked?.ingress.explanation).toContain('isolated for ingress');
    expect(m?.cells[0]?.[1]?.probes[0]?.ingress.policy).toBe('shop/db-from-api');

    const on80 = await api.networkPolicies(revision, {
      namespace: 'shop',
      matrix: true,
      port: 80,
      protocol: 'TCP',
    });
    expect(on80?.matrix?.cells[0]?.[1]?.allowed).toBe('none');
    expect(on80?.matrix?.cells[0]?.[1]?.probes[0]?.ingress.explanation).toMatch(/allows only TCP 5432/);
  });

  it('marks isolated pods on the graph and answers nothing for a reading that is gone', async () => {
    const api = createEngineApi(() => performance.now());
    const summary = await api.parse(shop);
    const badges = summary.graph?.nodes.find((n) => n.id === 'pod/shop/db')?.badges;
    expect(badges).toContain('ingress isolated');
    const query = { namespace: 'shop', matrix: false, port: undefined, protocol: undefined };
    expect(await api.networkPolicies(summary.revision + 10, query)).toBeUndefined();
  });
});

describe('ruleWords', () => {
  it('words an empty rule as every peer and port, and an egress rule with "to"', () => {
    expect(ruleWords({ peers: [], ports: [] }, 0, 'Ingress', 'x')).toBe(
      'spec.ingress[0] allows from every source, on every port',
    );
    expect(
      ruleWords(
        {
          peers: [
            {
              podSelector: undefined,
              namespaceSelector: undefined,
              ipBlock: { cidr: '10.0.0.0/8', except: [] },
            },
          ],
          ports: [{ protocol: 'UDP', port: 53, endPort: undefined }],
        },
        1,
        'Egress',
        'x',
      ),
    ).toBe('spec.egress[1] allows to ipBlock 10.0.0.0/8, on UDP 53');
  });
});
