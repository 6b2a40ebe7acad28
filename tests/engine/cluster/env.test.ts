import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expandEnvValue } from '../../../src/engine/cluster/env-expansion.ts';
import { containerEnv, serviceEnv } from '../../../src/engine/cluster/env.ts';
import { buildCluster, parseManifests } from '../../../src/engine/index.ts';
import { container, kubernetesService, model, pod, port, service } from './fixtures/endpoints-model.ts';

const lines = (vars: readonly { name: string; value: string }[]) => vars.map((v) => `${v.name}=${v.value}`);

const KUBERNETES_VARS = [
  'KUBERNETES_SERVICE_HOST=10.96.0.1',
  'KUBERNETES_SERVICE_PORT=443',
  'KUBERNETES_SERVICE_PORT_HTTPS=443',
  'KUBERNETES_PORT=tcp://10.96.0.1:443',
  'KUBERNETES_PORT_443_TCP=tcp://10.96.0.1:443',
  'KUBERNETES_PORT_443_TCP_PROTO=tcp',
  'KUBERNETES_PORT_443_TCP_PORT=443',
  'KUBERNETES_PORT_443_TCP_ADDR=10.96.0.1',
];

const NODE_JS_VARS = [
  'NODE_JS_SERVICE_HOST=10.0.0.11',
  'NODE_JS_SERVICE_PORT=80',
  'NODE_JS_PORT=tcp://10.0.0.11:80',
  'NODE_JS_PORT_80_TCP=tcp://10.0.0.11:80',
  'NODE_JS_PORT_80_TCP_PROTO=tcp',
  'NODE_JS_PORT_80_TCP_PORT=80',
  'NODE_JS_PORT_80_TCP_ADDR=10.0.0.11',
];

describe('serviceEnv', () => {
  const nodeJs = service('default', 'node-js', {
    clusterIP: '10.0.0.11',
    ports: [port(80, 8080)],
    createOrder: 2,
  });
  const client = pod('default', 'client', '10.244.1.5', { startOrder: 10 });

  it("gives the study note's node-js variables (with kubelet's real PORT_<port> name), plus kubernetes", () => {
    const m = model({ services: [nodeJs, kubernetesService], pods: [client] });
    expect(lines(serviceEnv(m, client))).toEqual([...KUBERNETES_VARS, ...NODE_JS_VARS]);
  });

  it('skips Services created after the pod started, headless ones and other namespaces', () => {
    const later = service('default', 'later', { clusterIP: '10.96.5.5', createOrder: 20 });
    const headless = service('default', 'headless', { clusterIP: 'None' });
    const elsewhere = service('test', 'elsewhere', { clusterIP: '10.96.6.6' });
    const m = model({ services: [kubernetesService, nodeJs, later, headless, elsewhere] });
    expect(lines(serviceEnv(m, client))).toEqual([...KUBERNETES_VARS, ...NODE_JS_VARS]);
  });

  it('keeps only the kubernetes variables when enableServiceLinks is false', () => {
    const quiet = pod('default', 'quiet', '10.244.1.6', { enableServiceLinks: false, startOrder: 10 });
    const m = model({ services: [kubernetesService, nodeJs] });
    expect(lines(serviceEnv(m, quiet))).toEqual(KUBERNETES_VARS);
  });

  it('injects default/kubernetes into pods of every namespace; a same-namespace kubernetes Service wins', () => {
    const inTest = pod('test', 'utility', '10.244.2.5', { startOrder: 10 });
    expect(lines(serviceEnv(model({ services: [kubernetesService, nodeJs] }), inTest))).toEqual(
      KUBERNETES_VARS,
    );
    const shadow = service('test', 'kubernetes', {
      clusterIP: '10.96.9.9',
      ports: [port(80)],
      createOrder: 3,
    });
    expect(lines(serviceEnv(model({ services: [shadow, kubernetesService] }), inTest)).slice(0, 2)).toEqual([
      'KUBERNETES_SERVICE_HOST=10.96.9.9',
      'KUBERNETES_SERVICE_PORT=80',
    ]);
  });

  it('names every named port and writes link variables per port and protocol', () => {
    const dns = service('default', 'my-dns', {
      clusterIP: '10.96.0.53',
      ports: [port(53, 53, 'dns', 'UDP'), port(5353, 5353, 'dns-tcp', 'TCP')],
    });
    expect(lines(serviceEnv(model({ services: [dns] }), client))).toEqual([
      'MY_DNS_SERVICE_HOST=10.96.0.53',
      'MY_DNS_SERVICE_PORT=53',
      'MY_DNS_SERVICE_PORT_DNS=53',
      'MY_DNS_SERVICE_PORT_DNS_TCP=5353',
      'MY_DNS_PORT=udp://10.96.0.53:53',
      'MY_DNS_PORT_53_UDP=udp://10.96.0.53:53',
      'MY_DNS_PORT_53_UDP_PROTO=udp',
      'MY_DNS_PORT_53_UDP_PORT=53',
      'MY_DNS_PORT_53_UDP_ADDR=10.96.0.53',
      'MY_DNS_PORT_5353_TCP=tcp://10.96.0.53:5353',
      'MY_DNS_PORT_5353_TCP_PROTO=tcp',
      'MY_DNS_PORT_5353_TCP_PORT=5353',
      'MY_DNS_PORT_5353_TCP_ADDR=10.96.0.53',
    ]);
  });
});

describe('containerEnv', () => {
  const nodeJs = service('default', 'node-js', { clusterIP: '10.0.0.11', ports: [port(80)], createOrder: 2 });
  const app = container(
    [],
    [
      { name: 'GREETING', value: 'hello' },
      { name: 'BACKEND', value: 'http://$(NODE_JS_SERVICE_HOST):$(NODE_JS_SERVICE_PORT)/' },
      { name: 'MESSAGE', value: '$(GREETING) world, $(MISSING), $$(GREETING)' },
      { name: 'NODE_JS_SERVICE_PORT', value: '9999' },
    ],
  );
  const p = pod('default', 'client', '10.244.1.5', { startOrder: 10, containers: [app] });

  it('puts declared variables first, expanded, and service variables after unless declared', () => {
    const env = containerEnv(model({ services: [nodeJs] }), p, app);
    expect(lines(env)).toEqual([
      'GREETING=hello',
      'BACKEND=http://10.0.0.11:80/',
      'MESSAGE=hello world, $(MISSING), $(GREETING)',
      'NODE_JS_SERVICE_PORT=9999',
      ...NODE_JS_VARS.filter((l) => !l.startsWith('NODE_JS_SERVICE_PORT=')),
    ]);
  });
});

describe('expandEnvValue (third_party/forked/golang/expansion)', () => {
  const vars = new Map([
    ['VAR_A', 'A'],
    ['VAR_EMPTY', ''],
  ]);
  const lookup = (name: string) => vars.get(name);
  const cases: readonly (readonly [string, string])[] = [
    ['$(VAR_A)', 'A'],
    ['___$(VAR_A)___', '___A___'],
    ['$(VAR_A)-$(VAR_A)', 'A-A'],
    ['$(VAR_EMPTY)', ''],
    ['$(UNKNOWN)', '$(UNKNOWN)'],
    ['$$(VAR_A)', '$(VAR_A)'],
    ['$$$(VAR_A)', '$A'],
    ['$(VAR_A', '$(VAR_A'],
    ['$VAR_A', '$VAR_A'],
    ['foo$', 'foo$'],
    ['$()', '$()'],
  ];
  for (const [input, expected] of cases) {
    it(`${input} → ${expected}`, () => {
      expect(expandEnvValue(input, lookup)).toBe(expected);
    });
  }
});

const shop = () =>
  buildCluster(
    parseManifests(readFileSync(new URL('./fixtures/endpoints-shop.yaml', import.meta.url), 'utf8')).objects,
  );

describe('env inside buildCluster (text → parseManifests → buildCluster)', () => {
  it('gives the client every Service of the one apply, even those written after it, with $(VAR) expanded', () => {
    const m = shop();
    const client = m.pods.find((p) => p.name === 'client');
    const shell = client?.containers[0];
    if (client === undefined || shell === undefined) throw new Error('client pod missing');
    // `db` is headless: no variables. `late` is written after the pod, but the whole text is one
    // apply and containers start after every object in it exists, so the pod sees it.
    expect(lines(serviceEnv(m, client))).toEqual([
      ...KUBERNETES_VARS,
      'LATE_SERVICE_HOST=10.96.0.3',
      'LATE_SERVICE_PORT=80',
      'LATE_PORT=tcp://10.96.0.3:80',
      'LATE_PORT_80_TCP=tcp://10.96.0.3:80',
      'LATE_PORT_80_TCP_PROTO=tcp',
      'LATE_PORT_80_TCP_PORT=80',
      'LATE_PORT_80_TCP_ADDR=10.96.0.3',
      'NODE_JS_SERVICE_HOST=10.96.0.2',
      'NODE_JS_SERVICE_PORT=80',
      'NODE_JS_SERVICE_PORT_HTTP=80',
      'NODE_JS_PORT=tcp://10.96.0.2:80',
      'NODE_JS_PORT_80_TCP=tcp://10.96.0.2:80',
      'NODE_JS_PORT_80_TCP_PROTO=tcp',
      'NODE_JS_PORT_80_TCP_PORT=80',
      'NODE_JS_PORT_80_TCP_ADDR=10.96.0.2',
    ]);
    expect(containerEnv(m, client, shell)[0]).toEqual({ name: 'API', value: 'http://10.96.0.2:80' });
  });
});
