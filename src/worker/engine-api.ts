// The engine behind the worker protocol; also usable in-process (tests, fallback without workers).
// One parse runs the whole pipeline: text → objects → cluster → graph → layout.

import {
  buildCluster,
  buildGraph,
  collapseGraph,
  createParseCache,
  networkPolicyIndex,
  nodeRules,
  parseManifests,
  type ManifestObject,
} from '../engine/index.ts';
import { inspectIngress, tryUrl, type Reading } from './ingress.ts';
import { inspectItem } from './inspect.ts';
import { answerNetworkPolicies, keepPolicyIndex } from './netpol.ts';
import { createSimApi } from './sim-api.ts';
import { layoutGraph, type Point } from './layout.ts';
import { groupRuleLines } from './rule-groups.ts';
import {
  PROTOCOL_VERSION,
  type DrawOptions,
  type EngineApi,
  type ParseSummary,
  type PlacedNode,
} from './protocol.ts';

/** How many readings `inspect` can still ask about (the shown one may be an older good one). */
const KEPT_READINGS = 4;

function summarizeObjects(objects: readonly ManifestObject[]): ParseSummary['objects'] {
  return objects.map(({ apiVersion, kind, name, namespace, index, range, simulated }) => ({
    apiVersion,
    kind,
    name,
    namespace,
    index,
    range,
    simulated,
  }));
}

export function createEngineApi(now: () => number): EngineApi {
  const cache = createParseCache();
  const readings = new Map<number, Reading & { readonly nodes: readonly PlacedNode[] }>();
  let revision = 0;
  let lastGoodRevision = 0;
  let positions = new Map<string, Point>();

  async function parse(text: string, draw?: DrawOptions): Promise<ParseSummary> {
    const started = now();
    const current = ++revision;
    const { objects, diagnostics } = parseManifests(text, cache);
    const good = objects.length > 0 && !diagnostics.some((d) => d.severity === 'error');
    const cluster = objects.length > 0 ? buildCluster(objects) : undefined;
    const policies = cluster ? networkPolicyIndex(cluster, objects) : undefined;
    const graphModel = cluster
      ? collapseGraph(buildGraph(cluster, objects, policies), { expanded: draw?.expandedGroups ?? [] })
      : undefined;
    const graph = graphModel ? await layoutGraph(graphModel, positions, now) : undefined;
    if (cluster) {
      const reading = { model: cluster, objects, nodes: graph?.nodes ?? [] };
      readings.set(current, reading);
      if (policies) keepPolicyIndex(reading, policies);
    }
    if (good) lastGoodRevision = current;
    // Keep the newest readings and the last good one (what the page shows while the text is broken).
    for (const r of readings.keys())
      if (readings.size > KEPT_READINGS && r !== lastGoodRevision && r !== current) readings.delete(r);
    if (graph && good)
      positions = new Map(graph.nodes.filter((n) => !n.parent).map((n) => [n.id, { x: n.x, y: n.y }]));
    return {
      version: PROTOCOL_VERSION,
      revision: current,
      objects: summarizeObjects(objects),
      // The manifest stage's, then the cluster's (admission refusals, semantic warnings): the
      // editor marks both. `good` looks at the manifest stage only: a refused object is part of
      // the picture (shown as refused), not a reason to keep an older one.
      diagnostics: cluster ? [...diagnostics, ...cluster.diagnostics] : diagnostics,
      good,
      cluster,
      graph,
      graphSize: graphModel?.nodes.length ?? 0,
      elapsedMs: now() - started,
    };
  }

  return {
    parse,
    ...createSimApi((at) => {
      const reading = readings.get(at);
      return reading && reading.nodes.length > 0 ? { reading, nodes: reading.nodes } : undefined;
    }),
    inspect: (at, id) => {
      const reading = readings.get(at);
      if (!reading) return Promise.resolve(undefined);
      return Promise.resolve(
        id.startsWith('ing/') ? inspectIngress(reading, id) : inspectItem(reading.model, id),
      );
    },
    tryUrl: (at, url) => {
      const reading = readings.get(at);
      return Promise.resolve(
        reading?.model.ingresses.length
          ? tryUrl(reading, url)
          : { ok: false, error: 'This reading has no Ingress to route through.' },
      );
    },
    networkPolicies: (at, query) => {
      const reading = readings.get(at);
      return Promise.resolve(reading ? answerNetworkPolicies(reading, query) : undefined);
    },
    rules: (at, nodeName, mode, format) => {
      const model = readings.get(at)?.model;
      if (!model?.nodes.some((n) => n.name === nodeName)) return Promise.resolve(undefined);
      const rules = nodeRules(model, nodeName, mode, format);
      return Promise.resolve({ ...rules, groups: groupRuleLines(model, rules.text) });
    },
  };
}
