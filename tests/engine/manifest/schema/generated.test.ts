// The committed schema files are what scripts/gen-schema.ts makes from kubernetes-types today.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { generate, OUT_DIR } from '../../../../scripts/gen-schema.ts';

describe('generated schema', () => {
  const { files } = generate();

  it('is up to date (run `npm run gen:schema`)', () => {
    expect(Object.keys(files).sort()).toEqual(['kubernetes.fields.json', 'kubernetes.schema.json']);
    for (const [name, text] of Object.entries(files)) {
      expect(readFileSync(join(OUT_DIR, name), 'utf8') === text, `${name} is stale`).toBe(true);
    }
  });

  it('is deterministic', () => {
    expect(generate().files).toEqual(files);
  });

  it('stays small enough to ship to the editor', () => {
    expect(Buffer.byteLength(files['kubernetes.schema.json'] ?? '')).toBeLessThan(1.5 * 1024 * 1024);
  });

  it('keys every kind by apiVersion and kind, with descriptions for hover', () => {
    const schema = JSON.parse(files['kubernetes.schema.json'] ?? '{}') as {
      allOf: {
        if: { properties: { apiVersion: { const: string }; kind: { const: string } } };
        then: { $ref: string };
      }[];
      definitions: Record<
        string,
        { description?: string; properties?: Record<string, { description?: string; enum?: string[] }> }
      >;
    };
    const kinds = schema.allOf.map(
      (c) => `${c.if.properties.apiVersion.const} ${c.if.properties.kind.const}`,
    );
    expect(kinds).toContain('apps/v1 Deployment');
    expect(kinds).toContain('podwire.dev/v1alpha1 Simulation');
    expect(kinds).toHaveLength(16);
    for (const c of schema.allOf)
      expect(schema.definitions[c.then.$ref.replace('#/definitions/', '')]).toBeDefined();
    const spec = schema.definitions['core.v1.ServiceSpec'];
    expect(spec?.description).toMatch(/ServiceSpec describes/);
    expect(spec?.properties?.type?.enum).toEqual(['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName']);
    expect(spec?.properties?.selector?.description).toMatch(/Route service traffic/);
    expect(schema.definitions['intstr.IntOrString']).toMatchObject({ type: ['integer', 'string'] });
  });
});
