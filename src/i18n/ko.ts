// Korean UI strings: the same keys as en.ts. Until a key is translated it falls back to English.
import { en, type Strings } from './en.ts';

export const ko: Strings = {
  ...en,
  tagline: '쿠버네티스 네트워킹을 눈으로',
  language: '언어',
  robust: {
    hang: (doing: string) =>
      `${doing} 중에 엔진이 응답하지 않아 Podwire가 엔진을 다시 시작하고 텍스트를 다시 읽고 있습니다. 그동안 마지막으로 정상적으로 읽은 그림이 표시됩니다.`,
    crash: (doing: string) =>
      `${doing} 중에 엔진이 멈춰 Podwire가 엔진을 다시 시작하고 텍스트를 다시 읽고 있습니다. 그동안 마지막으로 정상적으로 읽은 그림이 표시됩니다.`,
    held: 'Podwire가 이 텍스트를 읽지 않았습니다. 이전에 엔진이 이 텍스트에서 응답하지 않거나 멈췄기 때문입니다. 선택할 때까지 그림과 시뮬레이션은 기다립니다.',
    readAnyway: '그래도 읽기',
    dismiss: '닫기',
    reading: '텍스트를 읽는',
    simulating: '시뮬레이션을 실행하는',
    answering: '질문에 답하는',
  },
};
