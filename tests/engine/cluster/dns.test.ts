import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dnsRecords, lookup } from '../../../src/engine/cluster/dns.ts';
import { buildEndpoints } from '../../../src/engine/cluster/endpoints.ts';
import { resolvConf } from '../../../src/engine/cluster/resolv-conf.ts';
import type { ClusterModel } from '../../../src/engine/cluster/types.ts';
import { buildCluster, parseManifests } from '../../../src/engine/index.ts';
import { kubeDnsService, kubernetesService, model, pod, port, service } from './fixtures/endpoints-model.ts';

function cluster(): ClusterModel {
  const services = [
    kubernetesService,
    kubeDnsService,
    service('default', 'web', { clusterIP: '10.96.0.100', ports: [port(80, 8080, 'http'), port(9000)] }),
    service('default', 'db', { clusterIP: 'None', ports: [port(5432, 5432, 'pg')], selector: { app: 'db' } }),
    service('default', 'search', {
      type: 'ExternalName',
      clusterIP: undefined,
      externalName: 'search.example.com',
      selector: undefined,
      ports: [],
    }),
  ];
  const pods = [
    pod('default', 'client', '10.244.1.5'),
    pod('default', 'db-0', '10.244.1.20', { labels: { app: 'db' }, hostname: 'db-0', subdomain: 'db' }),
    pod('default', 'db-1', '10.244.2.20', { labels: { app: 'db' }, hostname: 'db-1', subdomain: 'db' }),
    pod('default', 'db-2', '10.244.1.21', {
      labels: { app: 'db' },
      hostname: 'db-2',
      subdomain: 'db',
      ready: false,
    }),
    pod('test', 'utility', '10.244.2.9'),
    pod('default', 'host-agent', '192.168.0.11', { hostNetwork: true }),
  ];
  const { endpoints, endpointSlices } = buildEndpoints({ services, pods, objects: [] });
  return model({
    services,
    pods,
    endpoints,
    endpointSlices,
    namespaces: ['default', 'kube-system', 'test'].map((name) => ({ name, labels: {}, source: undefined })),
  });
}

const m = cluster();
const podNamed = (name: string) => {
  const found = m.pods.find((p) => p.name === name);
  if (found === undefined) throw new Error(name);
  return found;
};
const client = podNamed('client');
const of = (name: string) =>
  dnsRecords(m)
    .filter((r) => r.name === name)
    .map((r) => `${r.type} ${r.data}`);

describe('dnsRecords', () => {
  it('serves a ClusterIP Service: A, SRV per named port (0 100) and PTR', () => {
    expect(of('web.default.svc.cluster.local')).toEqual(['A 10.96.0.100']);
    expect(of('_http._tcp.web.default.svc.cluster.local')).toEqual([
      'SRV 0 100 80 web.default.svc.cluster.local',
    ]);
    expect(of('100.0.96.10.in-addr.arpa')).toEqual(['PTR web.default.svc.cluster.local']);
    expect(dnsRecords(m).every((r) => r.ttl === 5)).toBe(true);
  });

  it('serves a headless Service: an A per ready endpoint, hostname records, SRV per endpoint', () => {
    expect(of('db.default.svc.cluster.local')).toEqual(['A 10.244.1.20', 'A 10.244.2.20']);
    expect(of('db-0.db.default.svc.cluster.local')).toEqual(['A 10.244.1.20']);
    expect(of('db-1.db.default.svc.cluster.local')).toEqual(['A 10.244.2.20']);
    expect(of('db-2.db.default.svc.cluster.local')).toEqual([]);
    expect(of('_pg._tcp.db.default.svc.cluster.local')).toEqual([
      'SRV 0 50 5432 db-0.db.default.svc.cluster.local',
      'SRV 0 50 5432 db-1.db.default.svc.cluster.local',
    ]);
    expect(of('20.1.244.10.in-addr.arpa')).toEqual(['PTR db-0.db.default.svc.cluster.local']);
  });

  it('serves ExternalName as CNAME and pods as dashed addresses under pod.cluster.local', () => {
    expect(of('search.default.svc.cluster.local')).toEqual(['CNAME search.example.com']);
    expect(of('10-244-1-5.default.pod.cluster.local')).toEqual(['A 10.244.1.5']);
    expect(of('192-168-0-11.default.pod.cluster.local')).toEqual([]);
  });

  it('publishNotReadyAddresses makes not-ready endpoints resolvable', () => {
    const services = m.services.map((s) => (s.name === 'db' ? { ...s, publishNotReadyAddresses: true } : s));
    const built = buildEndpoints({ services, pods: m.pods, objects: [] });
    const records = dnsRecords({ ...m, services, ...built });
    expect(records.filter((r) => r.name === 'db-2.db.default.svc.cluster.local').map((r) => r.data)).toEqual([
      '10.244.1.21',
    ]);
  });
});

describe('lookup', () => {
  it('finds a short name through the first search domain', () => {
    expect(lookup(m, client, 'web')).toEqual({
      rcode: 'NOERROR',
      tried: ['web.default.svc.cluster.local'],
      answers: [{ name: 'web.default.svc.cluster.local', type: 'A', data: '10.96.0.100' }],
    });
  });

  it('walks the search list for <svc>.<ns>', () => {
    expect(lookup(m, client, 'web.default').tried).toEqual([
      'web.default.default.svc.cluster.local',
      'web.default.svc.cluster.local',
    ]);
  });

  it('answers NXDOMAIN from another namespace after every search domain and the name itself', () => {
    expect(lookup(m, podNamed('utility'), 'web')).toEqual({
      rcode: 'NXDOMAIN',
      tried: ['web.test.svc.cluster.local', 'web.svc.cluster.local', 'web.cluster.local', 'web'],
      answers: [],
    });
  });

  it('asks a trailing-dot name as is, and names with 5+ dots first as is', () => {
    expect(lookup(m, client, 'web.default.svc.cluster.local.').tried).toEqual([
      'web.default.svc.cluster.local',
    ]);
    expect(lookup(m, client, '10-244-1-5.default.pod.cluster.local').tried).toEqual([
      '10-244-1-5.default.pod.cluster.local.default.svc.cluster.local',
      '10-244-1-5.default.pod.cluster.local.svc.cluster.local',
      '10-244-1-5.default.pod.cluster.local.cluster.local',
      '10-244-1-5.default.pod.cluster.local',
    ]);
    expect(lookup(m, client, 'a.b.c.d.e.f').tried[0]).toBe('a.b.c.d.e.f');
  });

  it('resolves headless names, SRV and PTR', () => {
    expect(lookup(m, client, 'db').answers.map((a) => a.data)).toEqual(['10.244.1.20', '10.244.2.20']);
    expect(lookup(m, client, 'db-1.db').answers).toEqual([
      { name: 'db-1.db.default.svc.cluster.local', type: 'A', data: '10.244.2.20' },
    ]);
    expect(lookup(m, client, 'db-2.db').rcode).toBe('NXDOMAIN');
    expect(lookup(m, client, '_http._tcp.web', 'SRV').answers).toEqual([
      {
        name: '_http._tcp.web.default.svc.cluster.local',
        type: 'SRV',
        data: '0 100 80 web.default.svc.cluster.local',
      },
    ]);
    expect(lookup(m, client, '10.96.0.100', 'PTR')).toEqual({
      rcode: 'NOERROR',
      tried: ['100.0.96.10.in-addr.arpa'],
      answers: [{ name: '100.0.96.10.in-addr.arpa', type: 'PTR', data: 'web.default.svc.cluster.local' }],
    });
  });

  it('answers ExternalName with the CNAME only', () => {
    expect(lookup(m, client, 'search')).toEqual({
      rcode: 'NOERROR',
      tried: ['search.default.svc.cluster.local'],
      answers: [{ name: 'search.default.svc.cluster.local', type: 'CNAME', data: 'search.example.com' }],
    });
  });

  it('answers NOERROR without records (NODATA) for AAAA of an IPv4 Service, after trying every name', () => {
    expect(lookup(m, client, 'web', 'AAAA')).toEqual({
      rcode: 'NOERROR',
      tried: ['web.default.svc.cluster.local', 'web.svc.cluster.local', 'web.cluster.local', 'web'],
      answers: [],
    });
  });

  it('cannot resolve cluster names from a hostNetwork pod with ClusterFirst (it falls back to Default)', () => {
    expect(lookup(m, podNamed('host-agent'), 'web.default.svc.cluster.local')).toEqual({
      rcode: 'NXDOMAIN',
      tried: ['web.default.svc.cluster.local'],
      answers: [],
    });
    const withHostNet = { ...podNamed('host-agent'), dnsPolicy: 'ClusterFirstWithHostNet' };
    expect(lookup(m, withHostNet, 'web').rcode).toBe('NOERROR');
  });

  it("asks kube-dns directly from 'node', without a search list", () => {
    expect(lookup(m, 'node', 'kube-dns.kube-system.svc.cluster.local').answers).toEqual([
      { name: 'kube-dns.kube-system.svc.cluster.local', type: 'A', data: '10.96.0.10' },
    ]);
    expect(lookup(m, 'node', 'web').tried).toEqual(['web']);
  });
});

describe('resolvConf', () => {
  it('writes ClusterFirst as kubelet does', () => {
    expect(resolvConf(m, client)).toEqual({
      nameservers: ['10.96.0.10'],
      searches: ['default.svc.cluster.local', 'svc.cluster.local', 'cluster.local'],
      options: ['ndots:5'],
      text: 'search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n',
    });
  });

  it("uses the node's file for Default and for ClusterFirst on the host network", () => {
    const node = { nameservers: ['8.8.8.8'], searches: [], options: [], text: 'nameserver 8.8.8.8\n' };
    expect(resolvConf(m, podNamed('host-agent'))).toEqual(node);
    expect(resolvConf(m, { ...client, dnsPolicy: 'Default' })).toEqual(node);
    expect(resolvConf(model({}), client)).toEqual(node);
    expect(
      resolvConf(m, { ...podNamed('host-agent'), dnsPolicy: 'ClusterFirstWithHostNet' }).nameservers,
    ).toEqual(['10.96.0.10']);
  });

  it('builds None from dnsConfig alone and merges dnsConfig into ClusterFirst', () => {
    const dnsConfig = {
      nameservers: ['192.0.2.1'],
      searches: ['ns1.svc.cluster-domain.example', 'my.dns.search.suffix'],
      options: [
        { name: 'ndots', value: '2' },
        { name: 'edns0', value: undefined },
      ],
    };
    expect(resolvConf(m, { ...client, dnsPolicy: 'None', dnsConfig }).text).toBe(
      'search ns1.svc.cluster-domain.example my.dns.search.suffix\nnameserver 192.0.2.1\noptions ndots:2 edns0\n',
    );
    expect(resolvConf(m, { ...client, dnsConfig }).text).toBe(
      'search default.svc.cluster.local svc.cluster.local cluster.local ns1.svc.cluster-domain.example my.dns.search.suffix\n' +
        'nameserver 10.96.0.10\nnameserver 192.0.2.1\noptions ndots:2 edns0\n',
    );
  });
});

const shop = () =>
  buildCluster(
    parseManifests(readFileSync(new URL('./fixtures/endpoints-shop.yaml', import.meta.url), 'utf8')).objects,
  );

describe('DNS inside buildCluster (text → parseManifests → buildCluster)', () => {
  it('resolves a Service, a StatefulSet pod and the headless SRV from the client pod', () => {
    const m2 = shop();
    const from = m2.pods.find((p) => p.name === 'client');
    if (from === undefined) throw new Error('client pod missing');
    expect(resolvConf(m2, from).text).toBe(
      'search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n',
    );
    expect(lookup(m2, from, 'node-js').answers).toEqual([
      { name: 'node-js.default.svc.cluster.local', type: 'A', data: '10.96.0.2' },
    ]);
    expect(lookup(m2, from, 'db-0.db').answers).toEqual([
      { name: 'db-0.db.default.svc.cluster.local', type: 'A', data: '10.244.0.4' },
    ]);
    expect(lookup(m2, from, '_pg._tcp.db', 'SRV').answers.map((a) => a.data)).toEqual([
      '0 50 5432 db-0.db.default.svc.cluster.local',
      '0 50 5432 db-1.db.default.svc.cluster.local',
    ]);
    expect(lookup(m2, from, 'kube-dns.kube-system').tried).toEqual([
      'kube-dns.kube-system.default.svc.cluster.local',
      'kube-dns.kube-system.svc.cluster.local',
    ]);
  });
});
