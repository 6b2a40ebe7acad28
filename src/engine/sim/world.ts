// The cluster during a run: the model the text builds, then what happens to it in virtual time
// (readiness, deleted pods and their controllers' replacements, nodes down, objects applied or
// deleted). Every change recomputes Endpoints and EndpointSlices as their controllers would
// (cluster/endpoints.ts), so kube-proxy's rules, DNS and the ingress table follow from one model.

import { buildCluster } from '../cluster/build.ts';
import { buildEndpoints } from '../cluster/endpoints.ts';
import type { ClusterModel, ClusterPod, Labels } from '../cluster/types.ts';
import { buildIngressRouteTable } from '../ingress/route-table.ts';
import type { IngressRouteTable } from '../ingress/types.ts';
import { field, isJsonObject } from '../manifest/json-value.ts';
import type { JsonValue, ManifestObject } from '../manifest/types.ts';
import { indexNetworkPolicies, type NetworkPolicyIndex } from '../netpol/policy-index.ts';
import { readNetworkPolicies } from '../netpol/read-policies.ts';
import type { ClusterNetworkPolicy } from '../netpol/types.ts';
import { replacementPod } from './pod-replacement.ts';
import type { PodChoice, SimEvent } from './scenario.ts';

/** What the dataplane reads: the current model and its ingress table. */
export interface ClusterView {
  readonly model: ClusterModel;
  readonly table: IngressRouteTable | undefined;
  /** The enforced NetworkPolicies against the current model; undefined when there are none (no checks). */
  readonly policies: NetworkPolicyIndex | undefined;
  /** Nodes off the network (their pods unreachable). */
  isDown(node: string): boolean;
}

const indexOf = (model: ClusterModel, policies: readonly ClusterNetworkPolicy[]) =>
  policies.length > 0 ? indexNetworkPolicies(model, policies) : undefined;

/** A fixed cluster (one trace): no events. `objects` (the text) carry its NetworkPolicies. */
export function fixedView(
  model: ClusterModel,
  table: IngressRouteTable | undefined,
  objects: readonly ManifestObject[] = [],
): ClusterView {
  const down = new Set(model.nodes.filter((n) => !n.ready).map((n) => n.name));
  const policies = indexOf(model, readNetworkPolicies(model, objects));
  return { model, table, policies, isDown: (node) => down.has(node) };
}

const podKey = (p: { namespace: string; name: string }) => `${p.namespace}/${p.name}`;

function selects(selector: Labels, labels: Labels): boolean {
  return Object.entries(selector).every(([k, v]) => labels[k] === v);
}

export class World implements ClusterView {
  readonly #objects: readonly ManifestObject[];
  readonly #events: readonly SimEvent[];
  #base: ClusterModel;
  #model: ClusterModel;
  #table: IngressRouteTable | undefined | null = null;
  /** The NetworkPolicies the base model stores (read again only when the base is rebuilt). */
  #stored: readonly ClusterNetworkPolicy[] = [];
  #policies: NetworkPolicyIndex | undefined | null = null;
  #appliedUpTo: number;
  readonly #readiness = new Map<string, boolean>();
  readonly #down = new Set<string>();
  /** Nodes the text itself leaves not ready (asked for every hop: a set, not a scan). */
  #baseDown: ReadonlySet<string> = new Set();
  readonly #deleted = new Set<string>();
  readonly #deletedObjects = new Set<string>();
  #replacements: ClusterPod[] = [];

  constructor(model: ClusterModel, objects: readonly ManifestObject[], events: readonly SimEvent[]) {
    this.#objects = objects.filter((o) => o.simulated);
    this.#events = events;
    this.#appliedUpTo = 0;
    // `apply` events later than 0 are not in the cluster yet: build without them.
    const later = events.some((e) => e.action.kind === 'apply' && e.at > 0);
    this.#base = model;
    if (later) this.#setBase(...this.#rebuild());
    else this.#setBase(model, this.#objects);
    this.#model = this.#base;
  }

  get model(): ClusterModel {
    return this.#model;
  }

  get table(): IngressRouteTable | undefined {
    if (this.#table === null)
      this.#table =
        this.#model.ingresses.length > 0 ? buildIngressRouteTable(this.#model, this.#objects) : undefined;
    return this.#table;
  }

  get policies(): NetworkPolicyIndex | undefined {
    // Pods come and go between rebuilds (replacements): the index follows the current model.
    if (this.#policies === null) this.#policies = indexOf(this.#model, this.#stored);
    return this.#policies;
  }

  isDown(node: string): boolean {
    return this.#down.has(node) || this.#baseDown.has(node);
  }

  #setBase(base: ClusterModel, objects: readonly ManifestObject[]): void {
    this.#base = base;
    this.#stored = readNetworkPolicies(base, objects);
    this.#baseDown = new Set(base.nodes.filter((n) => !n.ready).map((n) => n.name));
  }

  /** Pods a readiness event names (sorted by name; the first `count` that would change). */
  choosePods(choice: PodChoice, ready: boolean): ClusterPod[] {
    const candidates = this.#model.pods
      .filter((p) => p.namespace === choice.namespace && p.ip !== '')
      .filter((p) =>
        choice.name !== undefined ? p.name === choice.name : selects(choice.selector ?? {}, p.labels),
      )
      .filter((p) => p.ready !== ready)
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return choice.count === undefined ? candidates : candidates.slice(0, choice.count);
  }

  setReady(pods: readonly { readonly namespace: string; readonly name: string }[], ready: boolean): void {
    for (const p of pods) this.#readiness.set(podKey(p), ready);
    this.#compose();
  }

  /** Deletes a pod; its controller makes a replacement. Returns the replacement's name, if any. */
  deletePod(namespace: string, name: string): string | undefined {
    const pod = this.#model.pods.find((p) => p.namespace === namespace && p.name === name);
    if (!pod) return undefined;
    const key = podKey(pod);
    this.#replacements = this.#replacements.filter((p) => podKey(p) !== key);
    if (this.#base.pods.some((p) => podKey(p) === key)) this.#deleted.add(key);
    this.#readiness.delete(key);
    const all = [...this.#base.pods, ...this.#replacements];
    const next = replacementPod(this.#base, pod, all, this.#deleted.size + this.#replacements.length);
    if (next) {
      this.#replacements.push(next);
      this.#deleted.add(key);
    }
    this.#compose();
    return next?.name;
  }

  setNode(node: string, up: boolean): void {
    if (up) this.#down.delete(node);
    else this.#down.add(node);
    this.#compose();
  }

  /** `apply` events up to `at` join the cluster: the model is built again with them. */
  applyUpTo(at: number): void {
    this.#appliedUpTo = at;
    this.#setBase(...this.#rebuild());
    this.#compose();
  }

  deleteObject(kind: string, namespace: string | undefined, name: string): void {
    this.#deletedObjects.add(`${kind}/${namespace ?? 'default'}/${name}`);
    this.#setBase(...this.#rebuild());
    this.#compose();
  }

  /** The text with later `apply` events left out and deleted objects gone, and its model. */
  #rebuild(): [ClusterModel, ManifestObject[]] {
    const gone = (o: ManifestObject) =>
      this.#deletedObjects.has(`${o.kind}/${o.namespace ?? 'default'}/${o.name}`);
    const later = new Set(
      this.#events.filter((e) => e.action.kind === 'apply' && e.at > this.#appliedUpTo).map((e) => e.index),
    );
    const objects = this.#objects
      .filter((o) => !gone(o))
      .map((o) => (o.kind === 'Simulation' ? withoutEvents(o, later, this.#deletedObjects) : o));
    return [buildCluster(objects), objects];
  }

  #compose(): void {
    const base = this.#base;
    const nodes = base.nodes.map((n) => (this.#down.has(n.name) ? { ...n, ready: false } : n));
    const pods = [...base.pods.filter((p) => !this.#deleted.has(podKey(p))), ...this.#replacements].map(
      (p) => {
        const ready = this.#down.has(p.node) ? false : (this.#readiness.get(podKey(p)) ?? p.ready);
        return ready === p.ready ? p : { ...p, ready };
      },
    );
    const { endpoints, endpointSlices } = buildEndpoints({
      services: base.services,
      pods,
      objects: this.#objects,
    });
    this.#model = { ...base, nodes, pods, endpoints, endpointSlices };
    this.#table = null;
    this.#policies = null;
  }
}

/** The Simulation object with the given `apply` events blanked (indexes kept for locations). */
function withoutEvents(
  sim: ManifestObject,
  later: ReadonlySet<number>,
  deleted: ReadonlySet<string>,
): ManifestObject {
  const spec = field(sim.body, 'spec');
  const events = isJsonObject(spec) ? field(spec, 'events') : undefined;
  if (!isJsonObject(spec) || !Array.isArray(events)) return sim;
  const kept = (events as readonly JsonValue[]).map((e, i) => {
    if (later.has(i)) return {};
    const applied = isJsonObject(e) ? field(e, 'apply') : undefined;
    const meta = isJsonObject(applied) ? field(applied, 'metadata') : undefined;
    const kind = isJsonObject(applied) ? field(applied, 'kind') : undefined;
    const name = isJsonObject(meta) ? field(meta, 'name') : undefined;
    const ns = isJsonObject(meta) ? field(meta, 'namespace') : undefined;
    const text = (v: JsonValue | undefined) => (typeof v === 'string' ? v : '');
    const key = `${text(kind)}/${typeof ns === 'string' ? ns : 'default'}/${text(name)}`;
    return deleted.has(key) ? {} : e;
  });
  return { ...sim, body: { ...sim.body, spec: { ...spec, events: kept } } };
}
