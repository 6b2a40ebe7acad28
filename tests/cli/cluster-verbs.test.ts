import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// describe, dns and env through the real command line, on the study note's whale scenario.
const root = join(import.meta.dirname, '../..');
const whale = join(root, 'src/scenarios/whale-hosting.yaml');

function podwire(args: string[]) {
  const r = spawnSync('npx', ['tsx', 'src/cli/main.ts', ...args], { cwd: root, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface Described {
  nodes: { name: string; internalIP: string; podCIDR: string }[];
  pods: {
    namespace: string;
    name: string;
    ip: string;
    node: string;
    ready: boolean;
    owner: { kind: string; name: string } | null;
  }[];
  services: {
    namespace: string;
    name: string;
    type: string;
    clusterIP: string;
    ports: { port: number; nodePort: number | null }[];
  }[];
  endpoints: { namespace: string; name: string; addresses: { ip: string; pod: string; ready: boolean }[] }[];
  rejected: unknown[];
}

describe('podwire describe / dns / env', () => {
  const described = podwire(['describe', '--json', whale]);
  const model = JSON.parse(described.stdout) as Described;
  const whaleA = model.pods.find((p) => p.name.startsWith('whale-ingress-a-'));

  it('describes the cluster with the contract field names', () => {
    expect(described.code).toBe(0);
    expect(model.nodes.map((n) => [n.name, n.podCIDR])).toEqual([
      ['node-1', '10.244.0.0/24'],
      ['node-2', '10.244.1.0/24'],
    ]);
    expect(whaleA?.name).toMatch(/^whale-ingress-a-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(whaleA?.owner).toEqual({ kind: 'ReplicationController', name: 'whale-ingress-a' });
    const svcA = model.services.find((s) => s.name === 'whale-svc-a');
    expect(svcA?.type).toBe('NodePort');
    expect(svcA?.ports).toEqual([
      { name: 'http', protocol: 'TCP', port: 80, targetPort: 80, nodePort: 30301 },
    ]);
    const epA = model.endpoints.find((e) => e.name === 'whale-svc-a');
    expect(epA?.addresses).toEqual([{ ip: whaleA?.ip, pod: whaleA?.name, ready: true }]);
    expect(model.rejected).toEqual([]);
  });

  it('prints the same model twice (deterministic)', () => {
    expect(podwire(['describe', '--json', whale]).stdout).toBe(described.stdout);
  });

  it('answers a DNS query through the pod resolv.conf search list', () => {
    const r = podwire([
      'dns',
      whale,
      '--json',
      '--from',
      `pod/default/${whaleA?.name ?? ''}`,
      '--query',
      'whale-svc-b',
    ]);
    expect(r.code).toBe(0);
    const svcB = model.services.find((s) => s.name === 'whale-svc-b');
    expect(JSON.parse(r.stdout)).toEqual({
      rcode: 'NOERROR',
      tried: ['whale-svc-b.default.svc.cluster.local'],
      answers: [{ name: 'whale-svc-b.default.svc.cluster.local', type: 'A', data: svcB?.clusterIP }],
    });
    const missing = JSON.parse(
      podwire(['dns', whale, '--json', '--from', `pod/default/${whaleA?.name ?? ''}`, '--query', 'nope'])
        .stdout,
    ) as { rcode: string; tried: string[] };
    expect(missing.rcode).toBe('NXDOMAIN');
    expect(missing.tried).toEqual([
      'nope.default.svc.cluster.local',
      'nope.svc.cluster.local',
      'nope.cluster.local',
      'nope',
    ]);
  });

  it('prints the Service environment variables kubelet injects', () => {
    const r = podwire(['env', whale, '--pod', `default/${whaleA?.name ?? ''}`]);
    expect(r.code).toBe(0);
    const svcB = model.services.find((s) => s.name === 'whale-svc-b');
    expect(r.stdout).toContain(`WHALE_SVC_B_SERVICE_HOST=${svcB?.clusterIP ?? ''}\n`);
    expect(r.stdout).toContain('WHALE_SVC_B_SERVICE_PORT_HTTP=80\n');
    expect(r.stdout).toContain('KUBERNETES_SERVICE_HOST=10.96.0.1\n');
    expect(podwire(['env', whale, '--pod', 'default/nope']).code).toBe(2);
  });

  it("prints a node's kube-proxy rules as iptables-save and as kube-proxy's restore input", () => {
    const save = podwire(['rules', whale, '--node', 'node-1']);
    expect(save.code).toBe(0);
    const svcA = model.services.find((s) => s.name === 'whale-svc-a');
    const lines = save.stdout.split('\n');
    const toService = lines.find((l) =>
      l.startsWith(`-A KUBE-SERVICES -d ${svcA?.clusterIP ?? ''}/32 -p tcp`),
    );
    expect(toService).toMatch(
      /--comment "default\/whale-svc-a:http cluster IP" -m tcp --dport 80 -j KUBE-SVC-[A-Z2-7]{16}$/,
    );
    // The NodePort jumps to the same Service's KUBE-EXT chain (one hash per Service port).
    const hash = toService?.split('KUBE-SVC-')[1] ?? 'missing';
    expect(lines).toContain(
      `-A KUBE-NODEPORTS -p tcp -m comment --comment "default/whale-svc-a:http" -m tcp --dport 30301 -j KUBE-EXT-${hash}`,
    );
    expect(lines.some((l) => l.endsWith(`-j DNAT --to-destination ${whaleA?.ip ?? ''}:80`))).toBe(true);
    expect(lines).toContain(':INPUT ACCEPT [0:0]');
    const restore = podwire(['rules', whale, '--node', 'node-1', '--format', 'restore']);
    expect(restore.stdout.split('\n')[0]).toBe('*filter');
    expect(restore.stdout).not.toContain(':INPUT ACCEPT');
  });

  it('prints the IPVS table and rejects an unknown node or mode', () => {
    const ipvs = podwire(['rules', whale, '--node', 'node-2', '--proxy-mode', 'ipvs']);
    expect(ipvs.stdout).toContain('IP Virtual Server version 1.2.1 (size=4096)');
    expect(ipvs.stdout).toContain(`  -> ${whaleA?.ip ?? ''}:80`);
    expect(podwire(['rules', whale, '--node', 'node-9']).code).toBe(2);
    expect(podwire(['rules', whale, '--node', 'node-1', '--proxy-mode', 'magic']).code).toBe(2);
  });
});
