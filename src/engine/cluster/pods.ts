// A pod's way from create to running: admission (namespace, quota), the scheduler (or the
// spec.nodeName it already has), then an IP from the node's pool (the node's own IP for
// hostNetwork). What a pasted `kubectl get -o yaml` dump says (nodeName, podIP, Ready) is kept.

import type { JsonObject } from '../manifest/types.ts';
import { admitCreate } from './admission.ts';
import { arrAt, strAt } from './body-fields.ts';
import type { ClusterState } from './cluster-state.ts';
import { readPodSpec, type PodSpecView } from './pod-spec.ts';
import { podScopeFacts, type ScopeFacts, type Usage } from './quota.ts';
import { usageOf } from './resources.ts';
import type { ClusterPod, Labels, OwnerRef, SourceRef } from './types.ts';

export interface PodDraft {
  readonly namespace: string;
  readonly name: string;
  readonly labels: Labels;
  /** status of a pasted dump (podIP, conditions); undefined for new pods. */
  readonly status: JsonObject | undefined;
  readonly owner: OwnerRef | undefined;
  readonly source: SourceRef;
  readonly system?: ClusterPod['system'];
  /** StatefulSet pods: hostname = pod name, subdomain = serviceName. */
  readonly hostname?: string | undefined;
  readonly subdomain?: string | undefined;
}

/** What every pod of one template shares, read once: the spec view, its quota usage and scopes. */
export interface PreparedPod {
  readonly spec: PodSpecView;
  readonly body: JsonObject;
  readonly usage: Usage;
  readonly facts: ScopeFacts;
}

export function preparePod(spec: JsonObject | undefined, body: JsonObject): PreparedPod {
  return { spec: readPodSpec(spec), body, usage: usageOf('Pod', body), facts: podScopeFacts(spec) };
}

export type PodResult =
  | { readonly ok: true; readonly pod: ClusterPod }
  | { readonly ok: false; readonly message: string; readonly code: string };

/** The Ready condition a dump carries; undefined when it says nothing. */
function writtenReady(status: JsonObject | undefined): boolean | undefined {
  const ready = arrAt(status, 'conditions').find((c) => strAt(c, 'type') === 'Ready');
  return ready === undefined ? undefined : strAt(ready, 'status') === 'True';
}

/** Creates one pod; `nodeName` binds it directly (DaemonSet pods). */
export function createPod(
  state: ClusterState,
  draft: PodDraft,
  prepared: PreparedPod,
  nodeName?: string,
): PodResult {
  const { spec, body, usage, facts } = prepared;
  const admission = admitCreate(state, {
    kind: 'Pod',
    namespace: draft.namespace,
    name: draft.name,
    body,
    usage,
    facts,
  });
  if (!admission.ok) return admission;
  admission.admitted.commit();
  const boundTo = nodeName ?? spec.nodeName;
  const node =
    boundTo !== undefined ? state.scheduler.node(boundTo) : state.scheduler.schedule(spec.nodeSelector);
  const bound = boundTo ?? node?.name ?? '';
  if (bound !== '') state.scheduler.bind(bound);
  // A pod bound to a node that does not exist never starts: no kubelet will run it.
  const running = node !== undefined;
  let ip = '';
  const writtenIP = strAt(draft.status, 'podIP');
  if (running && spec.hostNetwork) ip = node.internalIP;
  else if (running && writtenIP !== undefined && writtenIP !== '') ip = writtenIP;
  else if (running) ip = state.podPools.get(node.name)?.allocate() ?? '';
  const phase = running && ip !== '' ? 'Running' : 'Pending';
  const pod: ClusterPod = {
    namespace: draft.namespace,
    name: draft.name,
    labels: draft.labels,
    node: bound,
    ip,
    hostNetwork: spec.hostNetwork,
    ready: phase === 'Running' && (writtenReady(draft.status) ?? true),
    phase,
    owner: draft.owner,
    containers: spec.containers,
    enableServiceLinks: spec.enableServiceLinks,
    hostname: draft.hostname ?? spec.hostname,
    subdomain: draft.subdomain ?? spec.subdomain,
    dnsPolicy: spec.dnsPolicy,
    system: draft.system,
    startOrder: state.nextSequence(),
    source: draft.source,
  };
  state.pods.push(pod);
  state.podKeys.add(`${pod.namespace}/${pod.name}`);
  return { ok: true, pod };
}
