// hostile-inputs.md items 1–26 (the YAML ones), one describe each: the input ends in a located
// diagnostic with the expected wording, and nothing throws on the way to the cluster model.
// Inputs already in bad-inputs.cases.ts are reused by name; the rest are written here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCluster, parseManifests, type Diagnostic } from '../../../src/engine/index.ts';
import { SHARED, sharedExists } from '../../support/shared.ts';
import { badCases } from './bad-inputs.cases.ts';

interface Expect {
  readonly severity: Diagnostic['severity'];
  readonly line: number;
  /** The start of the message (or of its first line). */
  readonly message: string;
}

interface Input {
  readonly text: string;
  readonly expect: Expect | 'no-error';
}

function fromBadCases(name: string): Input {
  const c = badCases.find((b) => b.name === name);
  if (!c) throw new Error(`no bad-inputs case named ${name}`);
  return { text: c.text, expect: { severity: c.severity, line: c.line, message: c.message } };
}

const ns = (labels: string) => `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: x\n  labels:\n${labels}`;
const podEnv = (value: string) =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - name: c\n    image: nginx\n    env:\n    - name: A\n      value: ${value}\n`;
const html = '<img src=x onerror=alert(1)></script>{{7*7}}';

const ITEMS: Readonly<Record<number, readonly Input[]>> = {
  1: [fromBadCases('billion laughs')],
  2: [
    fromBadCases('merge-key chain of 5,000'),
    // Merges of a sequence of aliases, the merged map merged again: read once, no blow-up.
    {
      text: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: x\n  annotations: &A {a: "1"}\n  labels: &B {<<: [*A, *A], b: "2"}\nspec: {<<: [*B, *B]}\n',
      expect: {
        severity: 'error',
        line: 7,
        message: 'strict decoding error: unknown field "spec.a"',
      },
    },
  ],
  3: [fromBadCases('5,000 nested flow sequences'), fromBadCases('2,000-level block nesting')],
  4: [fromBadCases('huge input (9 MB)')],
  5: [
    {
      text: `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  a: ${'x'.repeat(1_000_000)}\n`,
      expect: { severity: 'warning', line: 2, message: 'ConfigMap (v1) is not simulated' },
    },
  ],
  6: [fromBadCases('binary garbage (PNG)'), fromBadCases('NUL bytes'), fromBadCases('UTF-16 text')],
  7: ['\uFEFF', '\r\n', '\r'].map((eol) => ({
    text: `apiVersion: v1${eol === '\uFEFF' ? '\n' : eol}kind: Service${eol === '\uFEFF' ? '\n' : eol}metadata:\n  name: x\nspec:\n  ports:\n  - port: "80"\n`.replace(
      /^/,
      eol === '\uFEFF' ? eol : '',
    ),
    expect: { severity: 'error', line: 7, message: 'json: cannot unmarshal string into Go struct field' },
  })),
  8: [fromBadCases('tab indentation')],
  9: [fromBadCases('duplicate key replicas'), fromBadCases('duplicate key in JSON')],
  10: [
    fromBadCases('__proto__ as a label key'),
    { text: ns('    constructor: a\n    toString: b\n'), expect: 'no-error' },
  ],
  11: [
    {
      text: podEnv('yes'),
      expect: {
        severity: 'error',
        line: 11,
        message: 'json: cannot unmarshal bool into Go struct field EnvVar',
      },
    },
    { text: podEnv('"yes"'), expect: 'no-error' },
  ],
  12: [
    fromBadCases('a custom tag'),
    {
      text: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  b: !Ref Foo\n',
      expect: { severity: 'warning', line: 6, message: 'Unresolved tag: !Ref' },
    },
  ],
  13: [
    {
      text:
        '---\n# Source: chart/templates/ns.yaml\n---\n' +
        ns('    a: b\n') +
        '---\n# only a comment\n---\n...\n',
      expect: 'no-error',
    },
  ],
  14: [
    {
      text: JSON.stringify(
        {
          apiVersion: 'v1',
          kind: 'List',
          items: [{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'a' } }],
        },
        null,
        2,
      ),
      expect: 'no-error',
    },
  ],
  15: [
    {
      text: 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Namespace\n  metadata:\n    name: a\n    uid: 0b6f\n    resourceVersion: "12"\n    managedFields:\n    - manager: kubectl\n  status:\n    phase: Active\n',
      expect: 'no-error',
    },
  ],
  16: [fromBadCases('missing apiVersion'), fromBadCases('missing kind'), fromBadCases('kind in lower case')],
  17: [
    fromBadCases('removed extensions/v1beta1 Deployment'),
    {
      text: 'apiVersion: networking.k8s.io/v1beta1\nkind: Ingress\nmetadata:\n  name: i\nspec:\n  backend:\n    serviceName: s\n    servicePort: 80\n',
      expect: { severity: 'info', line: 1, message: 'networking.k8s.io/v1beta1 Ingress is no longer served' },
    },
  ],
  18: [fromBadCases('a CRD kind')],
  19: [fromBadCases('misspelled metadata'), fromBadCases('unknown field in spec')],
  20: [
    fromBadCases('replicas as a string'),
    fromBadCases('port as a string'),
    fromBadCases('fractional targetPort'),
    fromBadCases('negative replicas'),
    fromBadCases('replicas 1e309'),
  ],
  22: [
    fromBadCases('Service name with an underscore'),
    fromBadCases('label value of 64 characters'),
    fromBadCases('name of 254 characters'),
    fromBadCases('Korean label value'),
  ],
  23: [fromBadCases('annotation over 256 KB')],
  24: [
    // Names reject markup (DNS rules); annotations take anything and stay plain text.
    {
      text: `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: "${html}"\n`,
      expect: { severity: 'error', line: 4, message: 'metadata.name: Invalid value' },
    },
    {
      text: `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: x\n  annotations:\n    a: "${html}"\n    b: "javascript:alert(1)"\n`,
      expect: 'no-error',
    },
  ],
  25: [
    {
      text: ns('    a: "b\u202Ec"\n'),
      expect: { severity: 'error', line: 6, message: 'metadata.labels: Invalid value' },
    },
  ],
};

// Items 21 (semantic bombs) and 26 (dangling references) act on the cluster, not the reader:
// tests/engine/cluster/caps.test.ts and tests/engine/cluster/semantic.test.ts. 27 onwards are
// share links and the page (tests/share, tests/e2e).
const ELSEWHERE = [21, 26];

function check(input: Input): void {
  const { objects, diagnostics } = parseManifests(input.text);
  const all = [...diagnostics, ...(objects.length > 0 ? buildCluster(objects).diagnostics : [])];
  const seen = all.map((d) => `${d.severity} ${d.range.start.line}: ${d.message.split('\n')[0] ?? ''}`);
  if (input.expect === 'no-error') {
    expect(
      all.filter((d) => d.severity === 'error'),
      seen.join('\n'),
    ).toEqual([]);
    return;
  }
  const { severity, line, message } = input.expect;
  const found = all.find(
    (d) => d.severity === severity && d.range.start.line === line && d.message.startsWith(message),
  );
  expect(found, `got:\n${seen.join('\n')}`).toBeDefined();
}

describe('hostile-inputs.md, the YAML items', () => {
  for (const [item, inputs] of Object.entries(ITEMS))
    describe(`item ${item}`, () => {
      inputs.forEach((input, i) => it(`input ${i + 1}`, () => check(input)));
    });

  it.runIf(sharedExists())('covers every numbered YAML item of the list', () => {
    const list = readFileSync(join(SHARED, 'hostile-inputs.md'), 'utf8');
    const yaml = list.slice(list.indexOf('**YAML**'), list.indexOf('**Share links**'));
    const numbers = [...yaml.matchAll(/^(\d+)\. /gm)].map((m) => Number(m[1]));
    expect(numbers.length).toBeGreaterThan(20);
    for (const n of numbers) expect(n in ITEMS || ELSEWHERE.includes(n), `item ${n}`).toBe(true);
  });
});
