// Korean UI strings: the same keys as en.ts. Until a key is translated it falls back to English.
import { en, type Strings } from './en.ts';

export const ko: Strings = {
  ...en,
  tagline: '쿠버네티스 네트워킹을 눈으로',
  language: '언어',
  present: {
    present: '발표',
    presentHint: '발표 모드 (P)',
    leave: '발표 끝내기',
    fullscreen: '전체 화면',
    keys: '스페이스 재생·일시정지 · ← → 한 단계 · + − 속도 · F 전체 화면 · Esc 끝내기',
    speedShown: (speed: string) => `속도 ${speed}×`,
    captions: '자막',
    captionsEmpty: '재생이나 →를 누르면 홉마다 여기에 설명이 나옵니다.',
    openInPodwire: 'Podwire에서 열기',
    exportMenu: '내보내기',
    exportPng: '그래프 PNG',
    exportSvg: '그래프 SVG',
    copyTrace: '추적 복사',
    downloadTraceText: '추적 내려받기 (텍스트)',
    downloadTraceJson: '추적 내려받기 (JSON)',
    downloadRules: '규칙 내려받기',
    copied: '복사했습니다.',
    copyFailed: '복사하지 못했습니다: 브라우저가 거부했습니다.',
    // Caption style (noun endings, a colon after the place): no particle depends on a Latin name.
    hop: {
      random: (where: string, pod: string, odds: string) =>
        `${where}의 kube-proxy: 파드 ${pod} 선택 (확률 ${odds})`,
      only: (where: string, pod: string) => `${where}의 kube-proxy: 하나뿐인 엔드포인트, 파드 ${pod}`,
      roundRobin: (where: string, pod: string, of: number) =>
        `${where}의 kube-proxy: 차례대로 파드 ${pod} 선택 (${of}개 라운드 로빈)`,
      sticky: (where: string, pod: string) =>
        `${where}의 kube-proxy: 파드 ${pod} 선택 (세션 고정, 지난번과 같은 파드)`,
      scheduler: (where: string, pod: string) => `${where}의 kube-proxy: 파드 ${pod} 선택 (IPVS 스케줄러)`,
      ingress: (pod: string, of: number) =>
        of > 1
          ? `ingress-nginx: 차례대로 파드 ${pod} 선택 (${of}개 라운드 로빈)`
          : `ingress-nginx: 하나뿐인 엔드포인트, 파드 ${pod}`,
      proxyFailed: (where: string) => `${where}의 kube-proxy: 패킷 중단, 받을 엔드포인트 없음`,
      send: (where: string) => `${where}: 요청 보냄`,
      deliver: (where: string) => `${where}: 도착`,
      respond: (where: string) => `${where}: 응답`,
      receive: (where: string) => `${where}: 응답 받음`,
      policy: (where: string, ok: boolean) =>
        ok ? `${where}: NetworkPolicy 통과` : `${where}: NetworkPolicy가 버림`,
      ingressRoute: (where: string) => `${where}의 ingress-nginx: 호스트와 경로 일치`,
      dns: (where: string) => `${where}: DNS`,
      other: (where: string, kind: string) => `${where}: ${kind}`,
      failed: (sentence: string) => `${sentence} — 여기서 실패`,
      reply: (sentence: string) => `${sentence} (돌아가는 길)`,
    },
  },
};
