// Test-side: the conformance YAML (Services + EndpointSlices, straight to the proxier, no
// defaulting) turned into a ProxyInput by hand, until src/engine/proxy/input.ts exists.
import { parseAllDocuments } from 'yaml';
import type {
  ProxyConfig,
  ProxyEndpoint,
  ProxyInput,
  ProxyServicePort,
} from '../../../../src/engine/proxy/types.ts';

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === 'object' ? (v as Obj) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown, d = ''): string => (typeof v === 'string' ? v : d);
const num = (v: unknown, d = 0): number => (typeof v === 'number' ? v : d);

export function conformanceInput(yamlText: string, config: ProxyConfig): ProxyInput {
  const docs = parseAllDocuments(yamlText).map((d) => obj(d.toJS()));
  const slices = docs.filter((d) => d['kind'] === 'EndpointSlice');
  const services: ProxyServicePort[] = [];
  for (const svc of docs.filter((d) => d['kind'] === 'Service')) {
    const meta = obj(svc['metadata']);
    const spec = obj(svc['spec']);
    const ns = str(meta['namespace'], 'default');
    const name = str(meta['name']);
    const mine = slices.filter(
      (s) =>
        str(obj(s['metadata'])['namespace']) === ns &&
        str(obj(obj(s['metadata'])['labels'])['kubernetes.io/service-name']) === name,
    );
    for (const p of arr(spec['ports']).map(obj)) {
      const portName = str(p['name']);
      const protocol = str(p['protocol'], 'TCP') as ProxyServicePort['protocol'];
      const endpoints: ProxyEndpoint[] = [];
      for (const slice of mine) {
        const sp = arr(slice['ports'])
          .map(obj)
          .find((x) => str(x['name']) === portName && str(x['protocol'], 'TCP') === protocol);
        if (!sp) continue;
        for (const ep of arr(slice['endpoints']).map(obj)) {
          const c = obj(ep['conditions']);
          const ready = c['ready'] !== false;
          for (const ip of arr(ep['addresses'])) {
            endpoints.push({
              ip: str(ip),
              port: num(sp['port']),
              ready,
              serving: c['serving'] === undefined ? ready : c['serving'] !== false,
              terminating: c['terminating'] === true,
              isLocal: str(ep['nodeName']) === config.nodeName,
              pod: undefined,
            });
          }
        }
      }
      const ingress = arr(obj(obj(svc['status'])['loadBalancer'])['ingress']).map(obj);
      services.push({
        namespace: ns,
        name,
        portName,
        protocol,
        clusterIP: str(spec['clusterIP']) || undefined,
        port: num(p['port']),
        nodePort: num(p['nodePort']),
        externalIPs: arr(spec['externalIPs']).map((x) => str(x)),
        loadBalancerIPs: ingress.map((i) => str(i['ip'])).filter((x) => x !== ''),
        loadBalancerSourceRanges: arr(spec['loadBalancerSourceRanges']).map((x) => str(x)),
        externalTrafficPolicy: spec['externalTrafficPolicy'] === 'Local' ? 'Local' : 'Cluster',
        internalTrafficPolicy: spec['internalTrafficPolicy'] === 'Local' ? 'Local' : 'Cluster',
        sessionAffinity: spec['sessionAffinity'] === 'ClientIP' ? 'ClientIP' : 'None',
        sessionAffinityTimeoutSeconds: num(
          obj(obj(spec['sessionAffinityConfig'])['clientIP'])['timeoutSeconds'],
          10800,
        ),
        healthCheckNodePort: num(spec['healthCheckNodePort']),
        type: (str(spec['type']) || 'ClusterIP') as ProxyServicePort['type'],
        endpoints,
      });
    }
  }
  return { config, services };
}

/** kube-proxy's settings from a conformance `proxier-config.yaml`. */
export function conformanceConfig(yamlText: string, mode: ProxyConfig['mode']): ProxyConfig {
  const c = obj(parseAllDocuments(yamlText)[0]?.toJS());
  const list = (v: unknown): string[] =>
    Array.isArray(v) ? v.map((x) => str(x)) : typeof v === 'string' ? [v] : [];
  return {
    mode,
    nodeName: str(c['nodeName']),
    nodeIPs: list(c['nodeIPs']),
    clusterCIDR: str(c['clusterCIDR']) || undefined,
    serviceCIDRs: list(c['serviceCIDRs']),
    masqueradeAll: c['masqueradeAll'] === true,
    masqueradeBit: Math.log2(Number(str(c['masqueradeMark'], '0x4000'))),
    localhostNodePorts: true,
    nodePortAddresses: list(c['nodePortAddresses']),
    randomFully: false,
    conntrackTCPBeLiberal: false,
    nfacct: { ctStateInvalidDroppedPkts: true, localhostNodePortsAcceptedPkts: true },
    ipvsScheduler: 'rr',
  };
}
