import { describe, expect, it } from 'vitest';
import {
  buildCluster,
  createSimulation,
  parseManifests,
  serviceEnv,
  type ClusterModel,
  type FlowCounters,
  type SimRequestResult,
} from '../../src/engine/index.ts';
import { GALLERY, galleryScenario } from '../../src/scenarios/gallery.ts';
import { DEFAULT_SCENARIO } from '../../src/scenarios/index.ts';
import { seedYamlBlocks, sharedExists } from '../support/shared.ts';

// Every gallery scenario parses cleanly, builds, and its Simulation document's traffic shows
// the point its lesson makes (each check below is that lesson, not just "no errors").

interface Run {
  readonly model: ClusterModel;
  readonly flows: readonly FlowCounters[];
  readonly results: readonly SimRequestResult[];
}

function run(id: string, requestsPerFlow = 30): Run {
  const text = galleryScenario(id)?.text;
  if (text === undefined) throw new Error(`no gallery scenario ${id}`);
  const { objects } = parseManifests(text);
  const model = buildCluster(objects);
  const sim = createSimulation(model, objects, { requestsPerFlow });
  sim.advance(Number.POSITIVE_INFINITY);
  return { model, flows: sim.counters().flows, results: sim.results() };
}

const flow = (r: Run, i: number): FlowCounters => {
  const f = r.flows[i];
  if (!f) throw new Error(`no flow ${i}`);
  return f;
};
const podsOf = (r: Run, namespace: string, label: string, value: string) =>
  r.model.pods
    .filter((p) => p.namespace === namespace && p.labels[label] === value)
    .map((p) => `${namespace}/${p.name}`)
    .sort();
const backendsOf = (f: FlowCounters) => Object.keys(f.backends).sort();

describe('the gallery', () => {
  it('starts with the first-visit default and has unique ids', () => {
    expect(GALLERY[0]?.text).toBe(DEFAULT_SCENARIO);
    expect(new Set(GALLERY.map((s) => s.id)).size).toBe(GALLERY.length);
  });

  for (const s of GALLERY) {
    it(`${s.id}: parses with no errors, builds, and its traffic is all answered`, () => {
      const { objects, diagnostics } = parseManifests(s.text);
      expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(objects.some((o) => o.kind === 'Simulation')).toBe(true);
      const r = run(s.id, 4);
      expect(r.flows.length).toBeGreaterThan(0);
      for (const f of r.flows) expect(f.requests).toBe(4);
    });

    it(`${s.id}: titles and two-line lessons in English and Korean`, () => {
      for (const text of [s.title.en, s.title.ko, ...s.lesson.en, ...s.lesson.ko, s.section]) {
        expect(text.trim()).not.toBe('');
      }
      expect(s.title.ko + s.lesson.ko.join('')).toMatch(/[\uac00-\ud7a3]/);
      expect(s.lesson.ko.join('')).not.toBe(s.lesson.en.join(''));
    });
  }
});

describe('each lesson, as the simulator plays it', () => {
  it('whale-hosting: a.whale.hey reaches whale A only, b.whale.hey whale B only', () => {
    const r = run('whale-hosting');
    expect(backendsOf(flow(r, 0))).toEqual(podsOf(r, 'default', 'app', 'whale-ingress-a'));
    expect(backendsOf(flow(r, 1))).toEqual(podsOf(r, 'default', 'app', 'whale-ingress-b'));
  });

  it('clusterip-internal: a pod inside reaches every node-js pod through the ClusterIP', () => {
    const r = run('clusterip-internal');
    expect(r.model.services.find((s) => s.name === 'node-js-internal')?.type).toBe('ClusterIP');
    expect(flow(r, 0).outcomes).toEqual({ delivered: 30 });
    expect(backendsOf(flow(r, 0))).toEqual(podsOf(r, 'default', 'name', 'node-js'));
  });

  it('nodeport: both nodes answer on 30001 and reach the node-js pods', () => {
    const r = run('nodeport');
    const nodeJs = podsOf(r, 'default', 'name', 'node-js');
    expect(new Set(r.model.pods.filter((p) => p.labels['name'] === 'node-js').map((p) => p.node)).size).toBe(
      2,
    );
    for (const i of [0, 1]) {
      expect(flow(r, i).outcomes).toEqual({ delivered: 30 });
      expect(backendsOf(flow(r, i))).toEqual(nodeJs);
    }
  });

  it('loadbalancer: from outside through the load balancer to the labelled pods', () => {
    const r = run('loadbalancer');
    expect(flow(r, 0).outcomes).toEqual({ delivered: 30 });
    expect(backendsOf(flow(r, 0))).toEqual(podsOf(r, 'default', 'deployment', 'test'));
    expect(r.results[0]?.hops[0]?.where).toBe('client');
    expect(r.results.every((q) => q.hops.some((h) => h.where === 'load-balancer'))).toBe(true);
  });

  it('custom-target-port: port 90 is forwarded to the containers on 80', () => {
    const r = run('custom-target-port');
    expect(backendsOf(flow(r, 0))).toEqual(podsOf(r, 'default', 'name', 'node-js-90'));
    expect(r.results.every((q) => q.service?.port === 90 && q.backend?.port === 80)).toBe(true);
  });

  it('multi-port: 80 and 8888 each reach the same pods on their own port', () => {
    const r = run('multi-port');
    const pods = podsOf(r, 'default', 'name', 'node-js-multi');
    expect(backendsOf(flow(r, 0))).toEqual(pods);
    expect(backendsOf(flow(r, 1))).toEqual(pods);
    const ports = (i: number) => new Set(r.results.filter((q) => q.flow === i).map((q) => q.backend?.port));
    expect([...ports(0)]).toEqual([80]);
    expect([...ports(1)]).toEqual([8888]);
  });

  it('proxy modes: userspace retries past the broken pod, iptables and IPVS do not', () => {
    const user = run('proxy-userspace');
    expect(flow(user, 1).outcomes).toEqual({ delivered: 30 });
    expect(flow(user, 1).backends).toEqual({ 'default/good': 30 });
    const iptables = run('proxy-iptables');
    expect(flow(iptables, 1).outcomes['rejected']).toBeGreaterThan(3);
    expect(flow(iptables, 1).outcomes['delivered']).toBeGreaterThan(3);
    // IPVS round robin alternates the two endpoints exactly; it spreads node-js evenly too.
    const ipvs = run('proxy-ipvs');
    expect(flow(ipvs, 1).outcomes).toEqual({ rejected: 15, delivered: 15 });
    expect(Object.values(flow(ipvs, 0).backends)).toEqual([10, 10, 10]);
    expect(Object.values(flow(user, 0).backends)).toEqual([10, 10, 10]);
  });

  it('proxy modes: the three scenarios differ only in spec.cluster.proxyMode', () => {
    const modeless = (id: string) =>
      (galleryScenario(id)?.text ?? '')
        .replace(/^# .*\n/gm, '')
        .replace(/proxyMode: \w+/, '')
        .replace(/name: proxy-\w+/, '');
    expect(modeless('proxy-iptables')).toBe(modeless('proxy-userspace'));
    expect(modeless('proxy-ipvs')).toBe(modeless('proxy-userspace'));
  });

  it('session-affinity: the sticky Service keeps the client on one pod, the other spreads', () => {
    const r = run('session-affinity');
    expect(backendsOf(flow(r, 0))).toEqual(podsOf(r, 'default', 'name', 'node-js'));
    expect(Object.values(flow(r, 1).backends)).toEqual([30]);
  });

  it('readiness: the not-ready pod gets nothing until it turns ready at 10s', () => {
    const r = run('readiness');
    const warming = 'node-js-warming-up';
    expect(r.model.pods.find((p) => p.name === warming)?.ready).toBe(false);
    const to = r.results.filter((q) => q.backend?.pod === warming);
    expect(r.results.filter((q) => q.startedAt < 10_000 && q.backend?.pod === warming)).toEqual([]);
    expect(r.results.filter((q) => q.startedAt < 10_000).length).toBeGreaterThan(10);
    expect(to.length).toBeGreaterThan(0);
    expect(flow(r, 0).outcomes).toEqual({ delivered: 30 });
  });

  it('ingress-single-service: any host and path end at testsvc', () => {
    const r = run('ingress-single-service');
    const testsvc = podsOf(r, 'default', 'app', 'testsvc');
    for (const i of [0, 1]) {
      expect(flow(r, i).outcomes).toEqual({ delivered: 30 });
      expect(backendsOf(flow(r, i))).toEqual(testsvc);
    }
    expect(r.results.every((q) => q.ingress?.name === 'test-ingress')).toBe(true);
  });

  it('ingress-fanout: /foo goes to service1 pods, /bar to service2 pods', () => {
    const r = run('ingress-fanout');
    expect(backendsOf(flow(r, 0))).toEqual(podsOf(r, 'default', 'app', 'service1'));
    expect(backendsOf(flow(r, 1))).toEqual(podsOf(r, 'default', 'app', 'service2'));
  });

  it('selectorless-endpoints: the hand-written Endpoints send everything to legacy-app:9376', () => {
    const r = run('selectorless-endpoints');
    for (const i of [0, 1]) expect(flow(r, i).backends).toEqual({ 'default/legacy-app': 30 });
    expect(r.results.every((q) => q.backend?.ip === '10.244.1.50' && q.backend.port === 9376)).toBe(true);
  });

  it('headless: node-js-none skips kube-proxy and reaches pods directly; node-js-internal does not', () => {
    const r = run('headless');
    expect(r.model.services.find((s) => s.name === 'node-js-none')?.clusterIP).toBe('None');
    const none = r.results.filter((q) => q.flow === 0);
    const internal = r.results.filter((q) => q.flow === 1);
    // DNS itself goes through kube-proxy (to kube-dns); the request to the pod does not.
    const proxiedTo = (q: SimRequestResult, svc: string) =>
      q.hops.some((h) => h.kind === 'kube-proxy' && h.via === `svc/default/${svc}`);
    expect(none.some((q) => proxiedTo(q, 'node-js-none'))).toBe(false);
    expect(
      none.every((q) => q.hops.some((h) => h.kind === 'send' && h.description.includes('headless'))),
    ).toBe(true);
    expect(internal.every((q) => proxiedTo(q, 'node-js-internal'))).toBe(true);
    expect(backendsOf(flow(r, 0))).toEqual(podsOf(r, 'default', 'name', 'node-js'));
  });

  it('env-and-dns: variables in the same namespace; DNS short name fails from test, .default works', () => {
    const r = run('env-and-dns');
    const svc = r.model.services.find((s) => s.name === 'node-js-internal');
    const client = r.model.pods.find((p) => p.name === 'client');
    const utility = r.model.pods.find((p) => p.name === 'utility');
    if (!client || !utility || !svc) throw new Error('scenario objects missing');
    const env = (pod: typeof client) =>
      Object.fromEntries(serviceEnv(r.model, pod).map((e) => [e.name, e.value]));
    expect(env(client)['NODE_JS_INTERNAL_SERVICE_HOST']).toBe(svc.clusterIP);
    expect(env(utility)['NODE_JS_INTERNAL_SERVICE_HOST']).toBeUndefined();
    expect(flow(r, 0).outcomes).toEqual({ delivered: 30 });
    expect(flow(r, 1).outcomes).toEqual({ delivered: 30 });
    expect(flow(r, 2).outcomes).toEqual({ 'dns-failure': 30 });
  });

  it('namespaces-quota: 3 pods in test at most, the second Service refused', () => {
    const r = run('namespaces-quota');
    expect(r.model.pods.filter((p) => p.namespace === 'test')).toHaveLength(3);
    expect(r.model.rejected.map((x) => x.kind).sort()).toEqual(['Pod', 'Service']);
    expect(r.model.rejected.find((x) => x.kind === 'Service')?.message).toMatch(
      /^services "node-js-extra" is forbidden: exceeded quota: test-quotas/,
    );
    expect(backendsOf(flow(r, 0))).toEqual(podsOf(r, 'test', 'name', 'node-js'));
    expect(backendsOf(flow(r, 0))).toHaveLength(2);
  });
});

// The study note's examples, each with the scenario that carries it and what must be in its text.
const SEED_EXAMPLES: readonly { example: string; scenario: string; has: readonly string[] }[] = [
  { example: 'nodejs-service-intenal.yaml', scenario: 'clusterip-internal', has: ['name: node-js-internal'] },
  {
    example: 'nodejs-service-nodeport.yaml',
    scenario: 'nodeport',
    has: ['nodePort: 30001', 'type: NodePort'],
  },
  {
    example: 'nodejs-labels-service.yaml',
    scenario: 'loadbalancer',
    has: ['name: node-js-labels', 'type: LoadBalancer'],
  },
  {
    example: 'nodejs-customPort-controller.yaml',
    scenario: 'custom-target-port',
    has: ['port: 90', 'targetPort: 80'],
  },
  {
    example: 'nodejs-multi-controller.yaml',
    scenario: 'multi-port',
    has: ['name: fake-admin-http', 'port: 8888'],
  },
  {
    example: 'test-ingress',
    scenario: 'ingress-single-service',
    has: ['name: test-ingress', 'defaultBackend:'],
  },
  { example: 'simple-fanout-example', scenario: 'ingress-fanout', has: ['path: /foo', 'path: /bar'] },
  {
    example: 'whale-rcs.yaml',
    scenario: 'whale-hosting',
    has: ['name: whale-ingress-a', 'name: whale-ingress-b'],
  },
  { example: 'whale-svcs-yaml', scenario: 'whale-hosting', has: ['nodePort: 30301', 'nodePort: 30284'] },
  {
    example: 'whale-ingress.yaml',
    scenario: 'whale-hosting',
    has: ['host: a.whale.hey', 'host: b.whale.hey'],
  },
  { example: 'custom-service', scenario: 'selectorless-endpoints', has: ['kind: Endpoints', 'port: 9376'] },
  { example: 'nodejs-headless-service.yaml', scenario: 'headless', has: ['clusterIP: None'] },
  { example: 'test-ns.yaml', scenario: 'namespaces-quota', has: ['kind: Namespace', 'name: test'] },
  { example: 'ns-pod.yaml', scenario: 'namespaces-quota', has: ['name: utility'] },
  { example: 'quota.yaml', scenario: 'namespaces-quota', has: ['name: test-quotas', 'services: 1'] },
  // Examples in the prose rather than YAML blocks.
  { example: 'userspace proxy mode', scenario: 'proxy-userspace', has: ['proxyMode: userspace'] },
  { example: 'iptables proxy mode', scenario: 'proxy-iptables', has: ['proxyMode: iptables'] },
  { example: 'IPVS proxy mode', scenario: 'proxy-ipvs', has: ['proxyMode: ipvs'] },
  { example: 'sessionAffinity', scenario: 'session-affinity', has: ['sessionAffinity: ClientIP'] },
  { example: 'readinessProbe', scenario: 'readiness', has: ['readinessProbe:'] },
  { example: 'environment variables', scenario: 'env-and-dns', has: ['name: node-js-internal'] },
  { example: 'DNS', scenario: 'env-and-dns', has: ['to: http://node-js-internal.default/'] },
];

describe('the study note', () => {
  it('has every example in a gallery scenario', () => {
    for (const { example, scenario, has } of SEED_EXAMPLES) {
      const text = galleryScenario(scenario)?.text ?? '';
      for (const h of has) expect(text, `${example} in ${scenario}`).toContain(h);
    }
  });

  it.skipIf(!sharedExists())('lists each YAML block of the note above', () => {
    const listed = new Set(SEED_EXAMPLES.map((e) => e.example));
    for (const block of seedYamlBlocks()) {
      expect(listed, block.title).toContain(block.title.replace(/^\d+: /, ''));
    }
  });
});
