import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createEngineApi } from '../../src/worker/engine-api.ts';
import { PROTOCOL_VERSION } from '../../src/worker/protocol.ts';

const whale = readFileSync(new URL('../../src/scenarios/whale-hosting.yaml', import.meta.url), 'utf8');

describe('the engine API (as the worker hosts it)', () => {
  it('returns objects, the cluster and the laid-out graph as plain cloneable data', async () => {
    const api = createEngineApi(() => performance.now());
    const summary = await api.parse(whale);
    expect(summary.version).toBe(PROTOCOL_VERSION);
    expect(summary.good).toBe(true);
    expect(structuredClone(summary)).toEqual(summary);
    const ids = summary.graph?.nodes.map((n) => n.id) ?? [];
    expect(ids.filter((id) => /^pod\/default\/whale-ingress-[ab]-[a-z0-9]{5}$/.test(id))).toHaveLength(2);
    expect(ids).toContain('svc/default/whale-svc-a');
    expect(ids).toContain('ing/default/whale-ingress');
    console.log(
      `whale: layout ${summary.graph?.layoutMs.toFixed(1)} ms, whole parse ${summary.elapsedMs.toFixed(1)} ms`,
    );
  });

  it('inspects a pod (service env, resolv.conf) and a Service (DNS names) of a kept reading', async () => {
    const api = createEngineApi(() => performance.now());
    const first = await api.parse(whale);
    const pod = first.graph?.nodes.find((n) => n.id.startsWith('pod/default/whale-ingress-b-'));
    if (!pod) throw new Error('no pod');
    // A broken edit later: the good reading can still be inspected (the page shows it).
    const broken = await api.parse(`${whale}\n---\nkind: [\n`);
    expect(broken.good).toBe(false);
    const inspection = await api.inspect(first.revision, pod.id);
    if (inspection?.kind !== 'pod') throw new Error('not a pod');
    // kubelet injects the variables of the Services that exist when the container starts.
    expect(inspection.env[0]?.env).toContainEqual({
      name: 'WHALE_SVC_A_SERVICE_HOST',
      value: expect.stringMatching(/^10\.96\.\d+\.\d+$/) as unknown,
      origin: 'service',
    });
    expect(inspection.resolvConf).toContain('search default.svc.cluster.local');
    const service = await api.inspect(first.revision, 'svc/default/whale-svc-a');
    expect(service?.kind === 'service' && service.dns.map((r) => r.name)).toContain(
      'whale-svc-a.default.svc.cluster.local',
    );
    expect(await api.inspect(first.revision, 'pod/default/nope')).toBeUndefined();

    expect(await api.inspect(999, pod.id)).toBeUndefined();
  });
});
