import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// `podwire simulate` and `podwire trace --from pod/...` through the real command line, on the
// study note's Services with a Simulation document (tests/engine/sim/fixtures/seed-services.yaml).
const root = join(import.meta.dirname, '../..');
const seed = join(root, 'tests/engine/sim/fixtures/seed-services.yaml');

function podwire(args: string[]) {
  const r = spawnSync('npx', ['tsx', 'src/cli/main.ts', ...args], { cwd: root, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface Flows {
  flows: {
    from: string;
    to: string;
    requests: number;
    failed: number;
    outcomes: Record<string, number>;
    backends: Record<string, number>;
  }[];
}

describe('podwire simulate', () => {
  it("runs N requests per flow of the document's traffic and counts them per backend", () => {
    const r = podwire(['simulate', seed, '--json', '--requests', '30', '--seed', '4']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Flows;
    expect(out.flows.map((f) => [f.from, f.to, f.requests, f.failed])).toEqual([
      ['pod/test/utility', 'http://node-js-internal.default/', 30, 0],
      ['external', 'http://172.18.255.200:90/', 30, 0],
    ]);
    expect(out.flows[0]?.outcomes).toEqual({ delivered: 30 });
    const backends = out.flows[0]?.backends ?? {};
    expect(Object.keys(backends)).toHaveLength(3);
    expect(Object.keys(backends).every((k) => /^default\/node-js-[a-z0-9]{5}$/.test(k))).toBe(true);
    expect(Object.values(backends).reduce((a, b) => a + b, 0)).toBe(30);
    // The same seed gives the same counts; the human form names each flow.
    expect(
      JSON.parse(podwire(['simulate', seed, '--json', '--requests', '30', '--seed', '4']).stdout),
    ).toEqual(out);
    const human = podwire(['simulate', seed, '--requests', '3', '--proxy-mode', 'ipvs']);
    expect(human.stdout).toMatch(
      /^pod\/test\/utility -> http:\/\/node-js-internal\.default\/: 3 requests, 0 failed \(delivered 3\)\n/,
    );
    expect(podwire(['simulate', seed, '--requests', 'many']).code).toBe(2);
  });

  it('traces from a pod: DNS through kube-proxy to CoreDNS, then the ClusterIP, and back', () => {
    const r = podwire([
      'trace',
      seed,
      '--json',
      '--from',
      'pod/test/utility',
      '--to',
      'http://node-js-internal.default/',
    ]);
    expect(r.code).toBe(0);
    const t = JSON.parse(r.stdout) as {
      outcome: string;
      service: { name: string };
      hops: { kind: string; reply: boolean; before?: { src: string } }[];
    };
    expect(t.outcome).toBe('delivered');
    expect(t.service.name).toBe('node-js-internal');
    expect(t.hops.filter((h) => h.kind === 'dns-query')).toHaveLength(2);
    expect(t.hops.at(-1)?.before?.src).toBe('10.96.0.2:80');
    const missing = podwire(['trace', seed, '--from', 'pod/test/nobody', '--to', 'http://x/']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('pods "nobody" not found in namespace "test"');
  });
});
