// Korean UI strings: the same keys as en.ts. Until a key is translated it falls back to English.
import { en, type Strings } from './en.ts';

export const ko: Strings = {
  ...en,
  tagline: '쿠버네티스 네트워킹을 눈으로',
  language: '언어',
  persist: {
    notSaved:
      '이 브라우저에서는 Podwire가 텍스트를 저장할 수 없습니다(저장소를 쓸 수 없거나 가득 찼습니다). 페이지를 닫거나 새로 고치면 사라집니다.',
    download: '내 텍스트 내려받기',
    otherTab: '다른 탭에서 이 텍스트가 바뀌었습니다.',
    loadTheirs: '다른 탭의 텍스트 불러오기',
    keepMine: '내 텍스트 유지',
    history: '기록',
    historyHint: '텍스트의 최근 버전',
    historyEmpty: '아직 버전이 없습니다. 몇 초 동안 입력이 없을 때와 텍스트가 바뀌기 전에 버전이 저장됩니다.',
    restore: '복원',
    restoreLabel: (time: string, summary: string) => `${time} 버전 복원: ${summary}`,
    close: '닫기',
    size: (chars: number) => `${chars.toLocaleString('ko')}자`,
    reasons: {
      pause: '입력 멈춤',
      'before-load': '다른 텍스트를 불러오기 전',
      'before-restore': '복원하기 전',
      'before-other-tab': '다른 탭의 텍스트를 불러오기 전',
      'other-tab': '다른 탭의 텍스트',
      replaced: '바뀌기 전에 저장되어 있던 텍스트',
      unsaved: '저장되지 않음(다른 탭에서 텍스트가 바뀜)',
    },
  },
};
