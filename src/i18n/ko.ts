// Korean UI strings: the same keys as en.ts. Until a key is translated it falls back to English.
import { en, type Strings } from './en.ts';

export const ko: Strings = {
  ...en,
  tagline: '쿠버네티스 네트워킹을 눈으로',
  language: '언어',
  share: {
    button: '공유',
    panel: '이 시나리오 공유',
    viewOnly: '보기 전용 링크 (읽기 전용으로 열리며 아무것도 저장하지 않음)',
    copy: '링크 복사',
    copied: '링크를 복사했습니다',
    copyFailed: '브라우저가 복사를 허용하지 않았습니다. 아래 링크를 선택해 직접 복사하세요.',
    linkLabel: '이 시나리오의 링크',
    tooLong: (length: number) =>
      `링크가 ${length}자로, 채팅 앱과 정적 호스트가 받아들이는 길이(8,000자)를 넘습니다. 대신 시나리오 파일을 내려받으세요.`,
    download: '시나리오 파일 내려받기',
    openFile: '파일 열기',
    opened: '공유된 시나리오를 열었습니다.',
    restore: '이전 텍스트 되돌리기',
    restored: '이전 텍스트를 되돌렸습니다.',
    dismiss: '닫기',
    viewOnlyBanner: '보기 전용: 편집 내용은 저장되지 않습니다',
    editCopy: '사본 편집하기',
    confirmTitle: '공유된 시나리오를 열까요?',
    confirmBody: '편집기의 텍스트를 바꿉니다. 내 텍스트는 보관되며 나중에 되돌릴 수 있습니다.',
    confirmOpen: '열기',
    confirmKeep: '내 텍스트 유지',
    untouched: '내 텍스트는 그대로입니다.',
    errors: {
      'not-a-link': '이 주소에는 Podwire 시나리오가 없습니다.',
      'too-long': 'Podwire 링크라고 하기에는 너무 긴 링크입니다.',
      'unknown-version': (version: string) =>
        `다른 버전의 Podwire가 만든 링크(형식 s${version})라서 이 버전에서는 읽을 수 없습니다.`,
      'bad-characters': '링크가 손상되었습니다: Podwire 링크에 없는 문자가 들어 있습니다.',
      truncated: '링크가 손상되었습니다: 잘렸거나 바뀌었습니다 (데이터가 너무 일찍 끝납니다).',
      corrupt: '링크가 손상되었습니다: 전달 중에 데이터가 바뀌었습니다 (검사값이 맞지 않습니다).',
      'too-large': '이 링크는 풀면 1MB가 넘는 텍스트가 됩니다: Podwire는 열지 않습니다.',
      'bad-json': '링크가 손상되었습니다: 내용을 시나리오로 읽을 수 없습니다.',
      'bad-field': (field: string) => `링크가 손상되었습니다: 설정 “${field}”의 값이 잘못되었습니다.`,
    },
    fileErrors: {
      'too-large': '이 파일은 1MB보다 큽니다: Podwire는 열지 않습니다.',
      'bad-field': (field: string) => `이 파일의 첫 줄(podwire-share)에서 “${field}” 값이 잘못되었습니다.`,
    },
  },
};
