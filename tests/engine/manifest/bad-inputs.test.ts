import { describe, expect, it } from 'vitest';
import { parseManifests } from '../../../src/engine/index.ts';
import { badCases } from './bad-inputs.cases.ts';

describe('bad inputs: each gets its message on its line, never an exception', () => {
  it('covers at least 40 cases', () => {
    expect(badCases.length).toBeGreaterThanOrEqual(40);
  });

  for (const c of badCases) {
    it(c.name, () => {
      const { diagnostics } = parseManifests(c.text);
      const firstLines = diagnostics.map(
        (d) => `${d.severity} ${d.range.start.line}: ${d.message.split('\n')[0] ?? ''}`,
      );
      const match = diagnostics.find(
        (d) =>
          d.severity === c.severity &&
          d.range.start.line === c.line &&
          (c.prefix ? d.message.startsWith(c.message) : d.message.split('\n')[0] === c.message),
      );
      expect(match, `got:\n${firstLines.join('\n')}`).toBeDefined();
      for (const d of diagnostics) {
        expect(d.range.start.line).toBeGreaterThanOrEqual(1);
        expect(d.range.start.column).toBeGreaterThanOrEqual(1);
      }
    });
  }
});
