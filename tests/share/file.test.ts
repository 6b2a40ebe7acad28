import { describe, expect, it } from 'vitest';
import { readScenarioFile, scenarioFile } from '../../src/share/file.ts';
import type { ShareSettings } from '../../src/share/payload.ts';

describe('scenario files', () => {
  const settings: ShareSettings = {
    lang: 'ko',
    speed: 4,
    selection: 'svc/default/web',
    seed: 3,
    proxyMode: 'nftables',
  };
  const text = '# my notes\napiVersion: v1\nkind: Service\n';

  it('round-trips the text and the settings', () => {
    const file = scenarioFile(text, settings);
    expect(file.split('\n')[0]).toMatch(/^# podwire-share: \{/);
    expect(readScenarioFile(file)).toEqual({ ok: true, text, settings });
  });

  it('opens a plain YAML file as its text', () => {
    expect(readScenarioFile(text)).toEqual({ ok: true, text, settings: undefined });
  });

  it('refuses a header with wrong values, naming the field', () => {
    expect(readScenarioFile('# podwire-share: {"lang":"xx","speed":1}\n')).toMatchObject({
      ok: false,
      field: 'lang',
    });
    expect(readScenarioFile('# podwire-share: {oops\n')).toMatchObject({ ok: false, code: 'bad-field' });
  });
});
