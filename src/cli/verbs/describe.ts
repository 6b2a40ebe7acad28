// `podwire describe`: the cluster model, in the field names of design.md's CLI contract.
import type { ClusterModel } from '../../engine/index.ts';

export function describeJson(model: ClusterModel) {
  const ready = new Map<string, boolean>();
  return {
    nodes: model.nodes.map(({ name, internalIP, podCIDR }) => ({ name, internalIP, podCIDR })),
    pods: model.pods.map((p) => {
      ready.set(`${p.namespace}/${p.name}`, p.ready);
      return {
        namespace: p.namespace,
        name: p.name,
        ip: p.ip,
        node: p.node,
        ready: p.ready,
        labels: p.labels,
        owner: p.owner ?? null,
      };
    }),
    services: model.services.map((s) => ({
      namespace: s.namespace,
      name: s.name,
      type: s.type,
      clusterIP: s.clusterIP ?? null,
      ...(s.externalName === undefined ? {} : { externalName: s.externalName }),
      ports: s.ports.map((p) => ({
        name: p.name,
        protocol: p.protocol,
        port: p.port,
        targetPort: p.targetPort,
        nodePort: p.nodePort ?? null,
      })),
    })),
    endpoints: model.endpoints.map((e) => ({
      namespace: e.namespace,
      name: e.name,
      addresses: e.subsets.flatMap((s) => [
        ...s.addresses.map((a) => ({ ip: a.ip, pod: a.targetRef?.name ?? null, ready: true })),
        ...s.notReadyAddresses.map((a) => ({ ip: a.ip, pod: a.targetRef?.name ?? null, ready: false })),
      ]),
      ports: [
        ...new Map(e.subsets.flatMap((s) => s.ports).map((p) => [`${p.name ?? ''}/${p.port}`, p])).values(),
      ].map((p) => ({ name: p.name ?? null, port: p.port, protocol: p.protocol })),
    })),
    ingresses: model.ingresses.map(({ namespace, name, ingressClassName }) => ({
      namespace,
      name,
      ingressClassName: ingressClassName ?? null,
    })),
    quotas: model.quotas.map(({ namespace, name, hard, used }) => ({ namespace, name, hard, used })),
    rejected: model.rejected.map(({ kind, namespace, name, message }) => ({
      kind,
      namespace: namespace ?? null,
      name,
      message,
    })),
  };
}

function table(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return rows
    .map((r) =>
      r
        .map((c, i) => c.padEnd((widths[i] ?? 0) + 3))
        .join('')
        .trimEnd(),
    )
    .join('\n');
}

/** kubectl-get-like tables. */
export function describeHuman(model: ClusterModel): string {
  const parts: string[] = [];
  parts.push(
    table([
      ['NODE', 'INTERNAL-IP', 'POD-CIDR'],
      ...model.nodes.map((n) => [n.name, n.internalIP, n.podCIDR]),
    ]),
  );
  parts.push(
    table([
      ['NAMESPACE', 'POD', 'READY', 'IP', 'NODE'],
      ...model.pods.map((p) => [
        p.namespace,
        p.name,
        p.ready ? 'true' : 'false',
        p.ip || '<none>',
        p.node || '<none>',
      ]),
    ]),
  );
  parts.push(
    table([
      ['NAMESPACE', 'SERVICE', 'TYPE', 'CLUSTER-IP', 'PORT(S)'],
      ...model.services.map((s) => [
        s.namespace,
        s.name,
        s.type,
        s.clusterIP ?? '<none>',
        s.ports.map((p) => `${p.port}${p.nodePort ? `:${p.nodePort}` : ''}/${p.protocol}`).join(',') ||
          '<none>',
      ]),
    ]),
  );
  if (model.rejected.length > 0)
    parts.push(
      [
        'REJECTED',
        ...model.rejected.map((r) => `${r.kind} ${r.namespace ?? ''}/${r.name}: ${r.message}`),
      ].join('\n'),
    );
  return parts.join('\n\n');
}
