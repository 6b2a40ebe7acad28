import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// `podwire reach` through the real command line on the NetworkPolicy documentation's fixtures.
const root = join(import.meta.dirname, '../..');
const fixtures = join(root, 'tests/engine/netpol/fixtures');

function podwire(args: string[]) {
  const r = spawnSync('npx', ['tsx', 'src/cli/main.ts', ...args], { cwd: root, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface Reach {
  namespace: string;
  port: number | null;
  protocol: string | null;
  pods: string[];
  policies: { namespace: string; name: string }[];
  cells: {
    from: string;
    to: string;
    allowed: 'all' | 'none' | 'some';
    probes: {
      protocol: string;
      port: number | null;
      allowed: boolean;
      droppedBy: string | null;
      isolatedPod: { namespace: string; name: string } | null;
      ingress: { reason: string; policy: { name: string } | null; rule: string | null };
      explanation: string;
    }[];
  }[];
}

describe('podwire reach', () => {
  it('prints the OR policy matrix as JSON with the deciding policy and rule', () => {
    const r = podwire([
      'reach',
      join(fixtures, 'docs-and-or.yaml'),
      '--namespace',
      'or',
      '--port',
      '80',
      '--json',
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const m = JSON.parse(r.stdout) as Reach;
    expect([m.namespace, m.port, m.pods]).toEqual(['or', 80, ['client', 'server']]);
    expect(m.policies).toEqual([{ namespace: 'or', name: 'alice-or-clients' }]);
    const cell = (from: string, to: string) => m.cells.find((c) => c.from === from && c.to === to);
    expect(cell('client', 'server')?.allowed).toBe('all');
    expect(cell('client', 'server')?.probes[0]?.ingress).toEqual({
      reason: 'rule',
      policy: { namespace: 'or', name: 'alice-or-clients' },
      rule: 'spec.ingress[0]',
    });
    const blocked = cell('server', 'server')?.probes[0];
    expect(blocked?.droppedBy).toBe('Ingress');
    expect(blocked?.isolatedPod).toEqual({ namespace: 'or', name: 'server' });
    expect(blocked?.explanation).toContain('no ingress rule of it allows TCP 80 from pod or/server');
  });

  it('prints the human truth table with each blocked pair explained', () => {
    const r = podwire(['reach', join(fixtures, 'docs-test-network-policy.yaml')]);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe(
      'namespace default, declared container ports (rows from, columns to; . allowed, X blocked, ~ some ports)',
    );
    expect(lines.slice(1, 5).map((l) => l.split(/\s+/))).toEqual([
      ['-', 'backend', 'db', 'frontend'],
      ['backend', '.', 'X', '.'],
      ['db', 'X', 'X', 'X'],
      ['frontend', '.', '.', '.'],
    ]);
    expect(r.stdout).toContain('policies: test-network-policy');
    expect(r.stdout).toContain('backend -> db TCP 6379: pod default/db is isolated for ingress');
  });

  it('exits 2 on an unknown namespace or a bad port', () => {
    const file = join(fixtures, 'docs-and-or.yaml');
    const ns = podwire(['reach', file, '--namespace', 'nope']);
    expect(ns.code).toBe(2);
    expect(ns.stderr).toContain('namespaces "nope" not found');
    expect(podwire(['reach', file, '--port', '70000']).code).toBe(2);
    expect(podwire(['reach', file, '--protocol', 'ICMP']).code).toBe(2);
  });

  it('exits 1 when the input has errors, still printing the matrix', () => {
    const r = podwire(['reach', join(root, 'tests/cli/fixtures/broken-service.yaml')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('namespace default');
  });
});
