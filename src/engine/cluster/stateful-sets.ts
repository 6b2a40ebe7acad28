// Mirrors pkg/controller/statefulset: pods `<name>-<ordinal>` with hostname = pod name and
// subdomain = spec.serviceName. OrderedReady (the default) creates one at a time and waits for
// each to be Running and Ready; Parallel creates them all.

import { objAt, strAt, stringMap } from './body-fields.ts';
import type { ClusterState } from './cluster-state.ts';
import { computeTemplateHash } from './pod-names.ts';
import { createPod, preparePod } from './pods.ts';
import {
  event,
  selectorOf,
  simulatedReplicas,
  type ControllerOutcome,
  type Workload,
} from './replica-sets.ts';

export function runStatefulSet(state: ClusterState, w: Workload): ControllerOutcome {
  const template = objAt(w.body, 'spec', 'template');
  const spec = objAt(template, 'spec');
  const prepared = preparePod(spec, { spec: spec ?? {} });
  const serviceName = strAt(w.body, 'spec', 'serviceName');
  const ordered = strAt(w.body, 'spec', 'podManagementPolicy') !== 'Parallel';
  const revision = `${w.name}-${computeTemplateHash(template ?? {})}`;
  const desired = simulatedReplicas(w.body);
  const events: string[] = [];
  const refused: { name: string; message: string }[] = [];
  let created = 0;
  for (let ordinal = 0; ordinal < desired; ordinal++) {
    const name = `${w.name}-${ordinal}`;
    if (state.podsInText.has(`${w.namespace}/${name}`)) {
      created++;
      continue;
    }
    const labels = {
      ...stringMap(objAt(template, 'metadata', 'labels')),
      'apps.kubernetes.io/pod-index': String(ordinal),
      'controller-revision-hash': revision,
      'statefulset.kubernetes.io/pod-name': name,
    };
    const result = createPod(
      state,
      {
        namespace: w.namespace,
        name,
        labels,
        status: undefined,
        owner: { kind: 'StatefulSet', name: w.name },
        source: w.source,
        hostname: name,
        subdomain: serviceName === '' ? undefined : serviceName,
      },
      prepared,
    );
    if (result.ok) {
      created++;
      events.push(
        event(
          'StatefulSet',
          'Normal',
          'SuccessfulCreate',
          `create Pod ${name} in StatefulSet ${w.name} successful`,
        ),
      );
      // OrderedReady waits for this pod to be Running and Ready before making the next.
      if (ordered && !result.pod.ready) break;
    } else {
      events.push(
        event(
          'StatefulSet',
          'Warning',
          'FailedCreate',
          `create Pod ${name} in StatefulSet ${w.name} failed error: ${result.message}`,
        ),
      );
      refused.push({ name, message: result.message });
      if (ordered) break;
    }
  }
  return {
    status: {
      kind: 'StatefulSet',
      namespace: w.namespace,
      name: w.name,
      desired,
      created,
      events,
      selector: selectorOf(w),
      source: w.source,
    },
    refused,
  };
}
