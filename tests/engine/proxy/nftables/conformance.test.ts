// kube-proxy conformance (nftables): TestOverallNFTablesRules' input → our transaction text,
// compared after upstream's sortNFTablesTransaction, line for line.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildNftablesRuleset } from '../../../../src/engine/proxy/nftables/build.ts';
import { renderNftablesTransaction } from '../../../../src/engine/proxy/nftables/render-transaction.ts';
import { SHARED, sharedExists } from '../../../support/shared.ts';
import { conformanceConfig, conformanceInput } from './conformance-input.ts';
import { sortNFTablesTransaction } from './sort-transaction.ts';

const dir = join(SHARED, 'conformance/kube-proxy/nftables');
const cases = ['overall-nftables-rules'];
/** Cases we cannot pass, with the reason. None today. */
const skipped: Record<string, string> = {};

describe.skipIf(!sharedExists())('kube-proxy nftables conformance', () => {
  for (const name of cases) {
    it.skipIf(name in skipped)(name, () => {
      const config = conformanceConfig(readFileSync(join(dir, 'proxier-config.yaml'), 'utf8'), 'nftables');
      const input = conformanceInput(readFileSync(join(dir, `${name}.input.yaml`), 'utf8'), config);
      const expected = sortNFTablesTransaction(readFileSync(join(dir, `${name}.expected.txt`), 'utf8'));
      const actual = sortNFTablesTransaction(renderNftablesTransaction(buildNftablesRuleset(input)));
      expect(actual.join('\n')).toBe(expected.join('\n'));
    });
  }
});
