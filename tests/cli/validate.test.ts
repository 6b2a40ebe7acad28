import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The CLI contract of design.md, through the real command line.
const root = join(import.meta.dirname, '../..');
const fixtures = join(import.meta.dirname, 'fixtures');

function podwire(args: string[], input?: string) {
  const r = spawnSync('npx', ['tsx', 'src/cli/main.ts', ...args], { cwd: root, input, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('podwire validate', () => {
  it('prints file:line:col: severity: message and exits 1 on errors', () => {
    const r = podwire(['validate', join(fixtures, 'broken-service.yaml')]);
    expect(r.code).toBe(1);
    const lines = r.stdout
      .trim()
      .split('\n')
      .filter((l) => !l.startsWith('  hint:'));
    expect(lines).toEqual([
      `${join(fixtures, 'broken-service.yaml')}:4:9: error: metadata.name: Invalid value: "Node_JS": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')`,
      `${join(fixtures, 'broken-service.yaml')}:9:5: error: spec.ports[1].name: Required value`,
    ]);
  });

  it('prints one JSON document with --json and reads standard input', () => {
    const r = podwire(
      ['validate', '--json', '-'],
      'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ok\n',
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ diagnostics: [] });
    const bad = podwire(['validate', '--json', join(fixtures, 'broken-service.yaml')]);
    const parsed = JSON.parse(bad.stdout) as {
      diagnostics: { line: number; column: number; path: string; severity: string }[];
    };
    expect(parsed.diagnostics.map((d) => [d.severity, d.line, d.column, d.path])).toEqual([
      ['error', 4, 9, 'metadata.name'],
      ['error', 9, 5, 'spec.ports[1].name'],
    ]);
  });

  it('exits 0 on warnings only and 2 on bad usage', () => {
    expect(podwire(['validate', join(fixtures, 'not-simulated.yaml')]).code).toBe(0);
    expect(podwire(['validate']).code).toBe(2);
    expect(podwire(['frobnicate', 'x.yaml']).code).toBe(2);
    expect(podwire(['validate', join(fixtures, 'missing.yaml')]).code).toBe(2);
  });
});
