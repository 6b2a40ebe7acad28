// NetworkPolicy (networking.k8s.io/v1) as plain data after the API server's defaulting, and the
// answers the CNI gives for one connection. Field names follow k8s.io/api/networking/v1 types.go.

import type { ClusterPod, Labels, Protocol, SourceRef } from '../cluster/types.ts';

export type PolicyType = 'Ingress' | 'Egress';

export interface LabelSelectorRequirement {
  readonly key: string;
  readonly operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  readonly values: readonly string[];
}

/** metav1.LabelSelector; an empty one (no labels, no expressions) selects everything. */
export interface LabelSelector {
  readonly matchLabels: Labels;
  readonly matchExpressions: readonly LabelSelectorRequirement[];
}

export interface IPBlock {
  readonly cidr: string;
  readonly except: readonly string[];
}

/** One `from`/`to` item. Both selectors in one item: pods matching both (AND). */
export interface NetworkPolicyPeer {
  readonly podSelector: LabelSelector | undefined;
  readonly namespaceSelector: LabelSelector | undefined;
  readonly ipBlock: IPBlock | undefined;
}

export interface NetworkPolicyPort {
  /** Defaulted to TCP (SetDefaults_NetworkPolicyPort). */
  readonly protocol: Protocol;
  /** A number, a named container port, or undefined: every port of the protocol. */
  readonly port: number | string | undefined;
  readonly endPort: number | undefined;
}

/** An ingress or egress rule. Empty `peers` or `ports` (missing or `[]`) match everything. */
export interface NetworkPolicyRule {
  readonly peers: readonly NetworkPolicyPeer[];
  readonly ports: readonly NetworkPolicyPort[];
}

export interface ClusterNetworkPolicy {
  readonly namespace: string;
  readonly name: string;
  readonly podSelector: LabelSelector;
  /** After defaulting: Ingress always unless written; Egress when written or when there are egress rules. */
  readonly policyTypes: readonly PolicyType[];
  /** True when the text did not write policyTypes and the API server filled them in. */
  readonly policyTypesDefaulted: boolean;
  readonly ingress: readonly NetworkPolicyRule[];
  readonly egress: readonly NetworkPolicyRule[];
  readonly source: SourceRef;
}

export interface PolicyRef {
  readonly namespace: string;
  readonly name: string;
}

export interface PodRef {
  readonly namespace: string;
  readonly name: string;
}

/** One end of a connection: a pod of the model, or an address (outside, a node, a hostNetwork pod). */
export type NetpolEndpoint = { readonly pod: ClusterPod } | { readonly ip: string };

/** A connection as the CNI sees it: after kube-proxy's DNAT, so `to` is a pod and `port` its container port. */
export interface NetpolConnection {
  readonly from: NetpolEndpoint;
  readonly to: NetpolEndpoint;
  readonly protocol: Protocol;
  /** The destination port; undefined asks "every port?" (only rules without ports match). */
  readonly port: number | undefined;
}

/** The rule that allowed a connection: `spec.ingress[0]`, and which peer and port matched. */
export interface RuleRef {
  readonly index: number;
  /** `spec.ingress[0]` or `spec.egress[1]`. */
  readonly path: string;
  /** Index in from/to; undefined when the rule has no peers (every peer). */
  readonly peer: number | undefined;
  /** Index in ports; undefined when the rule has no ports (every port). */
  readonly port: number | undefined;
}

export type DecisionReason =
  /** No policy applies to the pod in this direction. */
  | 'not-isolated'
  /** This end is not a pod of the pod network (outside, a node, a hostNetwork pod). */
  | 'not-a-pod'
  /** Ingress from the pod's own node (kubelet probes): always allowed. */
  | 'own-node'
  /** A rule of a policy applying to the pod allowed it. */
  | 'rule'
  /** The pod is isolated and no rule allowed it. */
  | 'no-rule'
  /** A reply of an allowed connection (connection tracking). */
  | 'reply';

export interface PolicyDecision {
  readonly allowed: boolean;
  readonly direction: PolicyType;
  readonly reason: DecisionReason;
  /** The pod whose policies were consulted: the destination for ingress, the source for egress. */
  readonly pod: PodRef | undefined;
  /** Set when that pod is isolated in this direction. */
  readonly isolatedPod: PodRef | undefined;
  /** Every policy applying to the pod in this direction (empty: not isolated). */
  readonly policies: readonly PolicyRef[];
  /** The policy and rule that allowed it. */
  readonly policy: PolicyRef | undefined;
  readonly rule: RuleRef | undefined;
  /** Plain English, e.g. `NetworkPolicy default/db allows it: spec.ingress[0] from[2] …`. */
  readonly explanation: string;
}

/** Both sides: egress on the source, then ingress on the destination; allowed only if both allow. */
export interface ConnectionDecision {
  readonly allowed: boolean;
  readonly egress: PolicyDecision;
  readonly ingress: PolicyDecision;
  /** The side that dropped it (egress is checked first, on the source's node). */
  readonly droppedBy: PolicyType | undefined;
  readonly explanation: string;
}
