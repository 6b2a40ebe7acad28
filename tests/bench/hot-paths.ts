// Hot paths the unit tests once timed (tests assert answers; times belong here): a Service with
// 10,000 ports, a 100,000-character invalid name, the endpoints of 2,000 pods behind 300
// Services, and the layout of ~2,000 pods. Targets: the limits those tests asserted, or 2 s (no hang).
import type * as Engine from '../../src/engine/index.ts';
import { layoutGraph } from '../../src/worker/layout.ts';
import { manyPods } from '../worker/many-pods.ts';
import { report, round, time } from './measure.ts';

function serviceWithPorts(count: number): string {
  const ports = Array.from(
    { length: count },
    (_, i) => `  - {name: p${i}, port: ${i + 1}, targetPort: 8080}`,
  );
  return `apiVersion: v1\nkind: Service\nmetadata:\n  name: big\nspec:\n  selector: {app: big}\n  ports:\n${ports.join('\n')}\n`;
}

function servicesAndDeployments(services: number, pods: number): string {
  const docs: string[] = [];
  for (let s = 0; s < services; s++) {
    const replicas = Math.floor(pods / services) + (s < pods % services ? 1 : 0);
    docs.push(
      `apiVersion: v1\nkind: Service\nmetadata:\n  name: s-${s}\nspec:\n  selector: {app: a${s}}\n  ports:\n  - {port: 80, targetPort: 8080}`,
      `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d-${s}\nspec:\n  replicas: ${replicas}\n  selector:\n    matchLabels: {app: a${s}}\n  template:\n    metadata:\n      labels: {app: a${s}}\n    spec:\n      containers:\n      - {name: c, image: nginx, ports: [{containerPort: 8080}]}`,
    );
  }
  return docs.join('\n---\n');
}

export async function runHotPathBench(engine: typeof Engine): Promise<void> {
  const { buildCluster, buildEndpoints, parseManifests } = engine;
  const ports = serviceWithPorts(10_000);
  report({
    name: 'engine.parse.service-10k-ports',
    unit: 'ms',
    ...time(5, () => parseManifests(ports)),
    // hostile-inputs.md: nothing may hang the app over 2 s.
    target: 2000,
    note: 'YAML read, schema and API-server validation of one Service with 10,000 ports',
  });
  const longName = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${'a-'.repeat(50_000)}_\nspec:\n  containers:\n  - {name: c, image: nginx}\n`;
  report({
    name: 'engine.parse.long-invalid-name',
    unit: 'ms',
    ...time(5, () => parseManifests(longName)),
    target: 200,
    note: 'a 100,001-character invalid name: the name checks must not backtrack',
  });
  const parsed = parseManifests(servicesAndDeployments(300, 2000));
  const model = buildCluster(parsed.objects);
  report({
    name: 'engine.endpoints.2000-pods-300-services',
    unit: 'ms',
    ...time(10, () =>
      buildEndpoints({ services: model.services, pods: model.pods, objects: parsed.objects }),
    ),
    target: 500,
    note: `${model.pods.length} pods, ${model.services.length} Services`,
  });
  const graph = engine.buildGraph(manyPods(2000, 100, 4));
  // One run: a second would be answered from elk's kept answers (layout.ts).
  const laid = await layoutGraph(graph);
  report({
    name: 'worker.layout.2000-pods',
    unit: 'ms',
    median: round(laid?.layoutMs ?? NaN),
    runs: 1,
    target: 10_000,
    note: `${graph.nodes.length} items, ${graph.edges.length} edges, cold`,
  });
}
