// Mirrors kubernetes' per-kind Validate<Kind> entry points (pkg/apis/{core,apps,networking,
// discovery}/validation): which validator runs for which apiVersion and kind.

import type { JsonObject } from '../types.ts';
import { validateEndpointSlice, validateEndpoints } from './endpoints.ts';
import { validateIngress, validateIngressClass } from './ingress.ts';
import { nameIsDnsSubdomain } from './names.ts';
import { validateNetworkPolicy } from './network-policy.ts';
import { validateNamespace, validateNode } from './node.ts';
import { validateObjectMeta, type Errors } from './object-meta.ts';
import { validatePodSpec } from './pod-spec.ts';
import { obj } from './read-fields.ts';
import { validateResourceQuota } from './resource-quota.ts';
import { validateService } from './service.ts';
import { validateSimulation } from './simulation.ts';
import { validateAppsWorkload, validateReplicationController } from './workloads.ts';

type Validator = (body: JsonObject, errs: Errors) => void;

function validatePod(body: JsonObject, errs: Errors): void {
  validateObjectMeta(body, { nameFn: nameIsDnsSubdomain, namespaced: true }, errs);
  validatePodSpec(obj(body, 'spec'), ['spec'], errs);
}

/** `apiVersion kind` → validator. Ingress arrives normalized to networking.k8s.io/v1. */
const VALIDATORS: ReadonlyMap<string, Validator> = new Map<string, Validator>([
  ['v1 Pod', validatePod],
  ['v1 ReplicationController', validateReplicationController],
  ['v1 Service', validateService],
  ['v1 Endpoints', validateEndpoints],
  ['v1 Namespace', validateNamespace],
  ['v1 Node', validateNode],
  ['v1 ResourceQuota', validateResourceQuota],
  ['apps/v1 ReplicaSet', (b, e) => validateAppsWorkload('ReplicaSet', b, e)],
  ['apps/v1 Deployment', (b, e) => validateAppsWorkload('Deployment', b, e)],
  ['apps/v1 StatefulSet', (b, e) => validateAppsWorkload('StatefulSet', b, e)],
  ['apps/v1 DaemonSet', (b, e) => validateAppsWorkload('DaemonSet', b, e)],
  ['discovery.k8s.io/v1 EndpointSlice', validateEndpointSlice],
  ['networking.k8s.io/v1 Ingress', validateIngress],
  ['networking.k8s.io/v1 IngressClass', validateIngressClass],
  ['networking.k8s.io/v1 NetworkPolicy', validateNetworkPolicy],
  ['podwire.dev/v1alpha1 Simulation', validateSimulation],
]);

/** Runs the kind's validator without a safety net (tests use this to surface bugs). */
export function validateUnguarded(apiVersion: string, kind: string, body: JsonObject, errs: Errors): void {
  VALIDATORS.get(`${apiVersion} ${kind}`)?.(body, errs);
}
