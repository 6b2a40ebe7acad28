// Kernel cross-check of random balancing: the real kernel, running Podwire's iptables rules, must
// spread new connections over a Service's backends as Podwire predicts. The prediction comes from
// Podwire's own evaluator (trace-all walks every branch of the `-m statistic --mode random
// --probability` ladder and reports each branch's probability); the kernel's spread is counted
// over many real TCP connections, each from its own source port (so each is a NEW conntrack entry
// and is balanced afresh), and Pearson's chi-square test must not reject the prediction at
// p = 0.0001 (two checks: a false alarm about once in 5,000 runs; a 10% bias still gives
// chi-square 43-61 against a critical 18-21). Root only; the chi-square helper is checked everywhere.

import { afterAll, describe, expect, it } from 'vitest';
import { buildCluster } from '../../src/engine/cluster/build.ts';
import { parseManifests } from '../../src/engine/manifest/parse.ts';
import { evaluateIptables, type IptablesEvaluation } from '../../src/engine/proxy/iptables/evaluate.ts';
import { syncProxyRules } from '../../src/engine/proxy/iptables/sync.ts';
import { proxyInputFromModel } from '../../src/engine/proxy/input.ts';
import { chiSquareCritical, chiSquareSurvival, chiSquareTest } from './chi-square.ts';
import { buildNodeLab, kernelUnavailable, type NodeLab, Netns, SERVER_PORT } from './netns.ts';

const reason = kernelUnavailable();
if (reason) console.log(`kernel distribution checks skipped: ${reason}`);

const ALPHA = 0.0001;

// Four backend pods; `trio` selects three of them, `quad` all four (one server per pod serves both).
const SCENARIO = `
apiVersion: podwire.dev/v1alpha1
kind: Simulation
metadata: {name: kernel-distribution}
spec: {cluster: {nodes: [node-1]}}
${['a', 'b', 'c', 'd']
  .map(
    (x) => `---
apiVersion: v1
kind: Pod
metadata: {name: backend-${x}, labels: {app: backend${x === 'd' ? '' : ', trio: "yes"'}}}
spec: {containers: [{name: web, image: web, ports: [{containerPort: 8080}]}]}
`,
  )
  .join('')}---
apiVersion: v1
kind: Pod
metadata: {name: client, labels: {app: client}}
spec: {containers: [{name: c, image: c}]}
---
apiVersion: v1
kind: Service
metadata: {name: trio}
spec: {selector: {trio: "yes"}, ports: [{port: 80, targetPort: 8080}]}
---
apiVersion: v1
kind: Service
metadata: {name: quad}
spec: {selector: {app: backend}, ports: [{port: 80, targetPort: 8080}]}
`;

// Opens `count` connections, `width` at a time, source ports first, first+1, …; prints
// {"<reply or ERR code>": connections} as JSON.
const CLIENT = `const [host, port, count, first, width] = [process.argv[1], ...process.argv.slice(2, 6).map(Number)];
const counts = {}; let next = 0; let done = 0;
const one = () => {
  if (next >= count) return;
  const s = require('net').connect({ host, port, localPort: first + next++ });
  let d = ''; let settled = false;
  const finish = (key) => {
    if (settled) return; settled = true; s.destroy();
    counts[key] = (counts[key] || 0) + 1;
    if (++done === count) console.log(JSON.stringify(counts)); else one();
  };
  s.setEncoding('utf8'); s.on('data', (c) => (d += c)); s.on('end', () => finish(d));
  s.on('error', (e) => finish('ERR ' + (e.code || e.message)));
  s.setTimeout(3000, () => finish('TIMEOUT'));
};
for (let i = 0; i < width; i++) one();`;

/**
 * Each DNAT destination's share of new connections, from a trace-all evaluation: a Service
 * chain's endpoint jumps form a ladder (jump with p₁, else with p₂, …, the last always), so the
 * k-th endpoint gets p_k · Π_{j<k} (1 − p_j); the DNAT that follows a jump is that endpoint's.
 */
function predictedShares(evaluation: IptablesEvaluation): Map<string, number> {
  const shares = new Map<string, number>();
  const remaining = new Map<string, number>(); // per Service chain
  let pending: number | undefined;
  for (const hit of evaluation.matched) {
    const target = hit.rule.target;
    if (hit.table !== 'nat' || !target) continue;
    if (/^KUBE-SV[CL]-/.test(hit.chain) && target.name.startsWith('KUBE-SEP-')) {
      const left = remaining.get(hit.chain) ?? 1;
      const p = hit.probability ?? 1;
      pending = left * p;
      remaining.set(hit.chain, left * (1 - p));
    } else if (target.name === 'DNAT' && pending !== undefined) {
      const to = target.options.find((o) => o.name === '--to-destination')?.values[0] ?? '';
      shares.set(to, (shares.get(to) ?? 0) + pending);
      pending = undefined;
    }
  }
  return shares;
}

afterAll(() => Netns.cleanup());

describe('chi-square helper', () => {
  it('gives the tabulated critical values at p = 0.001 and p = 0.05', () => {
    const table: [number, number, number][] = [
      [1, 10.828, 3.841],
      [2, 13.816, 5.991],
      [3, 16.266, 7.815],
      [4, 18.467, 9.488],
      [5, 20.515, 11.07],
      [10, 29.588, 18.307],
    ];
    for (const [df, strict, loose] of table) {
      expect(chiSquareCritical(df, 0.001)).toBeCloseTo(strict, 2);
      expect(chiSquareCritical(df, 0.05)).toBeCloseTo(loose, 2);
    }
    expect(chiSquareSurvival(0, 3)).toBe(1);
    expect(chiSquareSurvival(2, 2)).toBeCloseTo(Math.exp(-1), 12); // χ²(2) is exponential, mean 2
  });

  it('accepts counts near the prediction and rejects a skewed or impossible one', () => {
    const even = new Map([
      ['a', 1 / 3],
      ['b', 1 / 3],
      ['c', 1 / 3],
    ]);
    const near = new Map([
      ['a', 310],
      ['b', 295],
      ['c', 295],
    ]);
    const skewed = new Map([
      ['a', 400],
      ['b', 250],
      ['c', 250],
    ]);
    expect(chiSquareTest(near, even, ALPHA).statistic).toBeCloseTo(0.5, 10);
    expect(chiSquareTest(near, even, ALPHA).rejected).toBe(false);
    expect(chiSquareTest(skewed, even, ALPHA).rejected).toBe(true);
    const allToA = new Map([
      ['a', 1],
      ['b', 0],
      ['c', 0],
    ]);
    expect(chiSquareTest(near, allToA, ALPHA).rejected).toBe(true);
  });
});

describe.skipIf(reason !== undefined)('kernel: random balancing over the statistic ladder', () => {
  const model = buildCluster(parseManifests(SCENARIO).objects);
  const node = model.nodes[0];
  const pods = model.pods.filter(
    (p) => (p.labels['app'] === 'backend' || p.name === 'client') && p.ip !== '',
  );
  const input = proxyInputFromModel(model, node?.name ?? '');
  const rules = syncProxyRules(input);
  const clientIP = pods.find((p) => p.name === 'client')?.ip ?? '';
  let lab: NodeLab | undefined;
  afterAll(() => lab?.stop());

  it('builds the node and pod namespaces, loads the rules and starts one server per backend', async () => {
    if (!node) throw new Error('no node');
    const labPods = pods.map((p) => ({ name: p.name, ip: p.ip, serves: p.labels['app'] === 'backend' }));
    lab = await buildNodeLab(`pwd${process.pid % 10000}`, node.internalIP, labPods, rules);
    expect(pods.length).toBe(5);
  });

  // 2,400 connections take about a second and give the test power: an extra 10 % of traffic sent
  // to one of three backends (shares 0.4/0.3/0.3) gives chi-square ≈ 48 on average, far above 13.8.
  // The source-port ranges stay below the ephemeral range (32768) and apart from each other.
  const cases = [
    { service: 'trio', backends: 3, connections: 2400, firstPort: 20_000 },
    { service: 'quad', backends: 4, connections: 2400, firstPort: 30_000 },
  ] as const;
  for (const { service, backends, connections, firstPort } of cases) {
    it(`${service}: ${connections} connections spread over its ${backends} backends as the evaluator predicts`, () => {
      const port = input.services.find((s) => s.name === service);
      const client = lab?.pods.get('client');
      if (!port?.clusterIP || !client) throw new Error(`no ${service} Service or no client`);

      const evaluation = evaluateIptables(
        rules,
        {
          sourceIP: clientIP,
          destIP: port.clusterIP,
          destPort: port.port,
          protocol: 'TCP',
          origin: 'forwarded',
        },
        input.config,
        { mode: 'trace-all' },
      );
      const byAddress = predictedShares(evaluation);
      const predicted = new Map<string, number>();
      for (const [to, share] of byAddress) {
        const pod = pods.find((p) => to === `${p.ip}:${SERVER_PORT}`);
        if (!pod) throw new Error(`DNAT to ${to}: no such backend`);
        predicted.set(pod.name, share);
      }
      expect(predicted.size).toBe(backends);
      expect([...byAddress.keys()].sort()).toEqual(evaluation.outputs.filter((o) => o.includes(':')).sort());
      expect([...predicted.values()].reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);

      const tracked = (): number =>
        Number(lab?.node.exec('cat', ['/proc/sys/net/netfilter/nf_conntrack_count']).trim());
      const trackedBefore = tracked();
      const out = client.exec(process.execPath, [
        '-e',
        CLIENT,
        port.clusterIP,
        String(port.port),
        String(connections),
        String(firstPort),
        '16',
      ]);
      // Every connection was a NEW conntrack entry on the node (so it was balanced afresh).
      expect(tracked() - trackedBefore).toBeGreaterThanOrEqual(connections);
      const parsed: unknown = JSON.parse(out);
      if (typeof parsed !== 'object' || parsed === null) throw new Error(`client printed ${out}`);
      const observed = new Map<string, number>();
      for (const [name, count] of Object.entries(parsed) as [string, unknown][])
        observed.set(name, typeof count === 'number' ? count : Number.NaN);
      expect([...observed.keys()].sort()).toEqual([...predicted.keys()].sort()); // no ERR, no TIMEOUT
      expect([...observed.values()].reduce((a, b) => a + b, 0)).toBe(connections);

      const fit = chiSquareTest(observed, predicted, ALPHA);
      const shares = [...predicted.values()].map((p) => p.toFixed(4)).join('/');
      const counts = JSON.stringify(Object.fromEntries(observed));
      const verdict = `chi-square ${fit.statistic.toFixed(3)} (df ${fit.df}, critical ${fit.critical.toFixed(3)}, p ${fit.pValue.toFixed(3)})`;
      console.log(`${service}: observed ${counts}, predicted ${shares}, ${verdict}`);
      expect(fit.df).toBe(backends - 1);
      expect(fit.statistic).toBeLessThan(fit.critical);
      expect(fit.rejected).toBe(false);

      // The same counts must reject a wrong prediction: everything to the first backend, or
      // the ladder misread as "each rule's probability is the backend's share" (1/n, 1/(n−1), …, 1, renormalized).
      const names = [...predicted.keys()];
      const allToFirst = new Map(names.map((n, i) => [n, i === 0 ? 1 : 0]));
      expect(chiSquareTest(observed, allToFirst, ALPHA).rejected).toBe(true);
      const naive = names.map((_, i) => 1 / (names.length - i));
      const naiveSum = naive.reduce((a, b) => a + b, 0);
      const misread = new Map(names.map((n, i) => [n, (naive[i] ?? 0) / naiveSum]));
      expect(chiSquareTest(observed, misread, ALPHA).rejected).toBe(true);
    }, 30_000);
  }
});
