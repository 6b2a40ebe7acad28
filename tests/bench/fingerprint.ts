// What a simulator change did to the runs, as one hash per run: every hop (time, order, ids,
// sentence, rule, addresses, pick), every kept result and the counters. For work on sim/'s speed,
// where nothing a run produces may change: run it on the tree before and after, and diff.
//
//   npx tsx tests/bench/fingerprint.ts                 # this tree's engine
//   npx tsx tests/bench/fingerprint.ts other/engine.mjs  # a bundle of another tree's src/engine
//
// Runs: the large cluster (300 flows by name), whale from outside in each proxy mode, every
// fixture and gallery scenario with its own traffic and with every pod asking every Service,
// each NetworkPolicy fixture over its base, and requests sent between agenda times.

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type * as Engine from '../../src/engine/index.ts';
import { largeClusterYaml } from './large-cluster.ts';
import { everyPodAsksEveryService } from '../engine/sim/support.ts';
import { largeFlows } from './sim.ts';

const root = join(import.meta.dirname, '../..');
const bundle = process.argv[2];
const engine = (await import(bundle ? resolve(bundle) : join(root, 'src/engine/index.ts'))) as typeof Engine;

type Traffic = (m: Engine.ClusterModel) => Engine.TrafficFlow[];

function run(
  name: string,
  text: string,
  until: number,
  options: Engine.SimulationOptions = {},
  traffic?: Traffic,
) {
  const { objects } = engine.parseManifests(text);
  const model = engine.buildCluster(objects);
  const sim = engine.createSimulation(model, objects, {
    retain: 50,
    ...options,
    ...(traffic ? { traffic: traffic(model) } : {}),
  });
  const hash = createHash('sha256');
  let hops = 0;
  // Frame-like steps that fall between agenda times.
  for (let ms = 7.3; ms <= until; ms += 16.667)
    for (const h of sim.advance(ms)) {
      hash.update(JSON.stringify(engine.plainHop(h)));
      hops++;
    }
  for (const r of sim.results()) hash.update(JSON.stringify({ ...r, hops: r.hops.map(engine.plainHop) }));
  hash.update(JSON.stringify(sim.counters()));
  console.log(`${name.padEnd(40)} ${String(hops).padStart(7)} ${hash.digest('hex').slice(0, 16)}`);
}

const large: Traffic = (m) => largeFlows(m, 300, 5);

/** Every pod asks every Service on each of its ports, and the outside asks the whale. */
const everyPod: Traffic = (m) => {
  const flows = everyPodAsksEveryService(m);
  flows.push({ from: 'external', to: 'http://a.whale.hey/', rate: 2, start: 3 });
  return flows;
};

const whale = readFileSync(join(root, 'src/scenarios/whale-hosting.yaml'), 'utf8');
run('large', largeClusterYaml(), 6000, {}, large);
const outside: Traffic = () =>
  Array.from({ length: 200 }, (_, i) => ({
    from: 'external',
    to: i % 2 ? 'http://a.whale.hey/' : 'http://b.whale.hey/',
    rate: 7,
    start: i,
  }));
run('whale', whale, 6000, {}, outside);
for (const proxyMode of ['iptables', 'ipvs', 'userspace', 'nftables'] as const)
  run(`whale ${proxyMode}`, whale, 6000, { proxyMode });

const fixtures = join(root, 'tests/engine/sim/fixtures');
const fixture = (f: string) => readFileSync(join(fixtures, f), 'utf8');
for (const f of readdirSync(fixtures)) {
  run(f, fixture(f), 20000);
  run(`${f} + every pod`, fixture(f), 5000, {}, everyPod);
  if (f.startsWith('netpol-') && f !== 'netpol-base.yaml')
    run(`netpol-base + ${f}`, `${fixture('netpol-base.yaml')}\n---\n${fixture(f)}`, 5000, {}, everyPod);
}
const gallery = join(root, 'src/scenarios');
for (const f of readdirSync(gallery).filter((g) => g.endsWith('.yaml')))
  run(`gallery ${f}`, readFileSync(join(gallery, f), 'utf8'), 8000);

{
  const { objects } = engine.parseManifests(whale);
  const sim = engine.createSimulation(engine.buildCluster(objects), objects, { retain: 50 });
  const hash = createHash('sha256');
  let hops = 0;
  for (let ms = 0.3333; ms < 3000; ms += 7.77777) {
    sim.send('external', 'http://b.whale.hey/');
    for (const h of sim.advance(ms)) {
      hash.update(JSON.stringify(engine.plainHop(h)));
      hops++;
    }
  }
  console.log(
    `${'sends between agenda times'.padEnd(40)} ${String(hops).padStart(7)} ${hash.digest('hex').slice(0, 16)}`,
  );
}
