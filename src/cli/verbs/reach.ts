// `podwire reach`: a namespace's pods × pods under its NetworkPolicies, as the upstream e2e truth
// table prints it (`.` connected, `X` blocked; `~` when only some of the declared ports are).
import {
  connectivityMatrix,
  networkPolicyIndex,
  renderMatrix,
  type ClusterModel,
  type ConnectivityMatrix,
  type ManifestObject,
  type MatrixProbe,
  type Protocol,
} from '../../engine/index.ts';
import { UsageError } from './cluster-queries.ts';

const PROTOCOLS: readonly string[] = ['TCP', 'UDP', 'SCTP'];

export interface ReachOptions {
  readonly namespace: string;
  readonly port: string | undefined;
  readonly protocol: string | undefined;
}

function probeJson(p: MatrixProbe) {
  const side = p.droppedBy === 'Egress' ? p.egress : p.droppedBy === 'Ingress' ? p.ingress : undefined;
  return {
    protocol: p.protocol,
    port: p.port ?? null,
    portName: p.portName ?? null,
    allowed: p.allowed,
    droppedBy: p.droppedBy ?? null,
    isolatedPod: side?.isolatedPod ?? null,
    egress: { reason: p.egress.reason, policy: p.egress.policy ?? null, rule: p.egress.rule?.path ?? null },
    ingress: {
      reason: p.ingress.reason,
      policy: p.ingress.policy ?? null,
      rule: p.ingress.rule?.path ?? null,
    },
    explanation: side?.explanation ?? `${p.egress.explanation} ${p.ingress.explanation}`,
  };
}

function matrixJson(m: ConnectivityMatrix) {
  return {
    namespace: m.namespace,
    port: m.port ?? null,
    protocol: m.protocol ?? null,
    pods: m.pods.map((p) => p.name),
    policies: m.policies,
    cells: m.cells.flat().map((c) => ({
      from: c.from.name,
      to: c.to.name,
      allowed: c.allowed,
      probes: c.probes.map(probeJson),
    })),
  };
}

function human(m: ConnectivityMatrix): string {
  const probe =
    m.port !== undefined ? `${m.protocol ?? 'TCP'} ${String(m.port)}` : 'declared container ports';
  if (m.pods.length === 0) return `namespace ${m.namespace}: no pods`;
  const head = `namespace ${m.namespace}, ${probe} (rows from, columns to; . allowed, X blocked, ~ some ports)`;
  const policies =
    m.policies.length > 0
      ? `policies: ${m.policies.map((p) => p.name).join(', ')}`
      : 'policies: none (no pod is isolated)';
  const blocked = m.cells.flat().flatMap((c) =>
    c.probes
      .filter((p) => !p.allowed)
      .map((p) => {
        const side = p.droppedBy === 'Egress' ? p.egress : p.ingress;
        const port = p.port === undefined ? `${p.protocol} *` : `${p.protocol} ${String(p.port)}`;
        return `  ${c.from.name} -> ${c.to.name} ${port}: ${side.explanation}`;
      }),
  );
  return [head, renderMatrix(m), policies, ...(blocked.length > 0 ? ['blocked:', ...blocked] : [])].join(
    '\n',
  );
}

/** The matrix for the verb, or a usage error for a bad namespace, port or protocol. */
export function reach(
  model: ClusterModel,
  objects: readonly ManifestObject[],
  opts: ReachOptions,
): { json: unknown; text: string } {
  if (!model.namespaces.some((n) => n.name === opts.namespace))
    throw new UsageError(
      `namespaces "${opts.namespace}" not found; namespaces: ${model.namespaces.map((n) => n.name).join(', ')}`,
    );
  let port: number | undefined;
  if (opts.port !== undefined) {
    if (!/^\d+$/.test(opts.port) || Number(opts.port) < 1 || Number(opts.port) > 65535)
      throw new UsageError('--port must be a port number (1-65535)');
    port = Number(opts.port);
  }
  const protocol = opts.protocol?.toUpperCase();
  if (protocol !== undefined && !PROTOCOLS.includes(protocol))
    throw new UsageError(`--protocol must be one of ${PROTOCOLS.join(', ')}`);
  const matrix = connectivityMatrix(networkPolicyIndex(model, objects), model.pods, {
    namespace: opts.namespace,
    port,
    protocol: protocol as Protocol | undefined,
  });
  return { json: matrixJson(matrix), text: human(matrix) };
}
