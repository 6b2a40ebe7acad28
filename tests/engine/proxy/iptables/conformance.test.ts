// kube-proxy iptables conformance (shared/conformance/kube-proxy): restore text and iptables-save
// text line for line, and every packet-flow table, run as data (xstate style: skips listed inline).

import { describe, expect, it } from 'vitest';
import { parseManifests } from '../../../../src/engine/index.ts';
import { evaluateIptables } from '../../../../src/engine/proxy/iptables/evaluate.ts';
import { renderRestore } from '../../../../src/engine/proxy/iptables/render-restore.ts';
import { renderSave } from '../../../../src/engine/proxy/iptables/render-save.ts';
import { syncProxyRules } from '../../../../src/engine/proxy/iptables/sync.ts';
import { proxyInputFromObjects } from '../../../../src/engine/proxy/input.ts';
import { sharedExists } from '../../../support/shared.ts';
import { flowScenarios, proxierConfig, ruleCases } from './conformance-data.ts';
import { sortIPTablesRules } from './sort-rules.ts';

/** Cases we cannot pass, with the reason. Empty: everything passes. */
const SKIP: Readonly<Record<string, string>> = {};

/** The upstream tests' fake proxier writes the mark as 0x4000 (real kube-proxy: 0x00004000). */
const FAKE = { masqueradeMark: '0x4000' };

describe.skipIf(!sharedExists())('kube-proxy iptables conformance: rules', () => {
  const cases = sharedExists() ? ruleCases() : [];
  for (const c of cases) {
    const rules = () =>
      syncProxyRules(proxyInputFromObjects(parseManifests(c.input).objects, proxierConfig()), FAKE);
    it.skipIf(c.name in SKIP)(`${c.name}: restore text equals expected.txt (canonical order)`, () => {
      const got = sortIPTablesRules(renderRestore(rules())).split('\n');
      const want = sortIPTablesRules(c.expected).split('\n');
      expect(got).toEqual(want);
    });
    it.skipIf(`${c.name} save` in SKIP)(`${c.name}: save rendering equals iptables-save.txt`, () => {
      expect(renderSave(rules(), { jumps: false }).split('\n')).toEqual(
        c.save.trimEnd().concat('\n').split('\n'),
      );
    });
  }
});

describe.skipIf(!sharedExists())('kube-proxy iptables conformance: packet flows', () => {
  const scenarios = sharedExists() ? flowScenarios() : [];
  it('found the flow tables', () => {
    expect(scenarios.reduce((n, s) => n + s.flows.length, 0)).toBeGreaterThan(100);
  });
  for (const s of scenarios) {
    describe(s.title, () => {
      const rules = () =>
        syncProxyRules(proxyInputFromObjects(parseManifests(s.yaml).objects, s.config), FAKE);
      for (const flow of s.flows) {
        const id = `${s.title} › ${flow.name}`;
        it.skipIf(id in SKIP)(`${flow.name}: ${flow.output === '' ? '(no match)' : flow.output}`, () => {
          const packet = { ...flow, origin: 'forwarded' as const };
          const result = evaluateIptables(rules(), packet, s.config);
          expect(result.output).toBe(flow.output);
          if (flow.masq !== undefined) expect(result.masquerade).toBe(flow.masq);
        });
      }
    });
  }
});
