import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ProxyMode, RulesFormat } from '../../src/engine/index.ts';
import { createEngineApi } from '../../src/worker/engine-api.ts';
import type { RulesReading } from '../../src/worker/protocol.ts';

const whale = readFileSync(new URL('../../src/scenarios/whale-hosting.yaml', import.meta.url), 'utf8');

async function whaleRules(node: string, mode: ProxyMode | undefined, format: RulesFormat) {
  const api = createEngineApi(() => performance.now());
  const { revision } = await api.parse(whale);
  const reading = await api.rules(revision, node, mode, format);
  if (!reading) throw new Error('no rules');
  return reading;
}

const group = (reading: RulesReading, service: string | undefined) =>
  reading.groups.find((g) => g.service === service)?.lines ?? [];

describe('the rules command (a node kube-proxy rules, grouped per Service)', () => {
  it('prints iptables-save for the scenario mode and groups every line exactly once', async () => {
    const reading = await whaleRules('node-1', undefined, 'save');
    expect(reading).toMatchObject({
      node: 'node-1',
      mode: 'iptables',
      format: 'save',
      tool: 'iptables-save',
    });
    expect(structuredClone(reading)).toEqual(reading);
    expect(reading.groups.flatMap((g) => g.lines).sort()).toEqual(
      reading.text.replace(/\n$/, '').split('\n').sort(),
    );
    const svcA = group(reading, 'default/whale-svc-a');
    expect(svcA.some((l) => l.startsWith('-A KUBE-SVC-') && l.includes('default/whale-svc-a:http'))).toBe(
      true,
    );
    expect(svcA.some((l) => /^-A KUBE-SEP-.* -j DNAT --to-destination 10\.244\.\d+\.\d+:80$/.test(l))).toBe(
      true,
    );
    expect(svcA.every((l) => !l.includes('whale-svc-b'))).toBe(true);
    expect(group(reading, undefined)).toContain('*nat');
    expect(reading.groups.at(-1)?.service).toBeUndefined();
  });

  it('groups ipvsadm virtual servers with their real servers, and nftables chains as whole blocks', async () => {
    const ipvs = await whaleRules('node-1', 'ipvs', 'save');
    expect(ipvs.text).toContain('IP Virtual Server version 1.2.1');
    const svcA = group(ipvs, 'default/whale-svc-a');
    expect(svcA.filter((l) => /^TCP\s+\S+:(80|30301) rr/.test(l))).toHaveLength(2);
    expect(svcA.filter((l) => l.startsWith('  -> 10.244.'))).toHaveLength(2);
    expect(group(ipvs, undefined)).toContain(
      '  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn',
    );

    const nft = await whaleRules('node-1', 'nftables', 'save');
    expect(nft.tool).toBe('nft list ruleset');
    const chain = group(nft, 'default/whale-svc-a');
    const open = chain.findIndex((l) => /^\tchain endpoint-\S+-default\/whale-svc-a\/tcp\/http__/.test(l));
    expect(chain.slice(open + 1, open + 4).map((l) => l.trim())).toEqual([
      expect.stringMatching(/^ip saddr 10\.244\.\d+\.\d+ jump mark-for-masquerade$/) as unknown,
      expect.stringMatching(/^meta l4proto tcp dnat to 10\.244\.\d+\.\d+:80$/) as unknown,
      '}',
    ]);
  });

  it('answers what kube-proxy writes, and nothing for a node that is not there', async () => {
    const restore = await whaleRules('node-2', 'nftables', 'restore');
    expect(restore.text).toContain('add table ip kube-proxy');
    const api = createEngineApi(() => performance.now());
    const { revision } = await api.parse(whale);
    expect(await api.rules(revision, 'node-9', undefined, 'save')).toBeUndefined();
    expect(await api.rules(revision + 5, 'node-1', undefined, 'save')).toBeUndefined();
  });
});
