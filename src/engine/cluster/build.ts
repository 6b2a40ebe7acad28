// buildCluster: the control plane's answer to `kubectl apply -f` of the whole text, in document
// order, on a fresh cluster (system pods and Services first), then the endpoints controllers
// and the semantic checks. Deterministic: same objects and seed → same model.

import { proxyBudgetDiagnostics } from './proxy-budget.ts';
import type { ManifestObject } from '../manifest/types.ts';
import { applyObject } from './apply.ts';
import { arrAt, boolAt, numAt, objAt, strAt } from './body-fields.ts';
import { ClusterState, type Requested } from './cluster-state.ts';
import { buildEndpoints } from './endpoints.ts';
import { buildNodes } from './nodes.ts';
import { networkPolicyDiagnostics } from '../netpol/warnings.ts';
import { semanticDiagnostics } from './semantic.ts';
import { readSimulation } from './settings.ts';
import { installIngressController, installSystem } from './system.ts';
import { timelineObjects } from './timeline.ts';
import type { ClusterModel, ClusterService } from './types.ts';

/** What the text asks for by value, so dynamic allocations never take it first. */
function collectRequested(objects: readonly ManifestObject[]): Requested {
  const clusterIPs: string[] = [];
  const nodePorts: number[] = [];
  const podIPs: string[] = [];
  const loadBalancerIPs: string[] = [];
  for (const o of objects) {
    if (o.kind === 'Service') {
      const ip = strAt(o.body, 'spec', 'clusterIP');
      if (ip !== undefined && ip !== '' && ip !== 'None') clusterIPs.push(ip);
      for (const p of arrAt(o.body, 'spec', 'ports')) {
        const np = numAt(p, 'nodePort');
        if (np !== undefined && np !== 0) nodePorts.push(np);
      }
      const hc = numAt(o.body, 'spec', 'healthCheckNodePort');
      if (hc !== undefined && hc !== 0) nodePorts.push(hc);
      for (const i of arrAt(o.body, 'status', 'loadBalancer', 'ingress')) {
        const lb = strAt(i, 'ip');
        if (lb !== undefined) loadBalancerIPs.push(lb);
      }
      const asked = strAt(o.body, 'spec', 'loadBalancerIP');
      if (asked !== undefined && asked !== '') loadBalancerIPs.push(asked);
    }
    if (o.kind === 'Pod' && boolAt(o.body, 'spec', 'hostNetwork') !== true) {
      const ip = strAt(o.body, 'status', 'podIP');
      if (ip !== undefined && ip !== '') podIPs.push(ip);
    }
  }
  return { clusterIPs, nodePorts, podIPs, loadBalancerIPs };
}

/** Pods and ReplicaSets of a pasted dump name their controller; it adopts them instead of making more. */
function collectOwnership(state: ClusterState, objects: readonly ManifestObject[]): void {
  for (const o of objects) {
    const namespace = o.namespace ?? 'default';
    if (o.kind === 'Pod') state.podsInText.add(`${namespace}/${o.name}`);
    if (o.kind !== 'Pod' && o.kind !== 'ReplicaSet') continue;
    for (const owner of arrAt(o.body, 'metadata', 'ownerReferences')) {
      if (objAt(owner) === undefined || boolAt(owner, 'controller') !== true) continue;
      const key = `${strAt(owner, 'kind') ?? ''}/${namespace}/${strAt(owner, 'name') ?? ''}`;
      state.ownedInText.set(key, (state.ownedInText.get(key) ?? 0) + 1);
    }
  }
}

/** Builds the cluster model the objects describe (only `simulated` objects take part). */
export function buildCluster(objects: readonly ManifestObject[]): ClusterModel {
  const live = objects.filter((o) => o.simulated);
  const sim = readSimulation(live);
  const nodes = buildNodes(live, sim);
  const state = new ClusterState(sim.settings, nodes, collectRequested(live));
  collectOwnership(state, live);
  const withIngress = live.some((o) => o.kind === 'Ingress');
  installSystem(state, live, withIngress);
  for (const o of live) applyObject(state, o);
  if (withIngress) installIngressController(state, live);
  // The whole text is one apply: kubelet starts containers after every object in it exists,
  // so each pod sees every Service of the text (kubelet_pods.go getServiceEnvVarMap).
  const started = state.nextSequence();
  state.pods.forEach((p, i) => (state.pods[i] = { ...p, startOrder: started }));
  // Later in the Simulation's timeline: applied after those containers started.
  for (const { object } of timelineObjects(live)) applyObject(state, object);
  const services = state.services.filter((s): s is ClusterService => s !== undefined);
  const pods = state.pods;
  const { endpoints, endpointSlices } = buildEndpoints({
    services,
    pods,
    objects: state.admitted,
  });
  const model: ClusterModel = {
    settings: state.settings,
    nodes,
    namespaces: [...state.namespaces.values()],
    pods,
    services,
    endpoints,
    endpointSlices,
    ingresses: state.ingresses,
    quotas: state.quota.snapshot(),
    controllers: state.controllers,
    rejected: state.rejected,
    diagnostics: state.diagnostics,
  };
  return {
    ...model,
    diagnostics: [
      ...state.diagnostics,
      ...semanticDiagnostics(model, objects),
      ...networkPolicyDiagnostics(model, objects),
      ...proxyBudgetDiagnostics(model.services, model.endpointSlices, objects),
    ],
  };
}
