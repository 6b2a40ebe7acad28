// Mirrors plugin/pkg/admission/resourcequota (CheckRequest) and the evaluators of
// pkg/quota/v1/evaluator/core: object counts, services.nodeports/.loadbalancers, pod scopes.
// `used` is what the quota controller recalculates: every object of the namespace, created
// before or after the quota, as admission reads status.used once the controller has synced.

import type { JsonObject } from '../manifest/types.ts';
import { arrAt, numAt, objAt, strAt } from './body-fields.ts';
import { formatCount, parseCount } from './quantity.ts';
import type { ClusterQuota, SourceRef } from './types.ts';

export type Usage = ReadonlyMap<string, number>;

/** Facts about an object that pod quota scopes look at. */
export interface ScopeFacts {
  readonly isPod: boolean;
  readonly bestEffort: boolean;
  readonly terminating: boolean;
}

interface Charge {
  readonly usage: Usage;
  readonly facts: ScopeFacts;
}

interface QuotaEntry {
  readonly namespace: string;
  readonly name: string;
  readonly hardText: Readonly<Record<string, string>>;
  readonly hard: ReadonlyMap<string, number>;
  readonly scopes: readonly string[];
  readonly used: Map<string, number>;
  readonly source: SourceRef;
}

const EVALUATED =
  /^(pods|services|services\.nodeports|services\.loadbalancers|replicationcontrollers|resourcequotas|configmaps|secrets|persistentvolumeclaims|count\/.+)$/;

/** Whether the quota's scopes select this object (scoped quotas only ever match pods). */
function scopesMatch(scopes: readonly string[], facts: ScopeFacts): boolean {
  if (scopes.length === 0) return true;
  if (!facts.isPod) return false;
  return scopes.every((scope) => {
    switch (scope) {
      case 'BestEffort':
        return facts.bestEffort;
      case 'NotBestEffort':
        return !facts.bestEffort;
      case 'Terminating':
        return facts.terminating;
      case 'NotTerminating':
        return !facts.terminating;
      default:
        return false;
    }
  });
}

/** A pod's scope facts from its spec (BestEffort: no container asks for or limits anything). */
export function podScopeFacts(spec: JsonObject | undefined): ScopeFacts {
  const containers = [...arrAt(spec, 'containers'), ...arrAt(spec, 'initContainers')];
  const bestEffort = containers.every((c) => {
    const requests = objAt(c, 'resources', 'requests');
    const limits = objAt(c, 'resources', 'limits');
    return Object.keys(requests ?? {}).length === 0 && Object.keys(limits ?? {}).length === 0;
  });
  const deadline = numAt(spec, 'activeDeadlineSeconds');
  return { isPod: true, bestEffort, terminating: deadline !== undefined && deadline >= 0 };
}

const NOT_A_POD: ScopeFacts = { isPod: false, bestEffort: false, terminating: false };

/** prettyPrint: `name=value` sorted by name, joined by commas. */
function prettyPrint(values: ReadonlyMap<string, number>, names: readonly string[]): string {
  return [...names]
    .sort()
    .map((n) => `${n}=${formatCount(values.get(n) ?? 0)}`)
    .join(',');
}

export class QuotaLedger {
  readonly #charges = new Map<string, Charge[]>();
  readonly #quotas = new Map<string, QuotaEntry[]>();
  readonly #order: QuotaEntry[] = [];

  /**
   * Admission for one create: undefined when allowed, else the error after `is forbidden: `.
   * Checks every quota of the namespace in creation order; the first one exceeded refuses.
   */
  check(namespace: string, usage: Usage, facts: ScopeFacts = NOT_A_POD): string | undefined {
    for (const quota of this.#quotas.get(namespace) ?? []) {
      if (!scopesMatch(quota.scopes, facts)) continue;
      const exceeded: string[] = [];
      const requested = new Map<string, number>();
      for (const [name, amount] of usage) {
        const hard = quota.hard.get(name);
        if (hard === undefined || amount === 0) continue;
        requested.set(name, amount);
        if ((quota.used.get(name) ?? 0) + amount > hard) exceeded.push(name);
      }
      if (exceeded.length > 0) {
        return `exceeded quota: ${quota.name}, requested: ${prettyPrint(requested, exceeded)}, used: ${prettyPrint(quota.used, exceeded)}, limited: ${prettyPrint(quota.hard, exceeded)}`;
      }
    }
    return undefined;
  }

  /** Records an admitted object in its namespace and in every quota that matches it. */
  charge(namespace: string, usage: Usage, facts: ScopeFacts = NOT_A_POD): void {
    const list = this.#charges.get(namespace) ?? [];
    list.push({ usage, facts });
    this.#charges.set(namespace, list);
    for (const quota of this.#quotas.get(namespace) ?? []) {
      if (scopesMatch(quota.scopes, facts)) addUsage(quota, usage);
    }
  }

  /** A new ResourceQuota; its `used` counts what the namespace already holds (the controller's sync). */
  addQuota(namespace: string, name: string, body: JsonObject, source: SourceRef): void {
    const hardObj = objAt(body, 'spec', 'hard') ?? {};
    const hardText: Record<string, string> = {};
    const hard = new Map<string, number>();
    for (const key of Object.keys(hardObj)) {
      const raw = hardObj[key];
      const count = parseCount(raw);
      if (typeof raw === 'string' || typeof raw === 'number') {
        Object.defineProperty(hardText, key, {
          value: count !== undefined ? formatCount(count) : String(raw),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      if (count !== undefined && EVALUATED.test(key)) hard.set(key, count);
    }
    const scopes = arrAt(body, 'spec', 'scopes').filter((s): s is string => typeof s === 'string');
    for (const expr of arrAt(body, 'spec', 'scopeSelector', 'matchExpressions')) {
      const scope = strAt(expr, 'scopeName');
      if (scope !== undefined) scopes.push(strAt(expr, 'operator') === 'Exists' ? scope : `${scope}?`);
    }
    const quota: QuotaEntry = { namespace, name, hardText, hard, scopes, used: new Map(), source };
    for (const charge of this.#charges.get(namespace) ?? []) {
      if (scopesMatch(scopes, charge.facts)) addUsage(quota, charge.usage);
    }
    const list = this.#quotas.get(namespace) ?? [];
    list.push(quota);
    this.#quotas.set(namespace, list);
    this.#order.push(quota);
  }

  /** The quotas as `kubectl describe quota` shows them at the end. */
  snapshot(): ClusterQuota[] {
    return this.#order.map((q) => {
      const used: Record<string, string> = {};
      for (const key of q.hard.keys()) {
        Object.defineProperty(used, key, {
          value: formatCount(q.used.get(key) ?? 0),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return { namespace: q.namespace, name: q.name, hard: q.hardText, used, source: q.source };
    });
  }
}

function addUsage(quota: QuotaEntry, usage: Usage): void {
  for (const [name, amount] of usage) {
    if (quota.hard.has(name)) quota.used.set(name, (quota.used.get(name) ?? 0) + amount);
  }
}
