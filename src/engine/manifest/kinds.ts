// Which apiVersion/kind pairs an API server of today serves, which Podwire simulates, and which
// were removed (kubectl answers `no matches for kind`). Mirrors the built-in groups of
// kubernetes/kubernetes pkg/controlplane/apiserver and the API removals in the deprecation guide.

export const SIMULATED_KINDS: ReadonlyMap<string, readonly string[]> = new Map([
  ['v1', ['Pod', 'ReplicationController', 'Service', 'Endpoints', 'Namespace', 'ResourceQuota', 'Node']],
  ['apps/v1', ['ReplicaSet', 'Deployment', 'StatefulSet', 'DaemonSet']],
  ['discovery.k8s.io/v1', ['EndpointSlice']],
  ['networking.k8s.io/v1', ['Ingress', 'IngressClass', 'NetworkPolicy']],
  ['podwire.dev/v1alpha1', ['Simulation']],
]);

/** Served by a current API server but without meaning for the network picture. */
const OTHER_BUILT_IN: ReadonlyMap<string, readonly string[]> = new Map([
  [
    'v1',
    [
      'ConfigMap',
      'Secret',
      'ServiceAccount',
      'PersistentVolume',
      'PersistentVolumeClaim',
      'LimitRange',
      'Event',
      'PodTemplate',
      'Binding',
      'ComponentStatus',
    ],
  ],
  ['apps/v1', ['ControllerRevision']],
  ['batch/v1', ['Job', 'CronJob']],
  ['autoscaling/v1', ['HorizontalPodAutoscaler']],
  ['autoscaling/v2', ['HorizontalPodAutoscaler']],
  ['policy/v1', ['PodDisruptionBudget']],
  ['rbac.authorization.k8s.io/v1', ['Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding']],
  ['storage.k8s.io/v1', ['StorageClass', 'CSIDriver', 'CSINode', 'VolumeAttachment']],
  ['scheduling.k8s.io/v1', ['PriorityClass']],
  ['coordination.k8s.io/v1', ['Lease']],
  ['node.k8s.io/v1', ['RuntimeClass']],
  ['certificates.k8s.io/v1', ['CertificateSigningRequest']],
  ['apiextensions.k8s.io/v1', ['CustomResourceDefinition']],
  ['admissionregistration.k8s.io/v1', ['ValidatingWebhookConfiguration', 'MutatingWebhookConfiguration']],
  ['networking.k8s.io/v1', ['IPAddress', 'ServiceCIDR']],
]);

/** API versions no longer served, with the release that removed them and what replaces them. */
const REMOVED: ReadonlyMap<string, { readonly removedIn: string; readonly replacement: string }> = new Map([
  ['extensions/v1beta1/Ingress', { removedIn: '1.22', replacement: 'networking.k8s.io/v1' }],
  ['networking.k8s.io/v1beta1/Ingress', { removedIn: '1.22', replacement: 'networking.k8s.io/v1' }],
  ['networking.k8s.io/v1beta1/IngressClass', { removedIn: '1.22', replacement: 'networking.k8s.io/v1' }],
  ['extensions/v1beta1/Deployment', { removedIn: '1.16', replacement: 'apps/v1' }],
  ['extensions/v1beta1/DaemonSet', { removedIn: '1.16', replacement: 'apps/v1' }],
  ['extensions/v1beta1/ReplicaSet', { removedIn: '1.16', replacement: 'apps/v1' }],
  ['extensions/v1beta1/NetworkPolicy', { removedIn: '1.16', replacement: 'networking.k8s.io/v1' }],
  ['apps/v1beta1/Deployment', { removedIn: '1.16', replacement: 'apps/v1' }],
  ['apps/v1beta1/StatefulSet', { removedIn: '1.16', replacement: 'apps/v1' }],
  ['apps/v1beta2/Deployment', { removedIn: '1.16', replacement: 'apps/v1' }],
  ['apps/v1beta2/StatefulSet', { removedIn: '1.16', replacement: 'apps/v1' }],
  ['apps/v1beta2/DaemonSet', { removedIn: '1.16', replacement: 'apps/v1' }],
  ['apps/v1beta2/ReplicaSet', { removedIn: '1.16', replacement: 'apps/v1' }],
  ['discovery.k8s.io/v1beta1/EndpointSlice', { removedIn: '1.25', replacement: 'discovery.k8s.io/v1' }],
]);

export type KindStatus =
  | { readonly status: 'simulated' }
  | { readonly status: 'not-simulated' }
  | { readonly status: 'legacy-ingress' }
  | { readonly status: 'removed'; readonly removedIn: string; readonly replacement: string }
  | { readonly status: 'unknown'; readonly suggestion: string | undefined };

const lists = [SIMULATED_KINDS, OTHER_BUILT_IN];

function servedKinds(apiVersion: string): readonly string[] | undefined {
  const found = lists.flatMap((l) => l.get(apiVersion) ?? []);
  return found.length ? found : undefined;
}

function isBuiltInGroup(apiVersion: string): boolean {
  const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.lastIndexOf('/')) : '';
  if (group === '' || group === 'apps' || group === 'extensions' || group === 'podwire.dev') return true;
  return group.endsWith('.k8s.io') || ['batch', 'autoscaling', 'policy'].includes(group);
}

export function classifyKind(apiVersion: string, kind: string): KindStatus {
  if (
    (apiVersion === 'extensions/v1beta1' || apiVersion === 'networking.k8s.io/v1beta1') &&
    kind === 'Ingress'
  )
    return { status: 'legacy-ingress' };
  const removed = REMOVED.get(`${apiVersion}/${kind}`);
  if (removed) return { status: 'removed', ...removed };
  if (SIMULATED_KINDS.get(apiVersion)?.includes(kind)) return { status: 'simulated' };
  const served = servedKinds(apiVersion);
  if (served?.includes(kind)) return { status: 'not-simulated' };
  if (!isBuiltInGroup(apiVersion)) return { status: 'not-simulated' };
  // A built-in group that does not serve this kind: suggest the kind with other letter case,
  // or the group that does serve it.
  const lower = kind.toLowerCase();
  const sameGroup = served?.find((k) => k.toLowerCase() === lower);
  if (sameGroup)
    return { status: 'unknown', suggestion: `kinds are case-sensitive: did you mean "${sameGroup}"?` };
  for (const [version, kinds] of [...SIMULATED_KINDS, ...OTHER_BUILT_IN]) {
    const k = kinds.find((x) => x.toLowerCase() === lower);
    if (k) return { status: 'unknown', suggestion: `${k} is served as apiVersion "${version}"` };
  }
  return { status: 'unknown', suggestion: undefined };
}
