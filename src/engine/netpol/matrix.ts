// The connectivity matrix of a namespace: every pod to every pod (itself included), as the
// upstream e2e tests tabulate it (kubernetes test/e2e/network/netpol/reachability.go: rows are
// sources, columns destinations, `.` connected and `X` blocked). The e2e tests probe one
// port and protocol; without one, each destination is probed on each port its containers declare.

import type { ClusterPod, Protocol } from '../cluster/types.ts';
import { decideConnection, policiesFor } from './decide.ts';
import type { NetworkPolicyIndex } from './policy-index.ts';
import type { PodRef, PolicyDecision, PolicyRef, PolicyType } from './types.ts';

export interface MatrixOptions {
  readonly namespace: string;
  /** One destination port for every cell; otherwise each destination's declared container ports. */
  readonly port?: number | undefined;
  /** TCP unless given; with no port, limits the declared ports to this protocol. */
  readonly protocol?: Protocol | undefined;
}

export interface MatrixProbe {
  readonly protocol: Protocol;
  /** undefined: the destination declares no port, so the question is "every port?". */
  readonly port: number | undefined;
  /** The container port's name, when the port is a declared one with a name. */
  readonly portName: string | undefined;
  readonly allowed: boolean;
  readonly droppedBy: PolicyType | undefined;
  readonly egress: PolicyDecision;
  readonly ingress: PolicyDecision;
}

export interface MatrixCell {
  readonly from: PodRef;
  readonly to: PodRef;
  /** `all` probes allowed, `none`, or `some`. */
  readonly allowed: 'all' | 'none' | 'some';
  readonly probes: readonly MatrixProbe[];
}

export interface ConnectivityMatrix {
  readonly namespace: string;
  readonly port: number | undefined;
  readonly protocol: Protocol | undefined;
  /** Row and column order (pods with an address, by name). */
  readonly pods: readonly PodRef[];
  /** Policies of the namespace that isolate at least one of its pods. */
  readonly policies: readonly PolicyRef[];
  /** cells[i][j]: pods[i] → pods[j]. */
  readonly cells: readonly (readonly MatrixCell[])[];
}

function probesFor(
  to: ClusterPod,
  opts: MatrixOptions,
): { port: number | undefined; protocol: Protocol; portName: string | undefined }[] {
  if (opts.port !== undefined)
    return [{ port: opts.port, protocol: opts.protocol ?? 'TCP', portName: undefined }];
  const seen = new Set<string>();
  const out: { port: number | undefined; protocol: Protocol; portName: string | undefined }[] = [];
  for (const c of to.containers)
    for (const p of c.ports) {
      const key = `${String(p.containerPort)}/${p.protocol}`;
      if ((opts.protocol !== undefined && p.protocol !== opts.protocol) || seen.has(key)) continue;
      seen.add(key);
      out.push({ port: p.containerPort, protocol: p.protocol, portName: p.name });
    }
  return out.length > 0 ? out : [{ port: undefined, protocol: opts.protocol ?? 'TCP', portName: undefined }];
}

/** Every pod of the namespace to every pod of it, each cell decided on both sides. */
export function connectivityMatrix(
  index: NetworkPolicyIndex,
  pods: readonly ClusterPod[],
  opts: MatrixOptions,
): ConnectivityMatrix {
  const members = pods
    .filter((p) => p.namespace === opts.namespace && p.ip !== '')
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const refs = members.map((p) => ({ namespace: p.namespace, name: p.name }));
  const isolating = new Set<string>();
  for (const pod of members)
    for (const dir of ['Ingress', 'Egress'] as const)
      for (const p of policiesFor(index, pod, dir)) isolating.add(p.name);
  const policies = (index.byNamespace.get(opts.namespace) ?? [])
    .filter((p) => isolating.has(p.name))
    .map((p) => ({ namespace: p.namespace, name: p.name }));
  const cells = members.map((from, i) =>
    members.map((to, j): MatrixCell => {
      const probes = probesFor(to, opts).map((probe): MatrixProbe => {
        const d = decideConnection(index, {
          from: { pod: from },
          to: { pod: to },
          protocol: probe.protocol,
          port: probe.port,
        });
        return { ...probe, allowed: d.allowed, droppedBy: d.droppedBy, egress: d.egress, ingress: d.ingress };
      });
      const yes = probes.filter((p) => p.allowed).length;
      return {
        from: refs[i] ?? { namespace: from.namespace, name: from.name },
        to: refs[j] ?? { namespace: to.namespace, name: to.name },
        allowed: yes === probes.length ? 'all' : yes === 0 ? 'none' : 'some',
        probes,
      };
    }),
  );
  return { namespace: opts.namespace, port: opts.port, protocol: opts.protocol, pods: refs, policies, cells };
}

/** The matrix as the e2e truth table prints it: `.` allowed, `X` blocked, `~` some ports only. */
export function renderMatrix(matrix: ConnectivityMatrix): string {
  const names = matrix.pods.map((p) => p.name);
  const width = Math.max(4, ...names.map((n) => n.length));
  const pad = (s: string): string => s.padEnd(width);
  const mark = { all: '.', none: 'X', some: '~' } as const;
  const header = [pad('-'), ...names.map(pad)].join(' ');
  const rows = matrix.cells.map((row, i) =>
    [pad(names[i] ?? ''), ...row.map((c) => pad(mark[c.allowed]))].join(' ').trimEnd(),
  );
  return [header.trimEnd(), ...rows].join('\n');
}
