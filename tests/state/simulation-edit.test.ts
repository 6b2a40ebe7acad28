import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSimulation, buildCluster, parseManifests, readEvents } from '../../src/engine/index.ts';
import { addEventToText, durationText } from '../../src/state/simulation-edit.ts';

const whale = readFileSync(join(import.meta.dirname, '../../src/scenarios/whale-hosting.yaml'), 'utf8');
const service = 'apiVersion: v1\nkind: Service   # spacing  kept\nmetadata: {name: a}\n';

describe('addEventToText (a failure toggled in the player is written into the text)', () => {
  it('adds spec.events to the whale Simulation: the engine reads it back, with no diagnostics', () => {
    const after = addEventToText(
      whale,
      { action: 'notReady', namespace: 'default', name: 'whale-a' },
      12_340,
    );
    expect(after).toBeDefined();
    const parsed = parseManifests(after ?? '');
    expect(parsed.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const events = readEvents(parsed.objects);
    expect(events).toHaveLength(1);
    expect(events[0]?.at).toBe(12_300);
    expect(JSON.stringify(events[0])).toContain('whale-a');
    // Every document before the Simulation is byte for byte the same.
    const simAt = whale.indexOf('kind: Simulation');
    const cut = whale.lastIndexOf('---', simAt);
    expect(after?.slice(0, cut)).toBe(whale.slice(0, cut));
  });

  it('appends to the events already there, in order', () => {
    const once = addEventToText(whale, { action: 'nodeDown', node: 'node-2' }, 5_000) ?? '';
    const twice = addEventToText(once, { action: 'nodeUp', node: 'node-2' }, 9_000) ?? '';
    const events = readEvents(parseManifests(twice).objects);
    expect(events.map((e) => [e.at, JSON.stringify(e)])).toHaveLength(2);
    expect(events[0]?.at).toBe(5_000);
    expect(events[1]?.at).toBe(9_000);
    expect(twice).toMatch(/nodeDown: node-2[\s\S]*nodeUp: node-2/);
  });

  it('appends a minimal Simulation document when there is none', () => {
    const after = addEventToText(service, { action: 'deletePod', namespace: 'test', name: 'utility' }, 0);
    expect(after).toBe(
      `${service}---\napiVersion: podwire.dev/v1alpha1\nkind: Simulation\nmetadata:\n  name: scenario\nspec:\n  events:\n    - at: 0s\n      deletePod:\n        namespace: test\n        name: utility\n`,
    );
  });

  it('refuses to rewrite a Simulation document that does not read cleanly', () => {
    const broken = `${service}---\napiVersion: podwire.dev/v1alpha1\nkind: Simulation\nspec: [unclosed\n`;
    expect(addEventToText(broken, { action: 'nodeDown', node: 'node-1' }, 1_000)).toBeUndefined();
  });

  it('replays: the scripted not-ready takes the pod out of the endpoints at that time', () => {
    const { objects } = parseManifests(whale);
    const model = buildCluster(objects);
    const pod = model.pods.find((p) => p.labels.app === 'whale-ingress-a');
    expect(pod).toBeDefined();
    const text =
      addEventToText(
        whale,
        { action: 'notReady', namespace: pod?.namespace ?? '', name: pod?.name ?? '' },
        2_000,
      ) ?? '';
    const next = parseManifests(text);
    const sim = createSimulation(buildCluster(next.objects), next.objects, {});
    sim.advance(3_000);
    const happened = sim.clusterEvents().map((e) => JSON.stringify(e));
    expect(happened.join('\n')).toContain(pod?.name ?? '?');
  });

  it('writes virtual time in tenths of a second', () => {
    expect(durationText(0)).toBe('0s');
    expect(durationText(12_345)).toBe('12.3s');
    expect(durationText(60_000)).toBe('60s');
  });
});
