// Mirrors pkg/controller/daemon: one pod `<name>-<5 random>` per node the template's
// nodeSelector allows, bound to that node (as its node affinity makes the scheduler do),
// created in slow-start batches. DaemonSet pods tolerate not-ready nodes.

import { objAt, stringMap } from './body-fields.ts';
import type { ClusterState } from './cluster-state.ts';
import { computeTemplateHash, generateName } from './pod-names.ts';
import { createPod, preparePod } from './pods.ts';
import {
  event,
  freshName,
  selectorOf,
  slowStartBatch,
  type ControllerOutcome,
  type Workload,
} from './replica-sets.ts';
import { rngFor } from './rng.ts';

export function runDaemonSet(state: ClusterState, w: Workload): ControllerOutcome {
  const template = objAt(w.body, 'spec', 'template');
  const templateSpec = objAt(template, 'spec') ?? {};
  const nodes = state.scheduler.eligible(stringMap(objAt(templateSpec, 'nodeSelector')));
  const labels = {
    ...stringMap(objAt(template, 'metadata', 'labels')),
    'controller-revision-hash': computeTemplateHash(template ?? {}),
    'pod-template-generation': '1',
  };
  const prepared = preparePod(templateSpec, { spec: templateSpec });
  const rng = rngFor(state.settings.seed, `DaemonSet/${w.namespace}/${w.name}`);
  const events: string[] = [];
  const refused: { name: string; message: string }[] = [];
  // Pods a pasted dump already has for this DaemonSet are adopted (approximately: by count).
  const adopted = Math.min(nodes.length, state.ownedInText.get(`DaemonSet/${w.namespace}/${w.name}`) ?? 0);
  let created = adopted;
  let next = adopted;
  slowStartBatch(nodes.length - adopted, () => {
    const node = nodes[next++];
    if (node === undefined) return false;
    const name = freshName(state, w.namespace, () => generateName(`${w.name}-`, rng));
    const result = createPod(
      state,
      {
        namespace: w.namespace,
        name,
        labels,
        status: undefined,
        owner: { kind: 'DaemonSet', name: w.name },
        source: w.source,
        system: w.system,
      },
      prepared,
      node.name,
    );
    if (result.ok) {
      created++;
      events.push(event('DaemonSet', 'Normal', 'SuccessfulCreate', `Created pod: ${name}`));
      return true;
    }
    events.push(event('DaemonSet', 'Warning', 'FailedCreate', `Error creating: ${result.message}`));
    refused.push({ name, message: result.message });
    return false;
  });
  return {
    status: {
      kind: 'DaemonSet',
      namespace: w.namespace,
      name: w.name,
      desired: nodes.length,
      created,
      events,
      selector: selectorOf(w),
      source: w.source,
    },
    refused,
  };
}
