// Mirrors kube-proxy pkg/proxy/nftables/proxier.go syncProxyRules (a full sync from scratch): the
// whole `ip kube-proxy` table for one node, IPv4 family.

import type { ProxyInput } from '../types.ts';
import { draftTable, type NftTable } from './model.ts';
import { writeServicePort } from './service-rules.ts';
import { nftContext, setupNFTables } from './setup.ts';
import { skipsService } from '../categorize.ts';

export function buildNftablesRuleset(input: ProxyInput): NftTable {
  const table: NftTable = {
    family: 'ip',
    name: 'kube-proxy',
    comment: 'rules for kube-proxy',
    chains: [],
    sets: [],
  };
  const ctx = nftContext(input.config);
  const draft = draftTable(table);
  setupNFTables(draft, ctx);
  for (const svc of input.services) {
    if (skipsService(svc) || (svc.clusterIP ?? '').includes(':')) continue;
    writeServicePort(draft, ctx, svc);
  }
  return table;
}
