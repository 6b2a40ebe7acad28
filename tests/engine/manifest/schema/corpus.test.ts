// Every YAML file of the shared corpus, and arbitrary JSON, through checkSchema: it never throws.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';

import type { JsonObject, JsonValue } from '../../../../src/engine/manifest/types.ts';
import { checkSchema } from '../../../../src/engine/manifest/schema/check.ts';
import { SHARED, sharedExists } from '../../../support/shared.ts';
import fields from '../../../../src/engine/manifest/schema/kubernetes.fields.json' with { type: 'json' };

const CORPUS = join(SHARED, 'corpus');
const KINDS = Object.keys(fields.kinds).map((k) => k.split(' ') as [string, string]);

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Every object of a file, `kind: List` items included. */
function objectsOf(text: string): JsonObject[] {
  const out: JsonObject[] = [];
  for (const doc of parseAllDocuments(text)) {
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: 100 });
    } catch {
      continue; // a YAML error is the parser's business, not the checker's
    }
    if (!isObject(value)) continue;
    out.push(value);
    const items = value.items;
    if (Array.isArray(items)) for (const item of items) if (isObject(item)) out.push(item);
  }
  return out;
}

describe.skipIf(!sharedExists())('checkSchema on the corpus', () => {
  const files = sharedExists() ? yamlFiles(CORPUS) : [];

  it('finds the corpus', () => {
    expect(files.length).toBeGreaterThan(100);
  });

  it('never throws, as the object says it is or as any other kind', () => {
    let checked = 0;
    for (const file of files) {
      for (const body of objectsOf(readFileSync(file, 'utf8'))) {
        const own: [string, string] = [
          typeof body.apiVersion === 'string' ? body.apiVersion : '',
          typeof body.kind === 'string' ? body.kind : '',
        ];
        for (const [apiVersion, kind] of [own, ...KINDS]) {
          const errors = checkSchema(apiVersion, kind, body);
          expect(Array.isArray(errors)).toBe(true);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });

  it('finds only real mistakes in the corpus objects it knows', () => {
    const found: string[] = [];
    for (const file of files) {
      for (const body of objectsOf(readFileSync(file, 'utf8'))) {
        for (const e of checkSchema(
          typeof body.apiVersion === 'string' ? body.apiVersion : '',
          typeof body.kind === 'string' ? body.kind : '',
          body,
        )) {
          found.push(`${file.slice(CORPUS.length + 1)}: ${e.message}`);
        }
      }
    }
    // kube-score's fixtures for the removed serviceName/servicePort backend of extensions/v1beta1,
    // written as networking.k8s.io/v1: the API server rejects them the same way.
    for (const line of found)
      expect(line).toMatch(
        /ingress.*unknown field "spec\.rules\[0\]\.http\.paths\[0\]\.backend\.service(Name|Port)"/,
      );
  });
});

describe('checkSchema on arbitrary JSON', () => {
  it('never throws and returns at most 100 errors', () => {
    const value = fc.jsonValue({ maxDepth: 6 }) as fc.Arbitrary<JsonValue>;
    const body = fc.dictionary(
      fc.constantFrom('metadata', 'spec', 'status', 'subsets', 'endpoints', 'ports', '__proto__', 'x'),
      value,
    ) as fc.Arbitrary<JsonObject>;
    fc.assert(
      fc.property(fc.constantFrom(...KINDS), body, ([apiVersion, kind], b) => {
        const errors = checkSchema(apiVersion, kind, b);
        return Array.isArray(errors) && errors.length <= 100;
      }),
      { numRuns: 2000 },
    );
  });
});
