import { describe, expect, it } from 'vitest';
import { parseManifests, readEvents, readTraffic } from '../../../src/engine/index.ts';

// The Simulation document's `traffic` and `events` grammar, and the located errors for bad events.
const doc = (spec: string) =>
  `apiVersion: podwire.dev/v1alpha1\nkind: Simulation\nmetadata: {name: s}\nspec:\n${spec.replace(/^/gm, '  ')}`;

describe('traffic and events', () => {
  it('reads flows (rate 1 by default) and events in time order, durations in ms', () => {
    const { objects, diagnostics } = parseManifests(
      doc(`traffic:
- {from: external, to: "http://a/", rate: 2}
- {from: pod/test/utility, to: "b:80"}
events:
- {at: 10s, notReady: {namespace: default, selector: {app: web}, count: 1}}
- {at: 500ms, nodeDown: node-2}
- {at: 1m30s, ready: {name: web-1}}
- {at: 2, deletePod: {name: web-2}}
- {at: 3s, nodeUp: node-2}
- {at: 4s, delete: {kind: Service, name: web}}
- at: 5s
  apply: {apiVersion: v1, kind: Service, metadata: {name: late}, spec: {ports: [{port: 80}]}}`),
    );
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(readTraffic(objects)).toEqual([
      { from: 'external', to: 'http://a/', rate: 2 },
      { from: 'pod/test/utility', to: 'b:80' },
    ]);
    expect(readEvents(objects).map((e) => [e.at, e.action.kind])).toEqual([
      [500, 'nodeDown'],
      [2000, 'deletePod'],
      [3000, 'nodeUp'],
      [4000, 'delete'],
      [5000, 'apply'],
      [10000, 'notReady'],
      [90000, 'ready'],
    ]);
    expect(readEvents(objects).at(-2)?.action).toEqual({
      kind: 'notReady',
      pods: { namespace: 'default', name: undefined, selector: { app: 'web' }, count: 1 },
    });
  });

  it('reports bad events where they are written', () => {
    const { diagnostics } = parseManifests(
      doc(`events:
- {at: soon, nodeDown: node-1}
- {at: 1s}
- {at: 1s, nodeDown: node-1, nodeUp: node-2}
- {at: 1s, notReady: {namespace: default, count: -1}}
- {nodeDown: 7}`),
    );
    const errors = diagnostics
      .filter((d) => d.severity === 'error')
      .map((d) => [d.range?.start.line, d.message]);
    expect(errors).toEqual([
      [
        6,
        `spec.events[0].at: Invalid value: "soon": must be a duration such as '10s', '500ms' or '1m30s', or a number of seconds`,
      ],
      [
        7,
        'spec.events[1]: Required value: must have one of notReady, ready, deletePod, nodeDown, nodeUp, apply, delete',
      ],
      [8, 'spec.events[2].nodeUp: Forbidden: an event has one action and this one has nodeDown'],
      [9, 'spec.events[3].notReady.selector: Required value: a selector or a name'],
      [9, 'spec.events[3].notReady.count: Invalid value: -1: must be a non-negative integer'],
      [10, 'spec.events[4].at: Required value'],
      [10, 'spec.events[4].nodeDown: Invalid value: 7: must be the name of a node'],
    ]);
  });
});
