import { describe, expect, it } from 'vitest';
import { en } from '../../src/i18n/en.ts';
import { preferredLang, stringsFor } from '../../src/i18n/index.ts';
import { ko } from '../../src/i18n/ko.ts';

describe('preferredLang', () => {
  it('takes the first browser language Podwire has, by its primary subtag', () => {
    expect(preferredLang(['ko-KR', 'en-US'])).toBe('ko');
    expect(preferredLang(['fr-FR', 'KO', 'en'])).toBe('ko');
    expect(preferredLang(['en-GB', 'ko'])).toBe('en');
  });
  it('falls back to English when none is known', () => {
    expect(preferredLang(['fr', 'de-DE'])).toBe('en');
    expect(preferredLang([])).toBe('en');
  });
});

describe('stringsFor', () => {
  it('gives each language its own table', () => {
    expect(stringsFor('en')).toBe(en);
    expect(stringsFor('ko')).toBe(ko);
    expect(stringsFor('ko').language).not.toBe(en.language);
  });
});
