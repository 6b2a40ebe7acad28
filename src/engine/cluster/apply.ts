// `kubectl apply -f` of one text: each object in document order through the API server
// (admission, then storage), and the controllers' reaction to what was stored.

import type { JsonObject, ManifestObject } from '../manifest/types.ts';
import { admitCreate, reject, rejectionPath } from './admission.ts';
import { arrAt, objAt, strAt, stringMap } from './body-fields.ts';
import type { ClusterState } from './cluster-state.ts';
import { runDaemonSet } from './daemon-sets.ts';
import { createPod, preparePod } from './pods.ts';
import {
  MAX_REPLICAS,
  replicasOf,
  runDeployment,
  runReplicaSet,
  type ControllerOutcome,
  type Workload,
} from './replica-sets.ts';
import { CLUSTER_SCOPED } from './resources.ts';
import { putService, storeService } from './services.ts';
import { runStatefulSet } from './stateful-sets.ts';
import type { SourceRef } from './types.ts';

const WORKLOADS: ReadonlySet<string> = new Set([
  'ReplicationController',
  'ReplicaSet',
  'Deployment',
  'StatefulSet',
  'DaemonSet',
]);

function sourceOf(o: ManifestObject, namespace: string | undefined): SourceRef {
  return { kind: o.kind, namespace, name: o.name, index: o.index };
}

/** Cluster-scoped kinds: Namespace and IngressClass (Node and Simulation were read up front). */
function applyClusterScoped(state: ClusterState, o: ManifestObject): void {
  if (o.kind === 'Namespace') {
    const labels = {
      ...stringMap(objAt(o.body, 'metadata', 'labels')),
      'kubernetes.io/metadata.name': o.name,
    };
    state.namespaces.set(o.name, { name: o.name, labels, source: sourceOf(o, undefined) });
  }
  if (o.kind === 'IngressClass') {
    const annotation = strAt(
      o.body,
      'metadata',
      'annotations',
      'ingressclass.kubernetes.io/is-default-class',
    );
    state.ingressClasses.set(o.name, annotation === 'true');
  }
  state.admitted.push(o);
}

/** The DefaultIngressClass admission plugin: no class and no legacy annotation → the default (newest wins). */
function ingressClassOf(state: ClusterState, body: JsonObject): string | undefined {
  const written = strAt(body, 'spec', 'ingressClassName');
  if (written !== undefined) return written;
  if (strAt(body, 'metadata', 'annotations', 'kubernetes.io/ingress.class') !== undefined) return undefined;
  let chosen: string | undefined;
  for (const [name, isDefault] of state.ingressClasses) if (isDefault) chosen = name;
  return chosen;
}

function recordOutcomes(
  state: ClusterState,
  o: ManifestObject,
  outcomes: readonly ControllerOutcome[],
): void {
  for (const outcome of outcomes) {
    state.controllers.push(outcome.status);
    for (const pod of outcome.refused) {
      const source = outcome.status.source;
      state.rejected.push({
        kind: 'Pod',
        namespace: outcome.status.namespace,
        name: pod.name,
        message: pod.message,
        source,
      });
      state.diagnostics.push({
        severity: 'warning',
        message: `${outcome.status.kind} ${outcome.status.name}: Error creating: ${pod.message}`,
        range: o.locate(['spec', 'replicas']),
        path: 'spec.replicas',
        code: 'admission/pod-forbidden',
      });
    }
  }
}

const isWorkloadKind = (kind: string): kind is Workload['kind'] => WORKLOADS.has(kind);

function runWorkload(
  state: ClusterState,
  o: ManifestObject,
  namespace: string,
  kind: Workload['kind'],
): void {
  const w: Workload = { kind, namespace, name: o.name, body: o.body, source: sourceOf(o, namespace) };
  const replicas = replicasOf(o.body);
  if (kind !== 'DaemonSet' && replicas > MAX_REPLICAS)
    state.diagnostics.push({
      severity: 'warning',
      message: `spec.replicas: ${replicas} is more than Podwire simulates: it makes at most ${MAX_REPLICAS} pods per controller, so the picture stays readable and quick`,
      range: o.locate(['spec', 'replicas']),
      path: 'spec.replicas',
      code: 'cap/replicas',
    });
  switch (kind) {
    case 'Deployment':
      return recordOutcomes(state, o, runDeployment(state, w));
    case 'StatefulSet':
      return recordOutcomes(state, o, [runStatefulSet(state, w)]);
    case 'DaemonSet':
      return recordOutcomes(state, o, [runDaemonSet(state, w)]);
    default:
      return recordOutcomes(state, o, [runReplicaSet(state, w)]);
  }
}

function applyPod(state: ClusterState, o: ManifestObject, namespace: string, source: SourceRef): void {
  const owner = arrAt(o.body, 'metadata', 'ownerReferences').find(
    (r) => objAt(r) !== undefined && strAt(r, 'kind') !== undefined,
  );
  const result = createPod(
    state,
    {
      namespace,
      name: o.name,
      labels: stringMap(objAt(o.body, 'metadata', 'labels')),
      status: objAt(o.body, 'status'),
      owner:
        owner === undefined
          ? undefined
          : { kind: strAt(owner, 'kind') ?? '', name: strAt(owner, 'name') ?? '' },
      source,
    },
    preparePod(objAt(o.body, 'spec'), o.body),
  );
  if (!result.ok) return reject(state, o, source, result.message, result.code, rejectionPath(result.code));
  state.admitted.push(o);
  state.stored.add(`Pod/${namespace}/${o.name}`);
}

function applyService(
  state: ClusterState,
  o: ManifestObject,
  namespace: string,
  source: SourceRef,
  commit: (() => void) | undefined,
): boolean {
  const previous = state.serviceAt(namespace, o.name);
  const result = storeService(state, { namespace, name: o.name, body: o.body, source }, previous);
  if (!result.ok) {
    const code = result.path.includes('clusterIP') ? 'admission/cluster-ip' : 'admission/node-port';
    reject(
      state,
      o,
      source,
      `Service "${o.name}" is invalid: ${result.fieldMessage}`,
      code,
      result.path,
      result.fieldMessage,
    );
    return false;
  }
  commit?.();
  putService(state, result.service);
  return true;
}

export function applyObject(state: ClusterState, o: ManifestObject): void {
  if (o.kind === 'Simulation' || o.kind === 'Node') {
    state.admitted.push(o);
    return;
  }
  if (CLUSTER_SCOPED.has(o.kind)) return applyClusterScoped(state, o);
  const namespace = o.namespace ?? 'default';
  const source = sourceOf(o, namespace);
  const key = `${o.kind}/${namespace}/${o.name}`;
  if (state.stored.has(key)) {
    // apply of an object that exists is an update: Services keep their addresses; others stay as first applied.
    if (o.kind === 'Service') applyService(state, o, namespace, source, undefined);
    else
      state.diagnostics.push({
        severity: 'info',
        message: `${o.kind} "${o.name}" is applied twice; Podwire keeps the first`,
        range: o.locate(['metadata', 'name']),
        path: 'metadata.name',
        code: 'apply/duplicate',
      });
    return;
  }
  if (o.kind === 'Pod') return applyPod(state, o, namespace, source);
  const admission = admitCreate(state, { kind: o.kind, namespace, name: o.name, body: o.body });
  if (!admission.ok)
    return reject(state, o, source, admission.message, admission.code, rejectionPath(admission.code));
  if (o.kind === 'Service') {
    if (applyService(state, o, namespace, source, admission.admitted.commit)) {
      state.stored.add(key);
      state.admitted.push(o);
    }
    return;
  }
  admission.admitted.commit();
  state.stored.add(key);
  state.admitted.push(o);
  if (o.kind === 'ResourceQuota') state.quota.addQuota(namespace, o.name, o.body, source);
  else if (o.kind === 'Ingress')
    state.ingresses.push({
      namespace,
      name: o.name,
      ingressClassName: ingressClassOf(state, o.body),
      source,
    });
  else if (isWorkloadKind(o.kind)) runWorkload(state, o, namespace, o.kind);
}
