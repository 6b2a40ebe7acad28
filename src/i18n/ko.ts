// Korean UI strings: the same keys as en.ts. Until a key is translated it falls back to English.
import { en, type Strings } from './en.ts';

export const ko: Strings = {
  ...en,
  tagline: '쿠버네티스 네트워킹을 눈으로',
  language: '언어',
  gallery: {
    open: '시나리오',
    title: '시나리오 갤러리',
    intro:
      '각 시나리오는 스터디 노트의 예제 하나다. 시나리오를 열면 텍스트가 바뀌고, 편집기에서 Ctrl+Z를 누르면 원래 텍스트로 돌아간다.',
    close: '닫기',
    from: '출처',
    lesson: '학습 포인트',
    dismiss: '학습 포인트 닫기',
    backToMyText: '내 텍스트로 돌아가기',
    unknown: (id: string) => `갤러리에 “${id}” 시나리오가 없다.`,
  },
};
