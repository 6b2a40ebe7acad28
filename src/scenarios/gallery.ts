// The scenario gallery: every example of the study note (shared/seed, Korean) as a built-in
// scenario, with its title and a two-line lesson in English and Korean. Texts are the YAML
// files beside this one; the first entry is the first-visit default.
import clusterIpInternal from './clusterip-internal.yaml?raw';
import customTargetPort from './custom-target-port.yaml?raw';
import envAndDns from './env-and-dns.yaml?raw';
import headless from './headless.yaml?raw';
import ingressFanout from './ingress-fanout.yaml?raw';
import ingressSingleService from './ingress-single-service.yaml?raw';
import loadBalancer from './loadbalancer.yaml?raw';
import multiPort from './multi-port.yaml?raw';
import namespacesQuota from './namespaces-quota.yaml?raw';
import nodePort from './nodeport.yaml?raw';
import proxyIptables from './proxy-iptables.yaml?raw';
import proxyIpvs from './proxy-ipvs.yaml?raw';
import proxyUserspace from './proxy-userspace.yaml?raw';
import readiness from './readiness.yaml?raw';
import selectorlessEndpoints from './selectorless-endpoints.yaml?raw';
import sessionAffinity from './session-affinity.yaml?raw';
import whaleHosting from './whale-hosting.yaml?raw';

/** One line per language; the lesson is two lines. */
export interface Localized<T> {
  readonly en: T;
  readonly ko: T;
}

export interface GalleryScenario {
  /** Stable: used in `?scenario=<id>` links. */
  readonly id: string;
  readonly title: Localized<string>;
  readonly lesson: Localized<readonly [string, string]>;
  /** The study note's section heading the scenario comes from. */
  readonly section: string;
  readonly text: string;
}

export const GALLERY: readonly GalleryScenario[] = [
  {
    id: 'whale-hosting',
    section: '인그레스 유형 — 이름-기반 호스팅',
    text: whaleHosting,
    title: { en: 'Name-based Ingress: two whales', ko: '이름-기반 인그레스: 두 고래' },
    lesson: {
      en: [
        'One Ingress, one address, two hosts: a.whale.hey goes to whale A, b.whale.hey to whale B.',
        'Press play and watch ingress-nginx pick the Service by the Host header.',
      ],
      ko: [
        '인그레스 하나, 주소 하나, 호스트 둘: a.whale.hey는 고래 A로, b.whale.hey는 고래 B로 간다.',
        '재생을 누르고 ingress-nginx가 Host 헤더로 서비스를 고르는 것을 보자.',
      ],
    },
  },
  {
    id: 'clusterip-internal',
    section: 'ClusterIP (내부 서비스)',
    text: clusterIpInternal,
    title: { en: 'ClusterIP: an internal Service', ko: 'ClusterIP: 내부 서비스' },
    lesson: {
      en: [
        'A Service with no type gets a ClusterIP, reachable only from inside the cluster.',
        'The client pod calls node-js-internal; kube-proxy spreads the calls over the three node-js pods.',
      ],
      ko: [
        '유형을 지정하지 않은 서비스는 ClusterIP를 받고, 클러스터 내부에서만 접근할 수 있다.',
        'client 파드가 node-js-internal을 호출하면 kube-proxy가 세 node-js 파드로 나눠 보낸다.',
      ],
    },
  },
  {
    id: 'nodeport',
    section: 'NodePort (커스텀 로드 밸런싱)',
    text: nodePort,
    title: { en: 'NodePort: the same port on every node', ko: 'NodePort: 모든 노드의 같은 포트' },
    lesson: {
      en: [
        'type: NodePort opens port 30001 on every node; http://{Node IP}:30001/ reaches the Service.',
        'Requests to node-1 and to node-2 both end at the node-js pods, wherever they run.',
      ],
      ko: [
        'type: NodePort는 모든 노드에 30001 포트를 연다. http://{Node IP}:30001/ 로 서비스에 접속한다.',
        'node-1로 보낸 요청도 node-2로 보낸 요청도 파드가 어느 노드에 있든 node-js 파드에 도착한다.',
      ],
    },
  },
  {
    id: 'loadbalancer',
    section: 'LoadBalancer (외부 서비스)',
    text: loadBalancer,
    title: { en: 'LoadBalancer: an external Service', ko: 'LoadBalancer: 외부 서비스' },
    lesson: {
      en: [
        'type: LoadBalancer asks the cloud for a load balancer in front of a NodePort and a ClusterIP.',
        "Traffic from outside to the load balancer's address reaches the pods with all three labels.",
      ],
      ko: [
        'type: LoadBalancer는 NodePort와 ClusterIP 앞에 클라우드 공급자의 로드 밸런서를 둔다.',
        '외부에서 로드 밸런서 주소로 보낸 트래픽이 세 레이블을 모두 가진 파드에 도착한다.',
      ],
    },
  },
  {
    id: 'custom-target-port',
    section: '서비스 퍼블리싱 — 커스텀 포트',
    text: customTargetPort,
    title: { en: 'Custom port: 90 to targetPort 80', ko: '커스텀 포트: 90에서 targetPort 80으로' },
    lesson: {
      en: [
        'The Service listens on port 90 and forwards to the containers\u2019 port 80 (targetPort).',
        'Step to the kube-proxy hop: the DNAT rewrites the port from 90 to 80.',
      ],
      ko: [
        '서비스는 90 포트로 받고 컨테이너의 80 포트(targetPort)로 트래픽을 매핑한다.',
        'kube-proxy 홉까지 한 단계씩 가 보면 DNAT이 포트를 90에서 80으로 바꾼다.',
      ],
    },
  },
  {
    id: 'multi-port',
    section: '서비스 퍼블리싱 — 다중 포트 (Multi port)',
    text: multiPort,
    title: { en: 'Multi-port Service', ko: '다중 포트 서비스' },
    lesson: {
      en: [
        'One Service exposes two named ports, http (80) and fake-admin-http (8888).',
        'Each port has its own kube-proxy rules; both reach the same three pods.',
      ],
      ko: [
        '서비스 하나가 이름을 붙인 두 포트 http(80)와 fake-admin-http(8888)를 노출한다.',
        '포트마다 kube-proxy 규칙이 따로 있고, 둘 다 같은 세 파드에 도착한다.',
      ],
    },
  },
  {
    id: 'proxy-userspace',
    section: '다양한 kube-proxy 모드 — User space 프록시 모드',
    text: proxyUserspace,
    title: { en: 'kube-proxy modes (1/3): userspace', ko: 'kube-proxy 모드 (1/3): 유저스페이스' },
    lesson: {
      en: [
        'userspace mode proxies every connection itself, round robin over the backends.',
        'When the broken pod refuses, it retries another: every request to mixed is delivered.',
      ],
      ko: [
        '유저스페이스 모드는 모든 연결을 직접 프록시하며 라운드-로빈으로 백엔드를 고른다.',
        '고장 난 파드가 연결을 거부하면 다른 파드로 재시도한다: mixed로 간 요청이 모두 도착한다.',
      ],
    },
  },
  {
    id: 'proxy-iptables',
    section: '다양한 kube-proxy 모드 — iptables 프록시 모드',
    text: proxyIptables,
    title: { en: 'kube-proxy modes (2/3): iptables', ko: 'kube-proxy 모드 (2/3): iptables' },
    lesson: {
      en: [
        'iptables mode picks a random backend in the kernel (netfilter), without a userspace hop.',
        'There is no retry: requests that land on the broken pod fail. Readiness probes are the fix.',
      ],
      ko: [
        'iptables 모드는 유저스페이스를 거치지 않고 넷필터가 커널에서 임의의 백엔드를 고른다.',
        '재시도가 없어 고장 난 파드로 간 요청은 실패한다. 해결 방안은 readinessProbe이다.',
      ],
    },
  },
  {
    id: 'proxy-ipvs',
    section: '다양한 kube-proxy 모드 — IPVS 프록시 모드',
    text: proxyIpvs,
    title: { en: 'kube-proxy modes (3/3): IPVS', ko: 'kube-proxy 모드 (3/3): IPVS' },
    lesson: {
      en: [
        'IPVS mode balances in the kernel with a scheduler: round robin (rr) takes the pods in turn.',
        'Compare the counters with the other two modes: the same Services, only proxyMode differs.',
      ],
      ko: [
        'IPVS 모드는 커널의 스케줄러로 부하를 분산한다: 라운드-로빈(rr)은 파드를 차례로 고른다.',
        '다른 두 모드와 카운터를 비교해 보자: 서비스는 같고 proxyMode만 다르다.',
      ],
    },
  },
  {
    id: 'session-affinity',
    section: '다양한 kube-proxy 모드 — sessionAffinity',
    text: sessionAffinity,
    title: { en: 'sessionAffinity: ClientIP', ko: '세션 어피니티: ClientIP' },
    lesson: {
      en: [
        'sessionAffinity: ClientIP sends one client\u2019s connections to the same pod every time.',
        'The same pods behind two Services: node-js-internal spreads, node-js-sticky sticks to one pod.',
      ],
      ko: [
        'sessionAffinity: ClientIP는 특정 클라이언트의 연결을 매번 동일한 파드로 전달한다.',
        '같은 파드를 가리키는 두 서비스: node-js-internal은 나눠 보내고, node-js-sticky는 한 파드에 붙는다.',
      ],
    },
  },
  {
    id: 'readiness',
    section: 'iptables 프록시 모드 — readinessProbe',
    text: readiness,
    title: { en: 'Readiness: a pod not ready', ko: '준비성: 준비되지 않은 파드' },
    lesson: {
      en: [
        'A pod whose readiness probe fails is removed from the Service\u2019s endpoints: it gets no traffic.',
        'At 10 s node-js-warming-up turns ready, joins the endpoints and starts receiving requests.',
      ],
      ko: [
        '준비성 프로브가 실패한 파드는 서비스의 엔드포인트에서 제거되어 트래픽을 받지 않는다.',
        '10초에 node-js-warming-up이 준비되면 엔드포인트에 들어가고 요청을 받기 시작한다.',
      ],
    },
  },
  {
    id: 'ingress-single-service',
    section: '인그레스 유형 — 단일 서비스 인그레스',
    text: ingressSingleService,
    title: { en: 'Single-service Ingress', ko: '단일 서비스 인그레스' },
    lesson: {
      en: [
        'An Ingress with no rules, only a default backend, exposes one Service.',
        'Any host and any path from outside ends at testsvc\u2019s pods.',
      ],
      ko: [
        '규칙 없이 기본 백엔드만 넣은 인그레스로 서비스 하나를 노출한다.',
        '외부에서 어떤 호스트, 어떤 경로로 보내도 testsvc의 파드에 도착한다.',
      ],
    },
  },
  {
    id: 'ingress-fanout',
    section: '인그레스 유형 — 팬아웃',
    text: ingressFanout,
    title: { en: 'Fanout Ingress: /foo and /bar', ko: '팬아웃 인그레스: /foo와 /bar' },
    lesson: {
      en: [
        'One host, one address, several Services: the path picks the backend.',
        'foo.bar.com/foo goes to service1 (port 4200), foo.bar.com/bar to service2 (port 8080).',
      ],
      ko: [
        '호스트 하나, 주소 하나로 여러 서비스에 라우팅한다: 경로가 백엔드를 고른다.',
        'foo.bar.com/foo는 service1(4200 포트)로, foo.bar.com/bar는 service2(8080 포트)로 간다.',
      ],
    },
  },
  {
    id: 'selectorless-endpoints',
    section: '마이그레이션, 멀티 클러스터, 이외',
    text: selectorlessEndpoints,
    title: { en: 'A Service without a selector', ko: '셀렉터 없는 서비스' },
    lesson: {
      en: [
        'Without a selector no Endpoints are made: you write them by hand, pointing anywhere.',
        'Here they point at legacy-app on port 9376, from inside and through the load balancer.',
      ],
      ko: [
        '셀렉터가 없으면 엔드포인트가 자동으로 생성되지 않는다: 직접 추가해 원하는 주소로 매핑한다.',
        '여기서는 9376 포트의 legacy-app을 가리킨다: 클러스터 내부에서도, 로드 밸런서를 거쳐서도.',
      ],
    },
  },
  {
    id: 'headless',
    section: '마이그레이션, 멀티 클러스터, 이외 — 헤드리스 서비스',
    text: headless,
    title: { en: 'Headless Service', ko: '헤드리스 서비스' },
    lesson: {
      en: [
        'clusterIP: None gives no virtual IP and no kube-proxy rules: DNS answers with the pods\u2019 IPs.',
        'Requests to node-js-none go straight to a pod; node-js-internal beside it goes through kube-proxy.',
      ],
      ko: [
        'clusterIP: None이면 클러스터 IP도 kube-proxy 규칙도 없고, DNS가 파드의 A 레코드로 답한다.',
        'node-js-none으로 간 요청은 파드로 바로 가고, 옆의 node-js-internal은 kube-proxy를 거친다.',
      ],
    },
  },
  {
    id: 'env-and-dns',
    section: '서비스 검색 — 환경 변수, DNS',
    text: envAndDns,
    title: { en: 'Finding Services: env vars and DNS', ko: '서비스 검색: 환경 변수와 DNS' },
    lesson: {
      en: [
        'Click the client pod: kubelet injected NODE_JS_INTERNAL_SERVICE_HOST and its friends.',
        'From namespace test the short name fails (NXDOMAIN); node-js-internal.default works.',
      ],
      ko: [
        'client 파드를 눌러 보자: kubelet이 NODE_JS_INTERNAL_SERVICE_HOST 같은 환경 변수를 넣었다.',
        'test 네임스페이스에서는 짧은 이름이 실패하고(NXDOMAIN), node-js-internal.default는 성공한다.',
      ],
    },
  },
  {
    id: 'namespaces-quota',
    section: '멀티 테넌시 — 제한',
    text: namespacesQuota,
    title: { en: 'Namespaces and ResourceQuota', ko: '네임스페이스와 리소스 쿼터' },
    lesson: {
      en: [
        'Namespace test has a quota of 3 pods, 1 Service and 1 ReplicationController.',
        'The controller gets 2 of its 3 pods and the second Service is refused: see Problems.',
      ],
      ko: [
        'test 네임스페이스의 쿼터는 파드 3개, 서비스 1개, 레플리케이션 컨트롤러 1개다.',
        '컨트롤러는 파드 3개 중 2개만 만들고, 두 번째 서비스는 거부된다: 문제 목록을 보자.',
      ],
    },
  },
];

/** The gallery scenario with this id, if any. */
export function galleryScenario(id: string): GalleryScenario | undefined {
  return GALLERY.find((s) => s.id === id);
}
