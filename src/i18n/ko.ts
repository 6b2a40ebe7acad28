// Korean UI strings: the same keys as en.ts. Until a key is translated it falls back to English.
import { en, type Strings } from './en.ts';

export const ko: Strings = {
  ...en,
  tagline: '쿠버네티스 네트워킹을 눈으로',
  language: '언어',
  outline: {
    title: '개요',
    intro: '네임스페이스마다 서비스, 그 엔드포인트, 각 엔드포인트 뒤의 파드.',
    empty: '아직 서비스나 파드가 없습니다.',
    namespace: (name: string) => `네임스페이스 ${name}`,
    endpoints: (count: number) => `엔드포인트 ${count}개`,
    noEndpoints: '엔드포인트 없음: 이 서비스로 가는 요청은 거부됩니다.',
    externalName: (host: string) => `ExternalName: DNS가 ${host}로 답하고 프록시는 하지 않습니다`,
    headless: '헤드리스: DNS가 파드 IP로 답합니다',
    ready: '준비됨',
    notReady: '준비 안 됨: kube-proxy가 건너뜁니다',
    onNode: (node: string) => `${node}에서 실행`,
    noPod: '파드 없음 (직접 쓴 주소)',
    loosePods: '어떤 서비스도 선택하지 않은 파드',
    selectHint: '항목을 고르면 그래프와 인스펙터에 보여 줍니다.',
  },
  keyboard: {
    editorHint: '에디터에서 Tab은 들여쓰기입니다. Ctrl+M을 누르면 Tab으로 다음 컨트롤로 이동합니다.',
  },
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
