// Loads /work/shared/conformance/kube-proxy/iptables: the proxier config, the rule cases and the
// packet-flow tables (every file shape: flows, variants, tests[], cases[], afterEndpointSliceDeleted).

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { defaultProxyConfig } from '../../../../src/engine/proxy/input.ts';
import type { ProxyConfig } from '../../../../src/engine/proxy/types.ts';
import { SHARED } from '../../../support/shared.ts';

export const DIR = join(SHARED, 'conformance/kube-proxy/iptables');

type Raw = Record<string, unknown>;

export interface Flow {
  readonly name: string;
  readonly sourceIP: string;
  readonly destIP: string;
  readonly destPort: number;
  readonly protocol: 'TCP' | 'UDP' | 'SCTP';
  readonly output: string;
  readonly masq: boolean | undefined;
}

export interface FlowScenario {
  /** `file › test › case › variant` */
  readonly title: string;
  readonly config: ProxyConfig;
  /** The objects as YAML text (for parseManifests). */
  readonly yaml: string;
  readonly flows: readonly Flow[];
}

export function proxierConfig(overrides: Raw = {}): ProxyConfig {
  const raw = { ...(parse(readFileSync(join(DIR, 'proxier-config.yaml'), 'utf8')) as Raw), ...overrides };
  const nfacct = raw['nfacctCounters'] as Raw;
  return defaultProxyConfig({
    nodeName: raw['nodeName'] as string,
    nodeIPs: raw['nodeIPs'] as string[],
    clusterCIDR: (raw['clusterCIDR'] as string | null) ?? undefined,
    masqueradeAll: raw['masqueradeAll'] as boolean,
    masqueradeBit: raw['masqueradeBit'] as number,
    localhostNodePorts: raw['localhostNodePorts'] as boolean,
    nodePortAddresses: raw['nodePortAddresses'] as string[],
    randomFully: raw['iptablesHasRandomFully'] as boolean,
    conntrackTCPBeLiberal: raw['conntrackTCPBeLiberal'] as boolean,
    nfacct: {
      ctStateInvalidDroppedPkts: nfacct['ct_state_invalid_dropped_pkts'] === true,
      localhostNodePortsAcceptedPkts: nfacct['localhost_nps_accepted_pkts'] === true,
    },
  });
}

/** The rule cases: NAME.input.yaml, NAME.expected.txt, NAME.iptables-save.txt. */
export function ruleCases(): { name: string; input: string; expected: string; save: string }[] {
  return readdirSync(DIR)
    .filter((f) => f.endsWith('.input.yaml'))
    .sort()
    .map((f) => {
      const name = f.replace(/\.input\.yaml$/, '');
      const read = (ext: string) => readFileSync(join(DIR, `${name}${ext}`), 'utf8');
      return {
        name,
        input: read('.input.yaml'),
        expected: read('.expected.txt'),
        save: read('.iptables-save.txt'),
      };
    });
}

const toFlow = (f: Raw): Flow => ({
  name: String(f['name']),
  sourceIP: String(f['sourceIP']),
  destIP: String(f['destIP']),
  destPort: Number(f['destPort']),
  protocol: (f['protocol'] as Flow['protocol'] | undefined) ?? 'TCP',
  output: typeof f['output'] === 'string' ? f['output'] : '',
  masq: typeof f['masq'] === 'boolean' ? f['masq'] : undefined,
});

const yamlOf = (objects: unknown[]): string => objects.map((o) => stringify(o)).join('---\n');
const isSlice = (o: unknown): boolean => (o as Raw)['kind'] === 'EndpointSlice';

/** Every packet-flow scenario, with its variants and after-deletion flows expanded. */
export function flowScenarios(): FlowScenario[] {
  const out: FlowScenario[] = [];
  const dir = join(DIR, 'packet-flows');
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()) {
    const doc = parse(readFileSync(join(dir, file), 'utf8')) as Raw;
    const add = (title: string, node: Raw): void => {
      const objects = (node['objects'] as unknown[] | undefined) ?? [];
      const flows = ((node['flows'] as Raw[] | undefined) ?? []).map(toFlow);
      const base = proxierConfig();
      if (flows.length > 0) out.push({ title, config: base, yaml: yamlOf(objects), flows });
      const after = (node['afterEndpointSliceDeleted'] as Raw[] | undefined) ?? [];
      if (after.length > 0) {
        const remaining = objects.filter((o) => !isSlice(o));
        out.push({
          title: `${title} › after EndpointSlice deleted`,
          config: base,
          yaml: yamlOf(remaining),
          flows: after.map(toFlow),
        });
      }
      for (const variant of (node['variants'] as Raw[] | undefined) ?? []) {
        const overrides = variant['overrides'] as Record<string, Raw>;
        const changed: Flow[] = flows.map((f) => ({ ...f, ...(overrides[f.name] ?? {}) }));
        out.push({
          title: `${title} › ${String(variant['name'])}`,
          config: proxierConfig(variant['proxier'] as Raw),
          yaml: yamlOf(objects),
          flows: changed,
        });
      }
      for (const c of (node['cases'] as Raw[] | undefined) ?? []) add(`${title} › ${String(c['name'])}`, c);
    };
    add(file, doc);
    for (const t of (doc['tests'] as Raw[] | undefined) ?? []) add(`${file} › ${String(t['test'])}`, t);
  }
  return out;
}
