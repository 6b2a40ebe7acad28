// `npm run bench`: engine figures in Node, one JSON line each (see measure.ts).
// Browser figures (edit-to-graph, panning) come from tests/bench/browser.ts when Chromium is there.
// Flags: `--node-only` (no browser), `--sim-only` (only the simulator's figures).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { largeClusterYaml } from './large-cluster.ts';
import { runBrowserBench } from './browser.ts';
import { runBundleBench } from './bundle.ts';
import { runHotPathBench } from './hot-paths.ts';
import { runProxyBench } from './proxy.ts';
import { runSimBench } from './sim.ts';
import { report, time } from './measure.ts';

const root = join(import.meta.dirname, '../..');

// Time the engine as it ships (bundled and minified like the app's worker), not through tsx's
// development transform, which wraps every function it creates.
const bundle = join(root, 'node_modules/.cache/podwire-bench/engine.mjs');
await build({
  entryPoints: [join(root, 'src/engine/index.ts')],
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'neutral',
  target: 'es2022',
  outfile: bundle,
  logLevel: 'warning',
});
const engine = (await import(bundle)) as typeof import('../../src/engine/index.ts');
const { buildCluster, createParseCache, parseManifests } = engine;
const scenarios: Record<string, string> = {
  whale: readFileSync(join(root, 'src/scenarios/whale-hosting.yaml'), 'utf8'),
  large: largeClusterYaml(),
};

// `--sim-only`: the simulator's figures alone (a quicker loop while working on sim/).
const simOnly = process.argv.includes('--sim-only');
// `--browser-only`: Chromium's figures alone (edit-to-graph, panning, packets' frame rate).
const browserOnly = process.argv.includes('--browser-only');
const nodeFigures = !browserOnly;

for (const [name, text] of simOnly || !nodeFigures ? [] : Object.entries(scenarios)) {
  const runs = name === 'large' ? 10 : 50;
  const parsed = parseManifests(text);
  report({
    name: `engine.parse.${name}`,
    unit: 'ms',
    ...time(runs, () => parseManifests(text)),
    note: `${text.length} bytes, cold`,
  });

  // An edit in one document: the cache keeps the others.
  const cache = createParseCache();
  parseManifests(text, cache);
  let flip = false;
  report({
    name: `engine.parse-edit.${name}`,
    unit: 'ms',
    ...time(runs, () => {
      flip = !flip;
      parseManifests(text.replace(/replicas: (\d+)/, flip ? 'replicas: 9' : 'replicas: $1'), cache);
    }),
    note: 'one document changed, the rest from the cache',
  });

  const model = buildCluster(parsed.objects);
  report({
    name: `engine.build.${name}`,
    unit: 'ms',
    ...time(runs, () => buildCluster(parsed.objects)),
    target: 100,
    note: `${model.pods.length} pods, ${model.services.length} services, ${model.ingresses.length} ingresses`,
  });
}

if (!simOnly && nodeFigures) runProxyBench(engine);
if (!simOnly && nodeFigures) await runHotPathBench(engine);
if (nodeFigures) runSimBench(engine, { whale: scenarios.whale ?? '', large: scenarios.large ?? '' });
if (!simOnly) runBundleBench(root);

if (!simOnly && !process.argv.includes('--node-only'))
  await runBrowserBench({ whale: scenarios.whale ?? '', large: scenarios.large ?? '' });
