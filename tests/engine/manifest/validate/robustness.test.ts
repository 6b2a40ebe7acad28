// validateObject never throws, skips wrong-typed fields, treats prototype names as plain keys,
// stays linear, and accepts the seed manifests and the third-party corpus.

import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import type { FieldError } from '../../../../src/engine/manifest/field-errors.ts';
import type { JsonObject } from '../../../../src/engine/manifest/types.ts';
import { validateUnguarded } from '../../../../src/engine/manifest/validate/dispatch.ts';
import { validateObject } from '../../../../src/engine/manifest/validate/index.ts';
import { SHARED, sharedExists } from '../../../support/shared.ts';
import * as f from './fixtures.ts';
import { text, withField as w } from './fixtures.ts';

const ALL = f.ALL_VALID;

/** Runs without the safety net so a validator bug fails the test instead of being swallowed. */
function strict(body: JsonObject): FieldError[] {
  const errs: FieldError[] = [];
  validateUnguarded(text(body['apiVersion']), text(body['kind']), body, errs);
  return errs;
}

/** Every subtree of `body` replaced, one at a time, by each of a few wrongly typed values. */
function* mutations(body: JsonObject): Generator<JsonObject> {
  const wrong: unknown[] = [null, 'x', 7, -1.5, true, [], {}, [null], { a: [1] }];
  function* walk(value: unknown, path: (string | number)[]): Generator<(string | number)[]> {
    if (path.length > 0) yield path;
    if (Array.isArray(value)) for (let i = 0; i < value.length; i++) yield* walk(value[i], [...path, i]);
    else if (typeof value === 'object' && value !== null)
      for (const k of Object.keys(value)) yield* walk((value as Record<string, unknown>)[k], [...path, k]);
  }
  for (const path of walk(body, [])) for (const v of wrong) yield w(body, path, v);
}

describe('wrong types', () => {
  it.each(ALL)('$kind: every field replaced by a wrong type never throws', (body) => {
    let count = 0;
    for (const mutated of mutations(body)) {
      expect(() => strict(mutated)).not.toThrow();
      count++;
    }
    expect(count).toBeGreaterThan(10);
  });

  it('a body that is not an object at all', () => {
    for (const body of [{}, { spec: null }, { metadata: 'x', spec: [] }] as JsonObject[])
      for (const base of ALL)
        expect(() =>
          strict({ ...body, apiVersion: base['apiVersion'], kind: base['kind'] } as JsonObject),
        ).not.toThrow();
  });
});

describe('prototype names are ordinary keys', () => {
  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])('%s', (key) => {
    const labels = JSON.parse(`{"${key}": "x", "app": "web"}`) as JsonObject;
    const body = w(
      w(f.deployment, ['spec', 'template', 'metadata', 'labels'], labels),
      ['spec', 'selector', 'matchLabels'],
      labels,
    );
    // `__proto__` is not a valid label key (it starts with '_'); it must be reported as one.
    const keyErrors =
      key === '__proto__'
        ? [
            ['spec', 'selector', 'matchLabels'],
            ['spec', 'template', 'labels'],
          ]
        : [];
    expect(strict(body).map((e) => e.path)).toEqual(keyErrors);
    const svc = w(f.service, ['spec', 'selector'], JSON.parse(`{"${key}": "-bad-"}`) as JsonObject);
    expect(
      strict(svc)
        .filter((e) => e.message.includes('Invalid value: "-bad-"'))
        .map((e) => e.path),
    ).toEqual([['spec', 'selector']]);
    const quota = w(f.resourceQuota, ['spec', 'hard'], JSON.parse(`{"${key}": "1"}`) as JsonObject);
    expect(strict(quota).length).toBeGreaterThan(0);
    // A selector key the template lacks must not be satisfied by Object.prototype.
    const mismatch = w(
      f.deployment,
      ['spec', 'selector', 'matchLabels'],
      JSON.parse(`{"${key}": "x"}`) as JsonObject,
    );
    // (An invalid selector key is reported instead and the selector is not matched, as upstream.)
    const expected =
      key === '__proto__' ? ['spec', 'selector', 'matchLabels'] : ['spec', 'template', 'metadata', 'labels'];
    expect(strict(mismatch).map((e) => e.path)).toEqual([expected]);
  });
});

describe('linear time', () => {
  it('a Service with 10,000 ports validates, finding the one duplicate', () => {
    const ports = Array.from({ length: 10_000 }, (_, i) => ({
      name: `p${i}`,
      port: (i % 65535) + 1,
      targetPort: 8080,
    }));
    ports.push({ name: 'p0', port: 1, targetPort: 8080 });
    const body = w(f.service, ['spec', 'ports'], ports);
    const errs = validateObject('v1', 'Service', body);
    expect(errs.map((e) => e.message)).toEqual([
      'spec.ports[10000].name: Duplicate value: "p0"',
      'spec.ports[10000]: Duplicate value: core.ServicePort{Name:"", Protocol:"TCP", AppProtocol:(*string)(nil), Port:1, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}',
    ]);
  });

  it('long invalid names get both messages (their time: the bench)', () => {
    const body = w(f.pod, ['metadata', 'name'], `${'a-'.repeat(50_000)}_`);
    const errs = validateObject('v1', 'Pod', body);
    expect(errs).toHaveLength(2);
    expect(errs[0]?.message.endsWith('": must be no more than 253 characters')).toBe(true);
    expect(errs[1]?.message.includes('": a lowercase RFC 1123 subdomain must consist')).toBe(true);
  });
});

function yamlObjects(text: string): JsonObject[] {
  const out: JsonObject[] = [];
  for (const doc of parseAllDocuments(text)) {
    let value: unknown;
    try {
      value = doc.toJS();
    } catch {
      continue;
    }
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) out.push(value as JsonObject);
  }
  return out;
}

describe.skipIf(!sharedExists())('seed manifests (k8s-networking-study-note.ko.md)', () => {
  const text = sharedExists()
    ? readFileSync(join(SHARED, 'seed/k8s-networking-study-note.ko.md'), 'utf8')
    : '';
  const objects = [...text.matchAll(/```yaml\n([\s\S]*?)```/g)].flatMap((m) => yamlObjects(m[1] ?? ''));
  const named = (kind: string, name: string) =>
    objects.find((o) => o['kind'] === kind && (o['metadata'] as JsonObject | undefined)?.['name'] === name);

  it.each([
    ['ReplicationController', 'whale-ingress-a'],
    ['ReplicationController', 'whale-ingress-b'],
    ['Service', 'whale-svc-a'],
    ['Service', 'whale-svc-b'],
    ['Service', 'whale-svc-default'],
    ['Service', 'node-js-internal'],
    ['Service', 'node-js-nodeport'],
    ['Service', 'node-js-multi'],
    ['Service', 'node-js-none'],
    ['ResourceQuota', 'test-quotas'],
    ['Namespace', 'test'],
    ['Pod', 'utility'],
  ])('%s %s is valid', (kind, name) => {
    const body = named(kind, name);
    expect(body).toBeDefined();
    if (body) expect(strict(body).map((e) => e.message)).toEqual([]);
  });
});

describe.skipIf(!sharedExists())('third-party corpus', () => {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((entry) => {
      const p = join(dir, entry);
      return statSync(p).isDirectory() ? walk(p) : /\.ya?ml$/.test(p) ? [p] : [];
    });
  const files = sharedExists() ? walk(join(SHARED, 'corpus')) : [];

  it('finds the corpus', () => expect(files.length).toBeGreaterThan(100));

  it('every document validates without throwing', () => {
    let validated = 0;
    for (const file of files)
      for (const body of yamlObjects(readFileSync(file, 'utf8'))) {
        const apiVersion = body['kind'] === 'Ingress' ? 'networking.k8s.io/v1' : text(body['apiVersion']);
        expect(() => strict(w(body, ['apiVersion'], apiVersion)), file).not.toThrow();
        expect(() => validateObject(apiVersion, text(body['kind']), body)).not.toThrow();
        validated++;
      }
    expect(validated).toBeGreaterThan(150);
  });
});
