// Mirrors pkg/controller/replicaset (which also runs ReplicationControllers) and
// pkg/controller/deployment: pods `<name>-<5 random>` created in slow-start batches (1, 2, 4…;
// a batch with a failure stops the sync), Deployments → ReplicaSet `<name>-<pod-template-hash>`.

import type { JsonObject } from '../manifest/types.ts';
import { admitCreate } from './admission.ts';
import { numAt, objAt, stringMap } from './body-fields.ts';
import type { ClusterState } from './cluster-state.ts';
import { computeTemplateHash, generateName } from './pod-names.ts';
import { createPod, preparePod } from './pods.ts';
import { rngFor } from './rng.ts';
import type { ClusterPod, ControllerStatus, Labels, SourceRef } from './types.ts';

export interface Workload {
  readonly kind: ControllerStatus['kind'];
  readonly namespace: string;
  readonly name: string;
  readonly body: JsonObject;
  readonly source: SourceRef;
  readonly system?: ClusterPod['system'];
}

export interface ControllerOutcome {
  readonly status: ControllerStatus;
  /** Pods the API server refused, with its message. */
  readonly refused: readonly { readonly name: string; readonly message: string }[];
}

const FROM: Readonly<Record<ControllerStatus['kind'], string>> = {
  ReplicationController: 'replication-controller',
  ReplicaSet: 'replicaset-controller',
  Deployment: 'deployment-controller',
  StatefulSet: 'statefulset-controller',
  DaemonSet: 'daemonset-controller',
};

/** One line of `kubectl describe` Events: type, reason, from, message. */
export function event(
  kind: ControllerStatus['kind'],
  type: 'Normal' | 'Warning',
  reason: string,
  message: string,
): string {
  return `${type}  ${reason}  ${FROM[kind]}  ${message}`;
}

/** slowStartBatch: calls `create` in batches of 1, 2, 4, …; stops after a batch with a failure. */
export function slowStartBatch(count: number, create: () => boolean): void {
  let remaining = count;
  let batch = Math.min(remaining, 1);
  while (batch > 0) {
    let failed = false;
    for (let i = 0; i < batch; i++) if (!create()) failed = true;
    if (failed) return;
    remaining -= batch;
    batch = Math.min(2 * batch, remaining);
  }
}

/**
 * Pods Podwire makes per controller. The API server allows any int32; past this the picture is
 * unreadable and a build takes seconds (1,000,000 replicas took 22 s), so the rest are not made.
 */
export const MAX_REPLICAS = 1000;

/** `spec.replicas` as the controller reads it, capped at MAX_REPLICAS (apply.ts says so). */
export function simulatedReplicas(body: JsonObject): number {
  return Math.min(replicasOf(body), MAX_REPLICAS);
}

export function replicasOf(body: JsonObject): number {
  const replicas = numAt(body, 'spec', 'replicas');
  return replicas !== undefined && Number.isInteger(replicas) && replicas >= 0 ? replicas : 1;
}

/** The selector a controller reports: RC defaults to the template labels; apps/v1 uses matchLabels. */
export function selectorOf(w: Workload): Labels {
  if (w.kind === 'ReplicationController') {
    const selector = objAt(w.body, 'spec', 'selector');
    return selector !== undefined
      ? stringMap(selector)
      : stringMap(objAt(w.body, 'spec', 'template', 'metadata', 'labels'));
  }
  return stringMap(objAt(w.body, 'spec', 'selector', 'matchLabels'));
}

/** A pod name the namespace does not hold yet (a clash is an AlreadyExists and a retry upstream). */
export function freshName(state: ClusterState, namespace: string, next: () => string): string {
  for (;;) {
    const name = next();
    if (!state.podKeys.has(`${namespace}/${name}`)) return name;
  }
}

/** ReplicationController or ReplicaSet: `replicas` pods from the template. */
export function runReplicaSet(state: ClusterState, w: Workload, extraLabels: Labels = {}): ControllerOutcome {
  const template = objAt(w.body, 'spec', 'template');
  const labels = { ...stringMap(objAt(template, 'metadata', 'labels')), ...extraLabels };
  const spec = objAt(template, 'spec');
  const prepared = preparePod(spec, { spec: spec ?? {} });
  const rng = rngFor(state.settings.seed, `${w.kind}/${w.namespace}/${w.name}`);
  const desired = simulatedReplicas(w.body);
  const events: string[] = [];
  const refused: { name: string; message: string }[] = [];
  // Pods of this controller already in the text (a pasted dump) are adopted, not made again.
  const adopted = Math.min(desired, state.ownedInText.get(`${w.kind}/${w.namespace}/${w.name}`) ?? 0);
  let created = adopted;
  slowStartBatch(desired - adopted, () => {
    const name = freshName(state, w.namespace, () => generateName(`${w.name}-`, rng));
    const result = createPod(
      state,
      {
        namespace: w.namespace,
        name,
        labels,
        status: undefined,
        owner: { kind: w.kind, name: w.name },
        source: w.source,
        system: w.system,
      },
      prepared,
    );
    if (result.ok) {
      created++;
      events.push(event(w.kind, 'Normal', 'SuccessfulCreate', `Created pod: ${name}`));
      return true;
    }
    events.push(event(w.kind, 'Warning', 'FailedCreate', `Error creating: ${result.message}`));
    refused.push({ name, message: result.message });
    return false;
  });
  const status: ControllerStatus = {
    kind: w.kind,
    namespace: w.namespace,
    name: w.name,
    desired,
    created,
    events,
    selector: selectorOf(w),
    source: w.source,
  };
  return { status, refused };
}

/** Deployment: a ReplicaSet named after the template hash (admitted like any object), then its pods. */
export function runDeployment(state: ClusterState, w: Workload): ControllerOutcome[] {
  const template = objAt(w.body, 'spec', 'template') ?? {};
  const hash = computeTemplateHash(template);
  const rsName = `${w.name}-${hash}`;
  const desired = replicasOf(w.body);
  const selector = { ...selectorOf(w), 'pod-template-hash': hash };
  const rsBody: JsonObject = {
    metadata: {
      name: rsName,
      namespace: w.namespace,
      labels: { ...stringMap(objAt(template, 'metadata', 'labels')), 'pod-template-hash': hash },
    },
    spec: { replicas: desired, selector: { matchLabels: selector }, template },
  };
  const deployment = (events: string[], created: number): ControllerStatus => ({
    kind: 'Deployment',
    namespace: w.namespace,
    name: w.name,
    desired,
    created,
    events,
    selector: selectorOf(w),
    source: w.source,
  });
  // A dump that holds the Deployment's ReplicaSet too: that ReplicaSet does the work.
  if ((state.ownedInText.get(`Deployment/${w.namespace}/${w.name}`) ?? 0) > 0)
    return [{ status: deployment([], desired), refused: [] }];
  const admission = admitCreate(state, {
    kind: 'ReplicaSet',
    namespace: w.namespace,
    name: rsName,
    body: rsBody,
  });
  if (!admission.ok) {
    const message = `Failed to create new replica set "${rsName}": ${admission.message}`;
    return [
      {
        status: deployment([event('Deployment', 'Warning', 'ReplicaSetCreateError', message)], 0),
        refused: [],
      },
    ];
  }
  admission.admitted.commit();
  const rs = runReplicaSet(
    state,
    {
      kind: 'ReplicaSet',
      namespace: w.namespace,
      name: rsName,
      body: rsBody,
      source: w.source,
      system: w.system,
    },
    { 'pod-template-hash': hash },
  );
  const scaled = event(
    'Deployment',
    'Normal',
    'ScalingReplicaSet',
    `Scaled up replica set ${rsName} from 0 to ${desired}`,
  );
  return [{ status: deployment([scaled], rs.status.created), refused: [] }, rs];
}
