// `podwire trace`: one request, hop by hop, from any source to any target — a one-request run of
// the simulator (simulation.ts), so the CLI, the tests and the app share one code path.

import type { ClusterModel } from '../cluster/types.ts';
import type { IngressRouteTable } from '../ingress/types.ts';
import type { ManifestObject } from '../manifest/types.ts';
import { peerFor } from './peers.ts';
import { createRun, requestProblem } from './simulation.ts';
import type { SimHop } from './sim-types.ts';
import type { TraceAnswer, TraceHop, TraceOptions } from './trace-types.ts';
import { fixedView } from './world.ts';

export { EXTERNAL_CLIENT_IP } from './peers.ts';

/** A hop of a trace: the contract's fields, plus `from`, `to`, `status`, `reply` and `via`. */
export type TracedHop = TraceHop & Pick<SimHop, 'from' | 'to' | 'status' | 'reply' | 'via'>;

function traceHop(h: SimHop): TracedHop {
  return {
    at: h.at,
    where: h.where,
    kind: h.kind,
    description: h.description,
    ...(h.rule !== undefined ? { rule: h.rule } : {}),
    ...(h.before !== undefined ? { before: h.before } : {}),
    ...(h.after !== undefined ? { after: h.after } : {}),
    from: h.from,
    to: h.to,
    status: h.status,
    reply: h.reply,
    ...(h.via !== undefined ? { via: h.via } : {}),
  };
}

/**
 * Traces one request; `table` is the ingress route table of the same model (undefined: no Ingress);
 * `objects` (the text the model was built from) carry the NetworkPolicies the run enforces.
 */
export function traceRequest(
  model: ClusterModel,
  table: IngressRouteTable | undefined,
  options: TraceOptions,
  objects: readonly ManifestObject[] = [],
): TraceAnswer {
  const problem = requestProblem(options.from, options.to);
  if (problem !== undefined) return { ok: false, error: problem };
  const peer = peerFor(model, options.from);
  if (typeof peer === 'string') return { ok: false, error: `--from ${options.from}: ${peer}` };
  const run = createRun(fixedView(model, table, objects), undefined, {
    seed: options.seed ?? model.settings.seed,
    ...(options.proxyMode ? { proxyMode: options.proxyMode } : {}),
    traffic: [],
    script: [],
  });
  run.send(options.from, options.to);
  run.advance(Infinity);
  const r = run.results()[0];
  if (!r) return { ok: false, error: 'the request did not finish' };
  return {
    ok: true,
    result: {
      outcome: r.outcome,
      ...(r.httpStatus !== undefined ? { httpStatus: r.httpStatus } : {}),
      ...(r.ingress ? { ingress: r.ingress } : {}),
      ...(r.service ? { service: r.service } : {}),
      ...(r.backend ? { backend: r.backend } : {}),
      hops: r.hops.map(traceHop),
    },
  };
}
