// Korean UI strings: the same keys as en.ts. Until a key is translated it falls back to English.
import { en, type Strings } from './en.ts';

export const ko: Strings = {
  ...en,
  tagline: '쿠버네티스 네트워킹을 눈으로',
  language: '언어',
};
