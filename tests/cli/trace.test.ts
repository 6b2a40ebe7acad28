import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// `podwire trace` through the real command line on the study note's whale scenario: from the
// outside, through the cloud load balancer, kube-proxy's rules and ingress-nginx, to the pod.
const root = join(import.meta.dirname, '../..');
const whale = join(root, 'src/scenarios/whale-hosting.yaml');

interface Trace {
  outcome: string;
  httpStatus?: number;
  ingress?: { namespace: string; name: string; host: string; path: string };
  service?: { namespace: string; name: string; port: number | string };
  backend?: { namespace: string; pod: string; ip: string; port: number };
  hops: {
    at: number;
    where: string;
    kind: string;
    description: string;
    rule?: string;
    reply: boolean;
    from: string;
    to: string;
    before?: { src: string; dst: string };
  }[];
}

function podwire(args: string[]) {
  const r = spawnSync('npx', ['tsx', 'src/cli/main.ts', ...args], { cwd: root, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function trace(...args: string[]): Trace {
  const r = podwire(['trace', whale, '--json', '--from', 'external', ...args]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Trace;
}

describe('podwire trace', () => {
  const a = trace('--to', 'http://a.whale.hey/');

  it('answers through the Ingress with the contract fields', () => {
    expect(a.outcome).toBe('delivered');
    expect(a.httpStatus).toBe(200);
    expect(a.ingress).toEqual({
      namespace: 'default',
      name: 'whale-ingress',
      host: 'a.whale.hey',
      path: '/',
    });
    expect(a.service).toEqual({ namespace: 'default', name: 'whale-svc-a', port: 80 });
    expect(a.backend?.pod).toMatch(/^whale-ingress-a-[a-z0-9]{5}$/);
    expect(a.backend?.port).toBe(80);
  });

  it('walks the load balancer, kube-proxy, ingress-nginx and the pod, in order and in time', () => {
    const kinds = a.hops.map((h) => h.kind);
    const there = a.hops.filter((h) => !h.reply);
    expect(kinds[0]).toBe('send');
    expect(kinds).toContain('forward');
    expect(kinds.indexOf('kube-proxy')).toBeLessThan(kinds.indexOf('ingress'));
    expect(kinds.indexOf('ingress')).toBeLessThan(kinds.indexOf('proxy'));
    expect(there.at(-1)?.kind).toBe('deliver');
    const proxyHop = a.hops.find((h) => h.kind === 'kube-proxy');
    // The LoadBalancer IP of ingress-nginx's Service is DNATed to the controller pod by a KUBE-SEP rule.
    expect(proxyHop?.rule).toMatch(
      /^-A KUBE-SEP-[A-Z0-9]{16} .*-j DNAT --to-destination 10\.244\.\d+\.\d+:80$/,
    );
    expect(a.hops.find((h) => h.kind === 'proxy')?.description).toContain('ClusterIP is not used');
    const times = a.hops.map((h) => h.at);
    expect([...times].sort((x, y) => x - y)).toEqual(times);
    expect(there.at(-1)?.where).toBe(`pod/default/${a.backend?.pod ?? ''}`);
    // The answer comes back through the load balancer to the client, from the address it dialled.
    const last = a.hops.at(-1);
    expect(last).toMatchObject({ kind: 'receive', reply: true, to: 'external/client' });
    expect(last?.before?.src).toBe(a.hops[0]?.before?.dst);
  });

  it('sends b.whale.hey to whale B and an unknown host to the default backend (404)', () => {
    const b = trace('--to', 'http://b.whale.hey/');
    expect(b.service?.name).toBe('whale-svc-b');
    expect(b.backend?.pod).toMatch(/^whale-ingress-b-/);
    const other = trace('--to', 'http://c.whale.hey/');
    expect(other.outcome).toBe('rejected');
    expect(other.httpStatus).toBe(404);
    expect(other.backend).toBeUndefined();
  });

  it('reaches a NodePort on a node directly through kube-proxy', () => {
    const described = JSON.parse(podwire(['describe', '--json', whale]).stdout) as {
      nodes: { internalIP: string }[];
    };
    const nodeIP = described.nodes[0]?.internalIP ?? '';
    const direct = trace('--to', `${nodeIP}:30284`);
    expect(direct.outcome).toBe('delivered');
    expect(direct.backend?.pod).toMatch(/^whale-ingress-b-/);
    expect(direct.hops.some((h) => h.kind === 'ingress')).toBe(false);
    expect(trace('--to', `${nodeIP}:31999`).outcome).toBe('rejected');
  });

  it('gives the same trace for the same seed, in every proxy mode', () => {
    expect(trace('--to', 'http://a.whale.hey/', '--seed', '7')).toEqual(
      trace('--to', 'http://a.whale.hey/', '--seed', '7'),
    );
    for (const mode of ['ipvs', 'nftables', 'userspace']) {
      const t = trace('--to', 'http://a.whale.hey/', '--proxy-mode', mode);
      expect(t.outcome, mode).toBe('delivered');
      expect(t.backend?.pod, mode).toMatch(/^whale-ingress-a-/);
      expect(t.hops.find((h) => h.kind === 'kube-proxy')?.description, mode).toContain(`${mode} rules`);
    }
  });

  it('prints hops for people, and refuses what it cannot trace with exit 2', () => {
    const human = podwire(['trace', whale, '--from', 'external', '--to', 'http://a.whale.hey/']);
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(
      /^outcome: delivered \(HTTP 200\)\ningress: default\/whale-ingress host a\.whale\.hey path \/\n/,
    );
    expect(podwire(['trace', whale, '--from', 'external', '--to', 'not a url']).code).toBe(2);
    expect(podwire(['trace', whale, '--from', 'external']).code).toBe(2);
  });
});

describe('podwire trace with NetworkPolicy', () => {
  const shop = join(import.meta.dirname, 'fixtures/netpol-shop.yaml');
  const run = (from: string): Trace => {
    const r = podwire(['trace', shop, '--json', '--from', from, '--to', 'http://web.shop/']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    return JSON.parse(r.stdout) as Trace;
  };

  it('shows the policy hop that allowed the connection and the one that dropped it', () => {
    const allowed = run('pod/shop/client');
    expect(allowed.outcome).toBe('delivered');
    expect(allowed.hops.filter((h) => h.kind === 'policy')).toMatchObject([
      { where: 'pod/shop/web', rule: 'NetworkPolicy shop/allow-web spec.ingress[0]' },
    ]);
    const dropped = run('pod/other/outsider');
    expect(dropped.outcome).toBe('dropped');
    expect(dropped.hops.at(-1)).toMatchObject({ where: 'pod/shop/web', kind: 'policy' });
    expect(dropped.hops.at(-1)?.description).toContain(
      'Pod shop/web is isolated for ingress by NetworkPolicy shop/default-deny-ingress, shop/allow-web',
    );
  });
});
