// Reads Podwire's own Simulation document (podwire.dev/v1alpha1, design.md): the flags a real
// control plane takes (--service-cluster-ip-range, --cluster-cidr, --service-node-port-range).

import { field, isJsonObject } from '../manifest/json-value.ts';
import type { JsonObject, ManifestObject } from '../manifest/types.ts';
import { parseCidr } from './ipv4.ts';
import type { ClusterSettings, ProxyMode } from './types.ts';

export const DEFAULT_SERVICE_CIDR = '10.96.0.0/12';
export const DEFAULT_POD_CIDR = '10.244.0.0/16';
export const DEFAULT_NODE_PORT_RANGE: readonly [number, number] = [30000, 32767];
const PROXY_MODES: readonly ProxyMode[] = ['iptables', 'ipvs', 'nftables', 'userspace'];

export interface SimulationSettings {
  readonly settings: ClusterSettings;
  /** Node names, a count, or undefined for the default two workers. */
  readonly nodes: readonly string[] | number | undefined;
}

const obj = (value: ReturnType<typeof field>): JsonObject | undefined =>
  isJsonObject(value ?? null) ? (value as JsonObject) : undefined;

function readRange(value: unknown): readonly [number, number] | undefined {
  if (typeof value !== 'string') return undefined;
  const m = /^\s*([0-9]{1,5})\s*-\s*([0-9]{1,5})\s*$/.exec(value);
  if (!m) return undefined;
  const lo = Number(m[1]);
  const hi = Number(m[2]);
  return lo >= 1 && hi <= 65535 && lo <= hi ? [lo, hi] : undefined;
}

function readCidr(value: unknown, fallback: string): string {
  return typeof value === 'string' && parseCidr(value) !== undefined ? value : fallback;
}

function readNodes(value: unknown): readonly string[] | number | undefined {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 100) return value;
  if (Array.isArray(value)) {
    const names = value.filter((v): v is string => typeof v === 'string' && v !== '');
    const unique = [...new Set(names)];
    return unique.length > 0 ? unique : undefined;
  }
  return undefined;
}

/** The first Simulation document decides; later ones are ignored (one scenario, one cluster). */
export function readSimulation(objects: readonly ManifestObject[]): SimulationSettings {
  const sim = objects.find((o) => o.simulated && o.kind === 'Simulation');
  const spec = obj(field(sim?.body, 'spec'));
  const cluster = obj(field(spec, 'cluster'));
  const proxy = field(cluster, 'proxyMode');
  const seed = field(spec, 'seed');
  return {
    settings: {
      serviceCIDR: readCidr(field(cluster, 'serviceCIDR'), DEFAULT_SERVICE_CIDR),
      podCIDR: readCidr(field(cluster, 'podCIDR'), DEFAULT_POD_CIDR),
      nodePortRange: readRange(field(cluster, 'nodePortRange')) ?? DEFAULT_NODE_PORT_RANGE,
      proxyMode: PROXY_MODES.find((m) => m === proxy) ?? 'iptables',
      seed: typeof seed === 'number' && Number.isSafeInteger(seed) ? seed : 1,
      clusterDomain: 'cluster.local',
    },
    nodes: readNodes(field(cluster, 'nodes')),
  };
}
