// Kernel cross-check: Podwire's rules loaded into a real kernel (a scratch network namespace) the
// way kube-proxy loads them, and the real iptables-save compared with Podwire's save rendering.
// Runs only as root with `ip netns`; otherwise skipped with the reason printed.

import { afterAll, describe, expect, it } from 'vitest';
import { parseManifests } from '../../src/engine/index.ts';
import { renderSave } from '../../src/engine/proxy/iptables/render-save.ts';
import { syncProxyRules } from '../../src/engine/proxy/iptables/sync.ts';
import { proxyInputFromObjects } from '../../src/engine/proxy/input.ts';
import { sharedExists } from '../support/shared.ts';
import { proxierConfig, ruleCases } from '../engine/proxy/iptables/conformance-data.ts';
import { has, kernelUnavailable, loadLikeKubeProxy, Netns, saveTables } from './netns.ts';

const reason = kernelUnavailable() ?? (sharedExists() ? undefined : 'shared/ conformance data not found');
if (reason) console.log(`kernel iptables checks skipped: ${reason}`);

afterAll(() => Netns.cleanup());

describe.skipIf(reason !== undefined)('kernel: iptables-restore + iptables-save', () => {
  // nfacct objects are per network namespace; without the nfacct tool (or kernel support) kube-proxy
  // fails to create them and leaves the `-m nfacct` matches out: model that.
  const nfacct = has('nfacct');
  const cases = reason === undefined ? ruleCases() : [];
  for (const c of cases) {
    it(`${c.name}: the kernel's iptables-save equals Podwire's save rendering (jump rules included)`, () => {
      const ns = new Netns(`pw-ipt-${process.pid}-${c.name.slice(0, 8)}`);
      if (nfacct)
        for (const name of ['ct_state_invalid_dropped_pkts', 'localhost_nps_accepted_pkts'])
          ns.try('nfacct', ['add', name]);
      const config = proxierConfig({
        nfacctCounters: { ct_state_invalid_dropped_pkts: nfacct, localhost_nps_accepted_pkts: nfacct },
      });
      const rules = syncProxyRules(proxyInputFromObjects(parseManifests(c.input).objects, config));
      loadLikeKubeProxy(ns, rules);
      const real = saveTables(ns.exec('iptables-save', []));
      const ours = saveTables(renderSave(rules));
      expect([...real.keys()].sort()).toEqual([...ours.keys()].sort());
      for (const [table, text] of ours) expect(real.get(table)?.split('\n')).toEqual(text.split('\n'));
    });
  }
});
