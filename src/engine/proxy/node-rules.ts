// One node's kube-proxy rules as the real tools print them, for the chosen mode: what
// `podwire rules` prints and the inspector shows. The modes' own builders do the work.

import type { ClusterModel, ProxyMode } from '../cluster/types.ts';
import { proxyInputFromModel } from './input.ts';
import { renderRestore } from './iptables/render-restore.ts';
import { renderSave } from './iptables/render-save.ts';
import { syncProxyRules } from './iptables/sync.ts';
import { buildIpvsRuleSet } from './ipvs/build.ts';
import { renderIpsetSave, renderIpvsadm, renderIpvsIptables, renderKubeIpvs0 } from './ipvs/render.ts';
import { buildNftablesRuleset } from './nftables/build.ts';
import { renderNftListRuleset } from './nftables/render-list.ts';
import { renderNftablesTransaction } from './nftables/render-transaction.ts';
import { buildUserspaceRuleSet, renderUserspaceRules } from './userspace/build.ts';

/** `save`: what the node shows (iptables-save, ipvsadm -Ln, nft list ruleset); `restore`: what kube-proxy writes. */
export type RulesFormat = 'save' | 'restore';

export interface NodeRules {
  readonly node: string;
  readonly mode: ProxyMode;
  readonly format: RulesFormat;
  /** The tool that prints this text on a real node, e.g. `iptables-save`. */
  readonly tool: string;
  readonly text: string;
}

export function nodeRules(
  model: ClusterModel,
  nodeName: string,
  mode?: ProxyMode,
  format: RulesFormat = 'save',
): NodeRules {
  const chosen = mode ?? model.settings.proxyMode;
  const input = proxyInputFromModel(model, nodeName, chosen);
  const out = (tool: string, text: string): NodeRules => ({
    node: nodeName,
    mode: chosen,
    format,
    tool,
    text,
  });
  switch (chosen) {
    case 'iptables': {
      const rules = syncProxyRules(input);
      return format === 'restore'
        ? out('iptables-restore (kube-proxy input)', renderRestore(rules))
        : out('iptables-save', renderSave(rules));
    }
    case 'nftables': {
      const table = buildNftablesRuleset(input);
      return format === 'restore'
        ? out('nft -f (kube-proxy transaction)', renderNftablesTransaction(table))
        : out('nft list ruleset', renderNftListRuleset(table));
    }
    case 'ipvs': {
      const set = buildIpvsRuleSet(input);
      if (format === 'restore') return out('iptables-restore (kube-proxy input)', renderIpvsIptables(set));
      const sections = [
        '# ipvsadm -Ln',
        renderIpvsadm(set),
        '# ip addr show kube-ipvs0',
        renderKubeIpvs0(set),
        '# ipset save',
        renderIpsetSave(set),
        '# iptables (IPVS mode still installs these)',
        renderIpvsIptables(set),
      ];
      return out('ipvsadm -Ln', sections.map((s) => s.replace(/\n$/, '')).join('\n'));
    }
    case 'userspace':
      return out('iptables-save (userspace portals)', renderUserspaceRules(buildUserspaceRuleSet(input)));
  }
}
