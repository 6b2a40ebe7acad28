// The cluster model: what a control plane would have built from the applied objects.
// Plain readonly data, named as Kubernetes names it; every later stage reads only this.

import type { Diagnostic } from '../manifest/types.ts';

export type Protocol = 'TCP' | 'UDP' | 'SCTP';
export type ProxyMode = 'iptables' | 'ipvs' | 'nftables' | 'userspace';
export type Labels = Readonly<Record<string, string>>;

/** Where an object came from: the index of its ManifestObject (document order). */
export interface SourceRef {
  readonly kind: string;
  readonly namespace: string | undefined;
  readonly name: string;
  /** ManifestObject.index of the object written in the text; -1 for objects the cluster made itself. */
  readonly index: number;
}

export interface ClusterSettings {
  readonly serviceCIDR: string;
  readonly podCIDR: string;
  /** Inclusive range, default 30000-32767. */
  readonly nodePortRange: readonly [number, number];
  readonly proxyMode: ProxyMode;
  readonly seed: number;
  /** `cluster.local` */
  readonly clusterDomain: string;
}

export interface ClusterNode {
  readonly name: string;
  readonly internalIP: string;
  /** This node's slice of the pod CIDR, e.g. 10.244.1.0/24. */
  readonly podCIDR: string;
  readonly labels: Labels;
  readonly ready: boolean;
  readonly source: SourceRef | undefined;
}

export interface ContainerPort {
  readonly name: string | undefined;
  readonly containerPort: number;
  readonly protocol: Protocol;
}

export interface EnvVar {
  readonly name: string;
  readonly value: string;
}

export interface ClusterContainer {
  readonly name: string;
  readonly image: string;
  readonly ports: readonly ContainerPort[];
  /** The env the manifest declares (literal values; valueFrom shown as a description). */
  readonly env: readonly EnvVar[];
}

export interface OwnerRef {
  readonly kind: string;
  readonly name: string;
}

/** spec.dnsConfig: extra resolver settings kubelet appends (or uses alone with dnsPolicy None). */
export interface PodDNSConfig {
  readonly nameservers: readonly string[];
  readonly searches: readonly string[];
  /** `options` entries; value undefined for a bare option such as `edns0`. */
  readonly options: readonly { readonly name: string; readonly value: string | undefined }[];
}

export interface ClusterPod {
  readonly namespace: string;
  readonly name: string;
  readonly labels: Labels;
  readonly node: string;
  readonly ip: string;
  readonly hostNetwork: boolean;
  /** The Ready condition: from the manifest's status.conditions, else true once scheduled. */
  readonly ready: boolean;
  readonly phase: 'Pending' | 'Running';
  readonly owner: OwnerRef | undefined;
  readonly containers: readonly ClusterContainer[];
  readonly enableServiceLinks: boolean;
  /** spec.hostname / spec.subdomain (StatefulSet pods get both). */
  readonly hostname: string | undefined;
  readonly subdomain: string | undefined;
  readonly dnsPolicy: string;
  /** spec.dnsConfig, merged into the pod's resolv.conf by kubelet; absent when not written. */
  readonly dnsConfig?: PodDNSConfig | undefined;
  /** Set for the pods a cluster runs itself. */
  readonly system: 'coredns' | 'kube-proxy' | 'ingress-nginx' | undefined;
  /** Order in which containers started: pods see the Services that existed before (env vars). */
  readonly startOrder: number;
  /** The object in the text that made this pod (the Pod itself, or its controller). */
  readonly source: SourceRef;
}

export interface ServicePort {
  readonly name: string;
  readonly protocol: Protocol;
  readonly port: number;
  readonly targetPort: number | string;
  readonly nodePort: number | undefined;
  readonly appProtocol: string | undefined;
}

export type ServiceType = 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';

export interface ClusterService {
  readonly namespace: string;
  readonly name: string;
  readonly type: ServiceType;
  /** 'None' for headless; undefined for ExternalName. */
  readonly clusterIP: string | undefined;
  readonly ports: readonly ServicePort[];
  /** undefined: a selectorless Service (its Endpoints are the user's). */
  readonly selector: Labels | undefined;
  readonly externalName: string | undefined;
  readonly externalIPs: readonly string[];
  /** status.loadBalancer.ingress IPs (assigned by the simulated cloud for LoadBalancer). */
  readonly loadBalancerIPs: readonly string[];
  readonly loadBalancerSourceRanges: readonly string[];
  readonly sessionAffinity: 'None' | 'ClientIP';
  readonly sessionAffinityTimeoutSeconds: number;
  readonly externalTrafficPolicy: 'Cluster' | 'Local';
  readonly internalTrafficPolicy: 'Cluster' | 'Local';
  readonly healthCheckNodePort: number | undefined;
  readonly publishNotReadyAddresses: boolean;
  readonly labels: Labels;
  /** Order of creation: env vars are only seen by pods started after. */
  readonly createOrder: number;
  readonly source: SourceRef;
}

export interface EndpointAddress {
  readonly ip: string;
  readonly hostname: string | undefined;
  readonly nodeName: string | undefined;
  readonly targetRef: { readonly kind: 'Pod'; readonly namespace: string; readonly name: string } | undefined;
}

export interface EndpointPort {
  readonly name: string | undefined;
  readonly port: number;
  readonly protocol: Protocol;
}

export interface EndpointSubset {
  readonly addresses: readonly EndpointAddress[];
  readonly notReadyAddresses: readonly EndpointAddress[];
  readonly ports: readonly EndpointPort[];
}

/** v1 Endpoints, as the endpoints controller (or the user, for selectorless Services) writes it. */
export interface Endpoints {
  readonly namespace: string;
  readonly name: string;
  readonly subsets: readonly EndpointSubset[];
  /** 'controller' or 'user' (written in the text). */
  readonly managedBy: 'controller' | 'user';
}

export interface EndpointSliceEndpoint {
  readonly addresses: readonly string[];
  readonly conditions: { readonly ready: boolean; readonly serving: boolean; readonly terminating: boolean };
  readonly hostname: string | undefined;
  readonly nodeName: string | undefined;
  readonly targetRef: { readonly kind: 'Pod'; readonly namespace: string; readonly name: string } | undefined;
}

export interface EndpointSlice {
  readonly namespace: string;
  readonly name: string;
  /** kubernetes.io/service-name */
  readonly serviceName: string;
  readonly addressType: 'IPv4' | 'IPv6' | 'FQDN';
  readonly endpoints: readonly EndpointSliceEndpoint[];
  readonly ports: readonly EndpointPort[];
  readonly managedBy: 'controller' | 'user';
}

export interface ClusterNamespace {
  readonly name: string;
  readonly labels: Labels;
  readonly source: SourceRef | undefined;
}

export interface ClusterQuota {
  readonly namespace: string;
  readonly name: string;
  readonly hard: Readonly<Record<string, string>>;
  readonly used: Readonly<Record<string, string>>;
  readonly source: SourceRef;
}

export interface Rejection {
  readonly kind: string;
  readonly namespace: string | undefined;
  readonly name: string;
  /** The API server's message, e.g. `namespaces "test" not found`. */
  readonly message: string;
  readonly source: SourceRef;
}

/** A workload controller and how its pods came out (as `kubectl describe` shows it). */
export interface ControllerStatus {
  readonly kind: 'ReplicationController' | 'ReplicaSet' | 'Deployment' | 'StatefulSet' | 'DaemonSet';
  readonly namespace: string;
  readonly name: string;
  readonly desired: number;
  readonly created: number;
  /** Events, e.g. `Warning  FailedCreate  … Error creating: pods "x-abcde" is forbidden: exceeded quota: …`. */
  readonly events: readonly string[];
  readonly selector: Labels;
  readonly source: SourceRef;
}

/** An Ingress as applied (networking.k8s.io/v1 body); the ingress stage reads it. */
export interface ClusterIngress {
  readonly namespace: string;
  readonly name: string;
  readonly ingressClassName: string | undefined;
  readonly source: SourceRef;
}

export interface ClusterModel {
  readonly settings: ClusterSettings;
  readonly nodes: readonly ClusterNode[];
  readonly namespaces: readonly ClusterNamespace[];
  readonly pods: readonly ClusterPod[];
  readonly services: readonly ClusterService[];
  readonly endpoints: readonly Endpoints[];
  readonly endpointSlices: readonly EndpointSlice[];
  readonly ingresses: readonly ClusterIngress[];
  readonly quotas: readonly ClusterQuota[];
  readonly controllers: readonly ControllerStatus[];
  readonly rejected: readonly Rejection[];
  /** Semantic problems (selector matching nothing, targetPort not exposed, …), located. */
  readonly diagnostics: readonly Diagnostic[];
}
