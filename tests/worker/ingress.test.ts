import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createEngineApi } from '../../src/worker/engine-api.ts';

// The Ingress inspector and "try a URL" as the worker answers them, on the whale scenario.
const whale = readFileSync(new URL('../../src/scenarios/whale-hosting.yaml', import.meta.url), 'utf8');

describe('the ingress view in the worker', () => {
  it("lists the Ingress's routes with the path each one's requests take", async () => {
    const api = createEngineApi(() => performance.now());
    const reading = await api.parse(whale);
    const inspection = await api.inspect(reading.revision, 'ing/default/whale-ingress');
    if (inspection?.kind !== 'ingress') throw new Error('not an ingress inspection');
    expect(structuredClone(inspection)).toEqual(inspection);
    expect(inspection.served).toBe(true);
    expect(inspection.className).toBe('nginx');
    expect(inspection.address).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    const rows = inspection.routes.filter((r) => !r.isDefaultBackend);
    expect(rows.map((r) => [r.host, r.path, r.pathType, r.backend])).toEqual([
      ['a.whale.hey', '/', 'Prefix', 'whale-svc-a:80'],
      ['b.whale.hey', '/', 'Prefix', 'whale-svc-b:80'],
    ]);
    const podA = reading.cluster?.pods.find((p) => p.name.startsWith('whale-ingress-a-'));
    expect(rows[0]?.pathIds).toEqual([
      'ing/default/whale-ingress',
      'svc/default/whale-svc-a',
      `pod/default/${podA?.name ?? ''}`,
    ]);
  });

  it('answers a URL with the rule, Service and pod, and why the other hosts did not match', async () => {
    const api = createEngineApi(() => performance.now());
    const reading = await api.parse(whale);
    const answer = await api.tryUrl(reading.revision, 'http://b.whale.hey/index.html');
    if (!answer.ok) throw new Error(answer.error);
    expect(answer.httpStatus).toBe(200);
    expect(answer.rule).toEqual({ id: 'ing/default/whale-ingress', host: 'b.whale.hey', path: '/' });
    expect(answer.service).toBe('default/whale-svc-b:80');
    expect(answer.pod).toMatch(/^default\/whale-ingress-b-[a-z0-9]{5}$/);
    expect(answer.upstreamPath).toBe('/index.html');
    expect(answer.hosts.find((h) => h.label === 'a.whale.hey')?.matched).toBe(false);
    expect(answer.hosts.find((h) => h.label === 'b.whale.hey')?.matched).toBe(true);
    expect(answer.pathIds).toHaveLength(3);

    const missing = await api.tryUrl(reading.revision, 'http://nowhere.example/');
    expect(missing.ok && missing.httpStatus).toBe(404);
    expect(missing.ok && missing.pathIds).toEqual([]);
    expect((await api.tryUrl(reading.revision, 'two words')).ok).toBe(false);
  });

  it('says when a reading has no Ingress', async () => {
    const api = createEngineApi(() => performance.now());
    const reading = await api.parse(
      'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec: {ports: [{port: 80}]}\n',
    );
    const answer = await api.tryUrl(reading.revision, 'http://x/');
    expect(answer.ok).toBe(false);
  });
});
