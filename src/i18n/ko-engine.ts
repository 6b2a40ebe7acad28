// The engine's English sentences said in Korean, pattern by pattern (names, addresses and
// numbers carried over). Kept in the engine's wording order so a reader can find the source
// template: sim/ (hops), ingress/ (routing), graph/ (labels). Unmatched text stays English.
import { makeTranslator, type Groups, type TextRule } from './engine-text.ts';

const r = (re: RegExp, say: TextRule['say']): TextRule => ({ re, say });
const opt = (g: string, text: string) => (g === '' ? '' : text);
const fromWho = (g: Groups, i: number) => (g[i] === 'the client' ? '클라이언트' : (g[i] ?? ''));

const hops: TextRule[] = [
  // sim/request.ts: the first hop of a request.
  r(/^(GET|Connect to) (\S+?)(?:: (.+?))?( from the outside client| from inside pod (\S+))?\.$/, (g, tr) => {
    const from = g[3] === '' ? '' : g[4] !== '' ? `파드 ${g[4]} 안에서 ` : '외부 클라이언트에서 ';
    const what = g[0] === 'GET' ? `GET ${g[1]}` : `${g[1]}에 연결`;
    return `${from}${what}${opt(g[2] ?? '', `: ${tr(g[2] ?? '')}`)}.`;
  }),
  r(
    /^(\S+) resolves to the ingress controller's address (\S+) \(as (`[^`]+`) does; outside DNS is not simulated\)$/,
    (g) => `${g[0]}의 주소는 인그레스 컨트롤러 주소 ${g[1]} (${g[2]}와 같음. 외부 DNS는 시뮬레이션하지 않음)`,
  ),
  r(/^(\S+) is (\d[\d.:]*)$/, (g) => `${g[0]}의 주소는 ${g[1]}`),
  r(
    /^(\S+) has (\d+) A records \(a headless Service: pod IPs, no ClusterIP\); CoreDNS's loadbalance plugin shuffles them and the client takes the first, (\S+)$/,
    (g) =>
      `${g[0]}의 A 레코드 ${g[1]}개 (헤드리스 서비스: 클러스터 IP 없이 파드 IP들). CoreDNS의 loadbalance 플러그인이 순서를 섞고 클라이언트는 첫 번째인 ${g[2]}를 씁니다`,
  ),
  r(
    /^(\S+) does not resolve outside the cluster: no Ingress exposes it\.$/,
    (g) => `${g[0]}은(는) 클러스터 밖에서 이름 풀이가 안 됩니다: 이를 노출하는 인그레스가 없습니다.`,
  ),
  r(
    /^Cannot send: node (\S+) is down, so (\S+) is not running\.$/,
    (g) => `보낼 수 없음: 노드 ${g[0]}이(가) 다운되어 ${g[1]}이(가) 실행 중이 아닙니다.`,
  ),
  // sim/dns-exchange.ts
  r(
    /^The resolver asks kube-dns (\S+) \((udp|tcp)\) for (\S+) (A|AAAA|SRV) \((.+)\)\.$/,
    (g, tr) =>
      `리졸버가 kube-dns ${g[0]} (${g[1]})에 ${g[2]} ${g[3]} 레코드를 질의합니다 (${tr(g[4] ?? '')}).`,
  ),
  r(
    /^(\S+) has (\d+) dots, ndots:(\d+): the search list is tried$/,
    (g) => `${g[0]}의 점 ${g[1]}개 < ndots:${g[2]}: search 목록을 차례로 시도`,
  ),
  r(
    /^(\S+) has (\d+) dots, ndots:(\d+): asked as is$/,
    (g) => `${g[0]}의 점 ${g[1]}개, ndots:${g[2]}: 그대로 질의`,
  ),
  r(/^next name, (\d+) of (\d+)$/, (g) => `다음 이름, ${g[1]}개 중 ${g[0]}번째`),
  r(/^CoreDNS (\S+) answers NOERROR: (.+)\.$/, (g) => `CoreDNS ${g[0]}의 응답 NOERROR: ${g[1]}.`),
  r(/^CoreDNS (\S+) answers (\S+) for (\S+)\.$/, (g) => `CoreDNS ${g[0]}의 응답: ${g[2]}은(는) ${g[1]}.`),
  r(
    /^The answer arrives from (\S+), the address the resolver asked \(conntrack reversed the DNAT\)\.$/,
    (g) => `응답은 리졸버가 질의한 주소 ${g[0]}에서 도착합니다 (conntrack이 DNAT를 되돌림).`,
  ),
  r(
    /^(\S+) does not resolve: (\S+) after trying (.+)\.$/,
    (g) => `${g[0]}의 이름 풀이 실패: ${g[2]}을(를) 시도한 뒤 ${g[1]}.`,
  ),
  // sim/connection.ts, sim/reply.ts: veth pairs.
  r(
    /^Out of (\S+)'s eth0 through its veth pair into node (\S+)'s network namespace \(PREROUTING\)\.$/,
    (g) =>
      `${g[0]}의 eth0에서 veth 쌍을 거쳐 노드 ${g[1]}의 네트워크 네임스페이스로 들어갑니다 (PREROUTING).`,
  ),
  r(
    /^Out of (\S+)'s eth0 into node (\S+), towards (\S+)\.$/,
    (g) => `${g[0]}의 eth0에서 나와 노드 ${g[1]}로 들어갑니다. 목적지 ${g[2]}.`,
  ),
  // sim/proxy-step.ts: what kube-proxy's rules decided.
  r(
    /^kube-proxy's (\S+) rules on (\S+) \((\d+) rules looked at\): (.+)\.$/,
    (g, tr) =>
      `${g[1]}의 kube-proxy ${g[0]} 규칙 (규칙 ${g[2]}개 확인): ${(g[3] ?? '')
        .split('; ')
        .map((part) => tr(part))
        .join('; ')}.`,
  ),
  r(
    /^DNAT(?: for Service (\S+))? to (\S+)(?: \(pod (\S+)\))?(?: \(picked with probability ([\d.]+)\))?( \(.+\))?$/,
    (g) =>
      `${opt(g[0] ?? '', `서비스 ${g[0]}: `)}${g[1]}(으)로 DNAT${opt(g[2] ?? '', ` (파드 ${g[2]})`)}${opt(g[3] ?? '', ` (확률 ${g[3]}로 선택)`)}${g[4] ?? ''}`,
  ),
  r(
    /^marked for masquerade, so the source becomes the node$/,
    () => '마스커레이드 표시: 출발지가 노드 주소로 바뀝니다',
  ),
  r(
    /^kube-proxy dials the backend itself, so the source is the node$/,
    () => 'kube-proxy가 직접 백엔드에 연결하므로 출발지는 노드입니다',
  ),
  r(
    /^the proxy first dialled (.+), which refused, and retried$/,
    (g) => `프록시가 먼저 ${g[0]}에 연결했으나 거부되어 다시 시도했습니다`,
  ),
  r(
    /^sessionAffinity ClientIP: the client is in this endpoint's recent list \(-m recent --rcheck\), so it sticks$/,
    () =>
      'sessionAffinity ClientIP: 클라이언트가 이 엔드포인트의 recent 목록에 있어 (-m recent --rcheck) 같은 곳으로 갑니다',
  ),
  r(
    /^REJECT(?: for Service (\S+))?: no ready endpoint( answered)?$/,
    (g) => `${opt(g[0] ?? '', `서비스 ${g[0]}: `)}REJECT, ${g[1] ? '응답한' : '준비된'} 엔드포인트 없음`,
  ),
  r(
    /^the client gets ICMP port unreachable \(connection refused\)$/,
    () => '클라이언트는 ICMP port unreachable을 받습니다 (연결 거부)',
  ),
  r(
    /^DROP(?: for Service (\S+))?: externalTrafficPolicy Local and no ready endpoint on (\S+)$/,
    (g) =>
      `${opt(g[0] ?? '', `서비스 ${g[0]}: `)}DROP, externalTrafficPolicy Local인데 ${g[1]}에 준비된 엔드포인트가 없음`,
  ),
  r(/^no kube-proxy rule matches$/, () => '일치하는 kube-proxy 규칙 없음'),
  r(
    /^No kube-proxy rule on (\S+) matches \((\d+) rules looked at\)\.$/,
    (g) => `${g[0]}의 kube-proxy 규칙 중 일치하는 것이 없습니다 (규칙 ${g[1]}개 확인).`,
  ),
  // sim/routing.ts
  r(
    /^(\S+) is in node (\S+)'s pod CIDR (\S+): routed over the node network to (\S+)\.$/,
    (g) =>
      `${g[0]}은(는) 노드 ${g[1]}의 파드 CIDR ${g[2]}에 속합니다: 노드 네트워크를 거쳐 ${g[3]}까지 라우팅됩니다.`,
  ),
  r(
    /^(\S+) is node (\S+)'s address: routed over the node network\.$/,
    (g) => `${g[0]}은(는) 노드 ${g[1]}의 주소입니다: 노드 네트워크를 거쳐 라우팅됩니다.`,
  ),
  r(
    /^Routed over the node network to (\S+), towards (\S+)\.$/,
    (g) => `노드 네트워크를 거쳐 ${g[0]}까지 라우팅됩니다. 목적지 ${g[1]}.`,
  ),
  r(/^Delivered to pod (\S+) \((\S+)\) through its veth$/, (g) => `파드 ${g[0]} (${g[1]})에 veth로 전달`),
  r(
    /^Delivered on node (\S+) to hostNetwork pod (\S+)$/,
    (g) => `노드 ${g[0]}의 hostNetwork 파드 ${g[1]}에 전달`,
  ),
  r(
    /^(Delivered .+); container (\S*) listens on (\S+) port (\d+)\.$/,
    (g, tr) => `${tr(g[0] ?? '')}: 컨테이너 ${g[1]}이(가) ${g[2]} 포트 ${g[3]}에서 수신 대기 중입니다.`,
  ),
  r(
    /^(Delivered .+): no container listens on (\S+) port (\d+), so the kernel answers (.+)\.$/,
    (g, tr) =>
      `${tr(g[0] ?? '')}: ${g[1]} 포트 ${g[2]}에서 수신 대기하는 컨테이너가 없어 커널이 ${tr(g[3] ?? '')}로 응답합니다.`,
  ),
  r(/^RST \(connection refused\)$/, () => 'RST (연결 거부)'),
  r(/^ICMP port unreachable$/, () => 'ICMP port unreachable'),
  r(
    /^Nothing on node (\S+) listens on port (\d+): the kernel answers RST \(connection refused\)\.$/,
    (g) =>
      `노드 ${g[0]}에서 포트 ${g[1]}을(를) 수신 대기하는 것이 없습니다: 커널이 RST로 응답합니다 (연결 거부).`,
  ),
  r(/^Node (\S+) is down: the packet is lost\.$/, (g) => `노드 ${g[0]}이(가) 다운되어 패킷이 사라집니다.`),
  r(/^Node (\S+) is down: the reply is lost\.$/, (g) => `노드 ${g[0]}이(가) 다운되어 응답이 사라집니다.`),
  // sim/enter.ts: from outside, through the cloud load balancer.
  r(
    /^To the cloud load balancer of Service (\S+) \((\S+)\)\.$/,
    (g) => `서비스 ${g[0]}의 클라우드 로드 밸런서(${g[1]})로 갑니다.`,
  ),
  r(
    /^Forwarded: the cloud load balancer of Service (\S+) \((\S+)\) forwards to node (\S+); the destination stays (\S+), which kube-proxy matches \((.+)\)\.$/,
    (g, tr) =>
      `포워딩: 서비스 ${g[0]}의 클라우드 로드 밸런서(${g[1]})가 노드 ${g[2]}에 넘깁니다. 목적지는 ${g[3]} 그대로이고 kube-proxy가 이를 매칭합니다 (${tr(g[4] ?? '')}).`,
  ),
  r(
    /^Forwarded: the network routes (\S+) \(an externalIP of Service (\S+)\) to node (\S+)\.$/,
    (g) => `포워딩: 네트워크가 ${g[0]} (서비스 ${g[1]}의 externalIP)을(를) 노드 ${g[2]}로 라우팅합니다.`,
  ),
  r(
    /^every ready node passes its health check \(externalTrafficPolicy Cluster\)$/,
    () => '준비된 모든 노드가 헬스 체크를 통과합니다 (externalTrafficPolicy Cluster)',
  ),
  r(
    /^externalTrafficPolicy Local: only nodes with a ready endpoint \((.+)\) pass the health check on port (\d+)$/,
    (g) =>
      `externalTrafficPolicy Local: 준비된 엔드포인트가 있는 노드(${g[0]})만 포트 ${g[1]}의 헬스 체크를 통과합니다`,
  ),
  r(
    /^(\S+) is node (\S+)'s InternalIP: the packet reaches the node\.$/,
    (g) => `${g[0]}은(는) 노드 ${g[1]}의 InternalIP입니다: 패킷이 노드에 도착합니다.`,
  ),
  r(
    /^Back out through the cloud load balancer, towards (\S+)\.$/,
    (g) => `클라우드 로드 밸런서를 거쳐 밖으로 돌아갑니다. 목적지 ${g[0]}.`,
  ),
  // sim/reply.ts, sim/request.ts: the answer on its way back.
  r(
    /^Conntrack on (\S+) matches the reply to its connection and reverses the NAT: the source (\S+) becomes (\S+?)(?:, the destination (\S+) becomes (\S+?))?\.$/,
    (g) =>
      `${g[0]}의 conntrack이 응답을 원래 연결과 맞춰 NAT를 되돌립니다: 출발지 ${g[1]} → ${g[2]}${opt(g[3] ?? '', `, 목적지 ${g[3]} → ${g[4]}`)}.`,
  ),
  r(
    /^HTTP\/1\.1 200 OK from (\S+?)(?: for (\S+))?\.$/,
    (g) => `${g[0]}의 응답 HTTP/1.1 200 OK${opt(g[1] ?? '', ` (경로 ${g[1]})`)}.`,
  ),
  r(/^(\S+) accepts the connection \(SYN-ACK\)\.$/, (g) => `${g[0]}이(가) 연결을 받아들입니다 (SYN-ACK).`),
  r(
    /^The client receives the answer from (\S+?)(, the address it dialled)?\.$/,
    (g) => `클라이언트가 ${g[0]}에서 응답을 받습니다${opt(g[1] ?? '', ' (연결한 바로 그 주소)')}.`,
  ),
  r(/^The client receives (\d+) from (\S+)\.$/, (g) => `클라이언트가 ${g[1]}에서 ${g[0]} 응답을 받습니다.`),
  r(/^ingress-nginx receives the upstream answer\.$/, () => 'ingress-nginx가 업스트림의 응답을 받습니다.'),
  r(
    /^ingress-nginx answers (\d+): (.+)$/,
    (g, tr) => `ingress-nginx가 ${g[0]}으로 응답합니다: ${tr(g[1] ?? '')}`,
  ),
  r(/^it relays the upstream answer\.$/, () => '업스트림의 응답을 그대로 전달합니다.'),
  r(/^no Ingress is served\.$/, () => '처리하는 인그레스가 없습니다.'),
  r(
    /^Gateway Timeout: the upstream did not answer\.$/,
    () => 'Gateway Timeout: 업스트림이 응답하지 않았습니다.',
  ),
  r(
    /^Bad Gateway: the upstream refused the connection\.$/,
    () => 'Bad Gateway: 업스트림이 연결을 거부했습니다.',
  ),
  r(
    /^Gateway Timeout: the upstream answer was lost\.$/,
    () => 'Gateway Timeout: 업스트림의 응답이 사라졌습니다.',
  ),
  r(
    /^No answer: (the client|\S+) gives up after (\d+) s \(connection timed out\)\.$/,
    (g) => `응답 없음: ${fromWho(g, 0)}이(가) ${g[1]}초 후 포기합니다 (연결 시간 초과).`,
  ),
  // sim/ingress-step.ts
  r(
    /^ingress-nginx opens its own connection to endpoint (\S+) directly \(the Service's ClusterIP is not used\), path (\S+)\.$/,
    (g) =>
      `ingress-nginx가 엔드포인트 ${g[0]}에 직접 자기 연결을 엽니다 (서비스의 클러스터 IP는 쓰지 않음), 경로 ${g[1]}.`,
  ),
  // sim/cluster-events.ts, sim/simulation.ts: failures.
  r(
    /^Node (\S+) goes down: its pods stop answering and leave the endpoints; the load balancer's health checks skip it\.$/,
    (g) =>
      `노드 ${g[0]}이(가) 다운됩니다: 그 파드들은 응답을 멈추고 엔드포인트에서 빠지며, 로드 밸런서의 헬스 체크도 이 노드를 건너뜁니다.`,
  ),
  r(
    /^Node (\S+) is back: its pods rejoin the endpoints\.$/,
    (g) => `노드 ${g[0]}이(가) 돌아옵니다: 그 파드들이 다시 엔드포인트에 들어갑니다.`,
  ),
  r(
    /^(\S+) turns (ready|not ready) \(set by hand\)\.$/,
    (g) => `${g[0]}이(가) ${g[1] === 'ready' ? '준비됨' : '준비 안 됨'} 상태가 됩니다 (직접 설정).`,
  ),
  r(
    /^(.+) turns? not ready: out of its Services' endpoints; kube-proxy's rules follow\.$/,
    (g) => `${g[0]}: 준비 안 됨, 서비스의 엔드포인트에서 빠집니다. kube-proxy 규칙이 뒤따라 바뀝니다.`,
  ),
  r(
    /^(.+) turns? ready: back in its Services' endpoints; kube-proxy's rules follow\.$/,
    (g) => `${g[0]}: 준비됨, 서비스의 엔드포인트로 돌아갑니다. kube-proxy 규칙이 뒤따라 바뀝니다.`,
  ),
  r(
    /^Pod (\S+) is deleted: it leaves the endpoints and its address goes\.$/,
    (g) => `파드 ${g[0]}이(가) 삭제됩니다: 엔드포인트에서 빠지고 주소도 사라집니다.`,
  ),
  r(
    /^Its controller creates (\S+) in its place \(startup time not modelled\)\.$/,
    (g) => `컨트롤러가 그 자리에 ${g[0]}을(를) 만듭니다 (시작 시간은 모델링하지 않음).`,
  ),
  r(/^Nothing owns it: no replacement\.$/, () => '소유자가 없어 대체 파드도 없습니다.'),
  r(/^No node is up to take the traffic\.$/, () => '트래픽을 받을 수 있는 노드가 없습니다.'),
];

const ingress: TextRule[] = [
  // ingress/route-request.ts, host-match.ts
  r(
    /^(\S+) (\S+) reaches ingress-nginx \(controller (\S+)\)\.$/,
    (g) => `${g[0]} ${g[1]} 요청이 ingress-nginx에 도착합니다 (컨트롤러 ${g[2]}).`,
  ),
  r(
    /^Host (\S+) matches the server (\S+) by its exact server_name\.$/,
    (g) => `Host ${g[0]}은(는) 서버 ${g[1]}의 server_name과 정확히 일치합니다.`,
  ),
  r(
    /^Host (\S+) matches no server_name, so the default server _ \(the catch-all\) takes it\.$/,
    (g) => `Host ${g[0]}과(와) 일치하는 server_name이 없어 기본 서버 _ (catch-all)가 받습니다.`,
  ),
  r(
    /^Location: (\S+) (\S+) is the only one that matches (\S+)\.$/,
    (g) => `Location: ${g[2]}에 일치하는 것은 ${g[0]} ${g[1]} 하나뿐입니다.`,
  ),
  r(/^nginx matches the normalized path (\S+)\.$/, (g) => `nginx는 정규화된 경로 ${g[0]}으로 매칭합니다.`),
  r(
    /^(Ingress (\S+)|The catch-all) sends it to Service (\S+) port (\d+)\.$/,
    (g) =>
      `${g[1] !== '' ? `인그레스 ${g[1]}` : 'catch-all'}이(가) 서비스 ${g[2]}의 포트 ${g[3]}번으로 보냅니다.`,
  ),
  r(
    /^ingress-nginx balances over the Service's ready endpoints itself, not through the ClusterIP: round robin picks (\d+) of (\d+), pod (\S+) at (\S+)\.$/,
    (g) =>
      `ingress-nginx는 클러스터 IP를 거치지 않고 서비스의 준비된 엔드포인트들에 직접 부하를 나눕니다: 라운드 로빈으로 ${g[1]}개 중 ${g[0]}번째, ${g[3]}의 파드 ${g[2]}를 고릅니다.`,
  ),
  r(
    /^Not needed: server (\S+) matched (\S+)\.$/,
    (g) => `필요 없음: 서버 ${g[0]}이(가) ${g[1]}과(와) 일치했습니다.`,
  ),
  r(
    /^(\S+) is exactly the server_name (\S+)\.$/,
    (g) => `${g[0]}은(는) server_name ${g[1]}과(와) 정확히 같습니다.`,
  ),
  r(/^(\S+) is not (\S+)\.$/, (g) => `${g[0]}은(는) ${g[1]}이(가) 아닙니다.`),
  r(/^(\S+) needs a Host header(?: of (\S+))?\.$/, (g) => `${g[0]}에는 Host 헤더가 필요합니다.`),
  r(
    /^No server_name matches (\S+), so nginx uses the default server _ \(the catch-all\)\.$/,
    (g) => `${g[0]}과(와) 일치하는 server_name이 없어 nginx가 기본 서버 _ (catch-all)를 씁니다.`,
  ),
  r(
    /^(Prefix|Exact|ImplementationSpecific) (\S+) matches every path \(nginx location \/\)\.$/,
    (g) => `${g[0]} ${g[1]}은(는) 모든 경로와 일치합니다 (nginx location /).`,
  ),
  r(
    /^(Prefix|Exact|ImplementationSpecific) (\S+) matches (\S+): its path elements lead the request path \(nginx location (\S+)\)\.$/,
    (g) =>
      `${g[0]} ${g[1]}은(는) ${g[2]}와 일치합니다: 경로 요소가 요청 경로의 앞부분입니다 (nginx location ${g[3]}).`,
  ),
  r(
    /^(Prefix|Exact|ImplementationSpecific) (\S+) does not match (\S+): (.+)\.$/,
    (g, tr) => `${g[0]} ${g[1]}은(는) ${g[2]}와 일치하지 않습니다: ${tr(g[3] ?? '')}.`,
  ),
  r(
    /^Exact (\S+) equals the path \(nginx location = (\S+)\)\.$/,
    (g) => `Exact ${g[0]}은(는) 경로와 같습니다 (nginx location = ${g[1]}).`,
  ),
  r(/^(\S+) does not start with (\S+)$/, (g) => `${g[0]}은(는) ${g[1]}(으)로 시작하지 않습니다`),
  r(/^(\S+) has no path element "(.*)"$/, (g) => `${g[0]}에는 경로 요소 "${g[1]}"가 없습니다`),
  r(
    /^"(.*)" is not "(.*)": paths are case-sensitive$/,
    (g) => `"${g[0]}"은(는) "${g[1]}"이(가) 아닙니다: 경로는 대소문자를 구분합니다`,
  ),
  r(/^"(.*)" is not the path element "(.*)"$/, (g) => `"${g[0]}"은(는) 경로 요소 "${g[1]}"이(가) 아닙니다`),
  // Try a URL's outcome (ingress/types.ts).
  // A location's match kind (ingress/template.ts).
  r(/^prefix$/, () => '접두사'),
  r(/^exact$/, () => '정확히 일치'),
  r(/^regex$/, () => '정규식'),
  r(/^proxied$/, () => '프록시됨'),
  r(/^redirect$/, () => '리다이렉트'),
  r(/^not-found$/, () => '찾을 수 없음'),
  r(/^unavailable$/, () => '사용할 수 없음'),
  r(
    /^This location goes to the controller's default backend, which answers 404 Not Found\.$/,
    () => '이 location은 컨트롤러의 기본 백엔드로 가며, 404 Not Found로 응답합니다.',
  ),
];

const dirKo = (d: string) => (d.toLowerCase() === 'ingress' ? '인그레스' : '이그레스');

const policies: TextRule[] = [
  // netpol/decide.ts and sim/policy-step.ts: NetworkPolicy decisions.
  r(
    /^(Ingress|Egress) allowed by the network plugin: (.+)$/,
    (g, tr) => `${dirKo(g[0] ?? '')} 허용 (네트워크 플러그인): ${tr(g[1] ?? '')}`,
  ),
  r(
    /^(Ingress|Egress) denied: (.+) The network plugin drops the packet silently \(no RST, no ICMP\), so the client waits until it gives up\.$/,
    (g, tr) =>
      `${dirKo(g[0] ?? '')} 거부: ${tr(g[1] ?? '')} 네트워크 플러그인은 패킷을 조용히 버리므로 (RST도 ICMP도 없음) 클라이언트는 포기할 때까지 기다립니다.`,
  ),
  r(
    /^[Pp]od (\S+) is not selected by any NetworkPolicy with (Ingress|Egress) in its policyTypes, so it is not isolated for (ingress|egress): every (ingress|egress) connection is allowed\.$/,
    (g) =>
      `파드 ${g[0]}을(를) policyTypes에 ${g[1]}가 있는 NetworkPolicy로 선택하는 것이 없어 ${dirKo(g[2] ?? '')} 격리가 없습니다: 모든 ${dirKo(g[3] ?? '')} 연결이 허용됩니다.`,
  ),
  r(/^NetworkPolicy (\S+) allows it: (.+)\.$/, (g) => `NetworkPolicy ${g[0]}이(가) 허용합니다: ${g[1]}.`),
  r(
    /^[Pp]od (\S+) is isolated for (ingress|egress) by NetworkPolicy (.+?), and no (?:ingress|egress) rule of (?:it|them) allows (.+)\.$/,
    (g) =>
      `파드 ${g[0]}은(는) NetworkPolicy ${g[2]}에 의해 ${dirKo(g[1] ?? '')} 격리되어 있고, 다음을 허용하는 규칙이 없습니다: ${g[3]}.`,
  ),
  r(
    /^connections from the pod's own node \((.+)\) are always allowed, even to an isolated pod \(kubelet's probes come from there\)\.$/,
    (g) =>
      `파드가 있는 노드(${g[0]})에서 오는 연결은 격리된 파드에도 항상 허용됩니다 (kubelet의 프로브가 거기서 옵니다).`,
  ),
  r(/^Dropped leaving the source: (.+)$/, (g, tr) => `출발지를 떠날 때 버려짐: ${tr(g[0] ?? '')}`),
  r(/^Dropped before the destination: (.+)$/, (g, tr) => `목적지에 닿기 전에 버려짐: ${tr(g[0] ?? '')}`),
  r(
    /^Allowed\. Egress: (.+\.) Ingress: (.+)$/,
    (g, tr) => `허용. 이그레스: ${tr(g[0] ?? '')} 인그레스: ${tr(g[1] ?? '')}`,
  ),
];

const diagnostics: TextRule[] = [
  // manifest/field-errors.ts: the API server's field errors, glossed (the message stays shown).
  r(
    /^(.+): Required value(?:: (.+))?$/,
    (g) => `${g[0]}: 필수 값이 없습니다${opt(g[1] ?? '', ` (${g[1]})`)}`,
  ),
  r(/^(.+): Invalid value: (.+)$/, (g) => `${g[0]}: 잘못된 값 ${g[1]}`),
  r(/^(.+): Unsupported value: (.+)$/, (g) => `${g[0]}: 지원하지 않는 값 ${g[1]}`),
  r(/^(.+): Duplicate value: (.+)$/, (g) => `${g[0]}: 중복된 값 ${g[1]}`),
  r(/^(.+): Not found: (.+)$/, (g) => `${g[0]}: 찾을 수 없음 ${g[1]}`),
  r(/^(.+): Forbidden(?:: (.+))?$/, (g) => `${g[0]}: 허용되지 않음${opt(g[1] ?? '', ` (${g[1]})`)}`),
  r(/^(.+): Too long: must have at most (\d+) bytes$/, (g) => `${g[0]}: 너무 깁니다 (최대 ${g[1]}바이트)`),
  r(
    /^(.+): Too many: (\d+): must have at most (\d+) items$/,
    (g) => `${g[0]}: 너무 많습니다 (${g[1]}개, 최대 ${g[2]}개)`,
  ),
];

const graph: TextRule[] = [
  // graph/build.ts and graph/collapse.ts: labels, details, badges, edge labels.
  r(/^client$/, () => '클라이언트'),
  r(/^cloud load balancer$/, () => '클라우드 로드 밸런서'),
  r(/^outside the cluster$/, () => '클러스터 외부'),
  r(/^not scheduled$/, () => '스케줄되지 않음'),
  r(/^Pending: no node took these pods$/, () => '대기 중: 이 파드들을 받은 노드가 없음'),
  r(/^on this node$/, () => '이 노드에서'),
  r(/^no IP yet$/, () => '아직 IP 없음'),
  r(/^not ready$/, () => '준비 안 됨'),
  r(/^(\d+) not ready$/, (g) => `${g[0]}개 준비 안 됨`),
  r(/^class (\S+)$/, (g) => `클래스 ${g[0]}`),
  r(/^Ingress$/, () => '인그레스'),
  r(/^(\S+) · pods (\S+)$/, (g) => `${g[0]} · 파드 ${g[1]}`),
  r(/^headless · (.*)$/, (g) => `헤드리스 · ${g[0]}`),
  r(/^nodePort (\d+)$/, (g) => `노드 포트 ${g[0]}`),
  r(
    /^(ingress|egress|ingress\+egress) isolated$/,
    (g) => `${g[0] === 'ingress' ? '인그레스' : g[0] === 'egress' ? '이그레스' : '인그레스·이그레스'} 격리`,
  ),
  r(/^all (\d+) (pods|Services) shown$/, (g) => `${g[1] === 'pods' ? '파드' : '서비스'} ${g[0]}개 모두 표시`),
  r(/^\+(\d+) more (pods?|Services?)$/, (g) => `${g[1]?.startsWith('pod') ? '파드' : '서비스'} ${g[0]}개 더`),
  r(/^select to show fewer$/, () => '선택하면 적게 표시'),
  r(/^(\d+) of (\d+) shown$/, (g) => `${g[1]}개 중 ${g[0]}개 표시`),
];

/** Engine English → Korean. */
export const koEngineText = makeTranslator([...hops, ...ingress, ...policies, ...graph, ...diagnostics]);
