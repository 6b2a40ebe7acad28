// Generators for the fuzz tests: manifests mutated from real ones (the seed note and the corpus),
// Kubernetes-shaped documents built from parts, and raw text.
import fc from 'fast-check';
import { parseAllDocuments, stringify } from 'yaml';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { seedYamlBlocks, sharedExists, sharedFiles } from '../support/shared.ts';

const root = join(import.meta.dirname, '../..');

/** Real manifests to start from: ours always, the shared corpus and seed when present. */
export function realManifests(): string[] {
  const ours = [readFileSync(join(root, 'src/scenarios/whale-hosting.yaml'), 'utf8')];
  if (!sharedExists()) return ours;
  const corpus = sharedFiles('corpus', /\.ya?ml$/)
    .map((f) => f.text)
    .filter((t) => t.length < 20_000);
  return [...ours, ...seedYamlBlocks().map((b) => b.text), ...corpus];
}

// Characters that matter to YAML's grammar, line structure and our own readers.
const SPICY = [
  ':',
  '-',
  '[',
  ']',
  '{',
  '}',
  '&a',
  '*a',
  '<<',
  '!',
  '!!binary',
  '|',
  '>',
  '#',
  '"',
  "'",
  '\t',
  '\n',
  '\r',
  '\r\n',
  ' ',
  '  ',
  '---',
  '...',
  '%YAML 1.1',
  '\u0000',
  '\uFEFF',
  '\u202E',
  'а',
  '__proto__',
  'constructor',
  '0x50',
  '080',
  'yes',
  'on',
  '1e309',
  '-1',
  '~',
  'null',
  '.inf',
  '😀',
  '<img src=x onerror=alert(1)>',
];

const spicy = fc.oneof(
  fc.constantFrom(...SPICY),
  fc.string({ maxLength: 8 }),
  fc.string({ unit: 'binary', maxLength: 4 }),
);

type Mutation = (text: string) => string;

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  // Insert something at a relative position.
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), spicy).map(([at, s]) => (t: string) => {
    const i = Math.floor(at * t.length);
    return t.slice(0, i) + s + t.slice(i);
  }),
  // Delete a stretch (a truncated paste, a lost indent).
  fc
    .tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 40 }))
    .map(([at, n]) => (t: string) => {
      const i = Math.floor(at * t.length);
      return t.slice(0, i) + t.slice(i + n);
    }),
  // Duplicate, drop or swap whole lines.
  fc
    .tuple(fc.nat(), fc.nat(), fc.constantFrom('dup', 'drop', 'swap', 'indent', 'dedent'))
    .map(([a, b, op]) => (t: string) => {
      const lines = t.split('\n');
      if (lines.length === 0) return t;
      const i = a % lines.length;
      const j = b % lines.length;
      const li = lines[i] ?? '';
      if (op === 'dup') lines.splice(i, 0, li);
      else if (op === 'drop') lines.splice(i, 1);
      else if (op === 'swap') [lines[i], lines[j]] = [lines[j] ?? '', li];
      else if (op === 'indent') lines[i] = `  ${li}`;
      else lines[i] = li.replace(/^ {1,2}/, '');
      return lines.join('\n');
    }),
);

/** A real manifest with 1 to 6 mutations applied. */
export function mutatedManifest(bases: readonly string[]): fc.Arbitrary<string> {
  return fc
    .tuple(fc.constantFrom(...bases), fc.array(mutation, { minLength: 1, maxLength: 6 }))
    .map(([base, ms]) => ms.reduce((t, m) => m(t), base));
}

const KINDS: readonly (readonly [string, string])[] = [
  ['v1', 'Service'],
  ['v1', 'Pod'],
  ['apps/v1', 'Deployment'],
  ['apps/v1', 'ReplicaSet'],
  ['apps/v1', 'StatefulSet'],
  ['apps/v1', 'DaemonSet'],
  ['v1', 'Endpoints'],
  ['discovery.k8s.io/v1', 'EndpointSlice'],
  ['v1', 'Namespace'],
  ['networking.k8s.io/v1', 'Ingress'],
  ['networking.k8s.io/v1', 'NetworkPolicy'],
  ['v1', 'ConfigMap'],
  ['v1', 'ResourceQuota'],
  ['podwire.dev/v1alpha1', 'Simulation'],
  ['v1', 'List'],
  ['extensions/v1beta1', 'Ingress'],
];
const FIELDS = [
  'selector',
  'ports',
  'port',
  'targetPort',
  'nodePort',
  'type',
  'replicas',
  'template',
  'containers',
  'containerPort',
  'name',
  'labels',
  'matchLabels',
  'matchExpressions',
  'rules',
  'http',
  'paths',
  'path',
  'pathType',
  'backend',
  'service',
  'number',
  'subsets',
  'addresses',
  'ip',
  'clusterIP',
  'sessionAffinity',
  'externalName',
  'podSelector',
  'ingress',
  'egress',
  'from',
  'to',
  'policyTypes',
  'cluster',
  'nodes',
  'proxyMode',
  'traffic',
  'rate',
  'events',
  'at',
  'notReady',
  'seed',
  'hard',
  'items',
  'readinessProbe',
  'hostNetwork',
  'protocol',
  'appProtocol',
];

const leaf = fc.oneof(
  fc.integer({ min: -5, max: 70_000 }),
  fc.constantFrom(
    'http',
    'web',
    'TCP',
    'UDP',
    'NodePort',
    'None',
    'ClientIP',
    'Prefix',
    'Exact',
    '10.0.0.1',
    '/',
  ),
  fc.string({ maxLength: 12 }),
  fc.boolean(),
  fc.constant(null),
);

const value: fc.Arbitrary<unknown> = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('v'), { maxLength: 3 }),
    fc.dictionary(fc.oneof(fc.constantFrom(...FIELDS), fc.string({ maxLength: 6 })), tie('v'), {
      maxKeys: 4,
    }),
  ),
})).v;

/** A document with a real apiVersion/kind and a random body of Kubernetes field names. */
export const generatedDocument: fc.Arbitrary<Record<string, unknown>> = fc
  .tuple(
    fc.constantFrom(...KINDS),
    fc.string({ maxLength: 10 }),
    fc.dictionary(fc.constantFrom(...FIELDS), value, { maxKeys: 5 }),
  )
  .map(([[apiVersion, kind], name, spec]) => ({
    apiVersion,
    kind,
    metadata: { name, labels: { app: name } },
    spec,
  }));

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Every path to a value inside `v` (objects and arrays), the root excluded. */
function paths(
  v: Json,
  prefix: (string | number)[] = [],
  out: (string | number)[][] = [],
): (string | number)[][] {
  const entries: [string | number, Json][] = Array.isArray(v)
    ? v.map((x, i) => [i, x])
    : v !== null && typeof v === 'object'
      ? Object.entries(v)
      : [];
  for (const [k, x] of entries) {
    out.push([...prefix, k]);
    paths(x, [...prefix, k], out);
  }
  return out;
}

function edit(root: Json, path: readonly (string | number)[], replacement: Json | undefined): void {
  let node: Json = root;
  for (const key of path.slice(0, -1)) node = (node as Record<string | number, Json>)[key] as Json;
  const last = path[path.length - 1] as string | number;
  if (Array.isArray(node) && typeof last === 'number') {
    if (replacement === undefined) node.splice(last, 1);
    else node[last] = replacement;
  } else if (node !== null && typeof node === 'object') {
    const obj = node as Record<string, Json>;
    if (replacement === undefined) Reflect.deleteProperty(obj, last);
    else obj[last] = replacement;
  }
}

/**
 * Real manifests still well-formed YAML, with values swapped or dropped: past the reader, into
 * validation, the cluster, the rules and the simulator.
 */
export function editedManifest(bases: readonly string[]): fc.Arbitrary<string> {
  const docs = bases.flatMap((b) =>
    parseAllDocuments(b)
      .filter((d) => d.errors.length === 0)
      .map((d) => d.toJS() as Json)
      .filter((j): j is Json => j !== null && typeof j === 'object'),
  );
  const replacement = fc.option(value as fc.Arbitrary<Json>, { nil: undefined, freq: 3 });
  return fc
    .tuple(
      fc.array(fc.constantFrom(...docs), { minLength: 1, maxLength: 4 }),
      fc.array(fc.tuple(fc.nat(), fc.nat(), replacement), { maxLength: 3 }),
    )
    .map(([picked, edits]) => {
      const copies = picked.map((d) => structuredClone(d));
      for (const [which, at, with_] of edits) {
        const doc = copies[which % copies.length] as Json;
        const all = paths(doc);
        const path = all[at % Math.max(1, all.length)];
        if (path) edit(doc, path, with_);
      }
      return copies.map((d) => stringify(d)).join('---\n');
    });
}
