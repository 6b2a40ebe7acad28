import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { plainHop, type SimHop, type TrafficFlow } from '../../../src/engine/index.ts';
import { fromText, scenario, simulate, type Scenario } from './support.ts';

// Hops write their sentence on first read (sim/hop-record.ts). What a sentence says must be fixed
// when the hop is made: read at once or read after the run went on (connections closed, notes
// reset, nodes down, pods gone), it is the same sentence.
const files = [
  ...readdirSync(join(import.meta.dirname, 'fixtures')),
  ...readdirSync(join(import.meta.dirname, '../../../src/scenarios'))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => `src/scenarios/${f}`),
];

// The first second in steps as short as the shortest latency (netfilter's 0.005 ms), so each hop
// is read as soon as it is made; the rest in long steps, read at the end.
const FINE_MS = 0.005;
const FINE_UNTIL_MS = 1000;
const STEP_MS = 250;
const END_MS = 8000;

function* times(): Generator<number> {
  for (let i = 1; i * FINE_MS <= FINE_UNTIL_MS; i++) yield Math.round(i * FINE_MS * 1000) / 1000;
  for (let ms = FINE_UNTIL_MS + STEP_MS; ms <= END_MS; ms += STEP_MS) yield ms;
}

/** A fixture without a Simulation document: every pod asks every Service, by name, on its first port. */
function everyPodToEveryService(s: Scenario): TrafficFlow[] {
  const pods = s.model.pods.filter((p) => !p.system && p.ip !== '');
  return pods.flatMap((p) =>
    s.model.services
      .filter((svc) => !svc.namespace.startsWith('kube-'))
      .map((svc) => ({
        from: `pod/${p.namespace}/${p.name}`,
        to: `http://${svc.name}.${svc.namespace}:${String(svc.ports[0]?.port ?? 80)}/`,
        rate: 2,
      })),
  );
}

describe('hop sentences', () => {
  it.each(files)('%s: read at once or at the end of the run, a hop says the same', (file) => {
    // A NetworkPolicy fixture holds only policies: with the base it applies to (as netpol.test.ts).
    const fixture = (f: string) => readFileSync(join(import.meta.dirname, 'fixtures', f), 'utf8');
    const s =
      file.startsWith('netpol-') && file !== 'netpol-base.yaml'
        ? fromText(`${fixture('netpol-base.yaml')}\n---\n${fixture(file)}`)
        : scenario(file);
    const own = simulate(s).counters().flows.length > 0;
    const options = { seed: 7, ...(own ? {} : { traffic: everyPodToEveryService(s) }) };
    const early = simulate(s, options);
    const late = simulate(s, options);
    const readAtOnce: string[] = [];
    const kept: SimHop[] = [];
    for (const ms of times())
      for (const h of early.advance(ms)) readAtOnce.push(`${String(h.seq)} ${h.description}`);
    kept.push(...late.advance(END_MS));
    expect(readAtOnce.length).toBeGreaterThan(0);
    expect(kept.map((h) => `${String(h.seq)} ${h.description}`)).toEqual(readAtOnce);
    for (const h of kept) expect(h.description, `${h.kind} at ${String(h.at)}`).not.toBe('');
  });

  it('plainHop and JSON carry the sentence and every field set, and nothing absent', () => {
    const sim = simulate(scenario('src/scenarios/whale-hosting.yaml'), { seed: 1 });
    const hops = sim.advance(3000);
    const proxy = hops.find((h) => h.kind === 'kube-proxy' && h.pick !== undefined);
    const send = hops.find((h) => h.kind === 'send');
    if (!proxy || !send) throw new Error('the whale scenario makes a send and a kube-proxy hop');
    const plain = plainHop(proxy);
    expect(Object.getPrototypeOf(plain)).toBe(Object.prototype);
    expect(plain.description).toBe(proxy.description);
    expect(plain.description).toMatch(/^kube-proxy's iptables rules on /);
    expect(plain.pick).toEqual(proxy.pick);
    expect(plain.rule).toBe(proxy.rule);
    // What postMessage would carry: the same object, sentence included.
    expect(structuredClone(plain)).toEqual(plain);
    expect(JSON.parse(JSON.stringify(proxy))).toEqual(JSON.parse(JSON.stringify(plain)));
    const sent = plainHop(send);
    expect(Object.keys(sent)).not.toContain('rule');
    expect(Object.keys(sent)).not.toContain('pick');
    expect(sent.description).toMatch(/^GET http:\/\/[ab]\.whale\.hey\//);
    expect((JSON.parse(JSON.stringify(send)) as SimHop).description).toBe(send.description);
  });

  it('keeps the time the run stamped, a whole µs or not (a request sent between agenda times)', () => {
    const s = fromText(`apiVersion: v1
kind: Pod
metadata: {name: client}
spec: {nodeName: node-2, containers: [{name: c, image: busybox}]}
---
apiVersion: v1
kind: Pod
metadata: {name: other}
spec: {nodeName: node-1, containers: [{name: c, image: busybox}]}
---
apiVersion: podwire.dev/v1alpha1
kind: Simulation
metadata: {name: down}
spec:
  events:
  - {at: 0s, nodeDown: node-2}
`);
    const sim = simulate(s, { seed: 1, traffic: [] });
    sim.advance(0.3333);
    // Its node is down: the request fails where it starts, at 0.3333 ms, not on a whole µs.
    sim.send('pod/default/client', 'http://10.96.0.1/');
    sim.send('pod/default/other', 'http://localhost:8080/');
    const hops = sim.advance(100);
    expect(hops[0]).toMatchObject({ kind: 'send', status: 'failed', at: 0.3333 });
    expect(plainHop(hops[0] as SimHop).at).toBe(0.3333);
    // The other request starts then too; its waits land on whole µs, as the agenda keeps time.
    const other = hops.filter((h) => h.request === 1).map((h) => h.at);
    // lo 0.01 ms (0.3433 kept as 0.343), then the app 1 ms.
    expect(other).toEqual([0.3333, 0.343, 1.343]);
  });

  it('keeps which way a hop goes, whether it failed, and what decided it', () => {
    const s = fromText(`apiVersion: v1
kind: Pod
metadata: {name: client, labels: {app: client}}
spec: {containers: [{name: c, image: busybox}]}
---
apiVersion: v1
kind: Pod
metadata: {name: web, labels: {app: web}}
spec: {containers: [{name: web, image: nginx, ports: [{containerPort: 80}]}]}
---
apiVersion: v1
kind: Service
metadata: {name: web}
spec: {selector: {app: web}, ports: [{port: 80}]}
---
apiVersion: v1
kind: Service
metadata: {name: empty}
spec: {selector: {app: nothing}, ports: [{port: 80}]}
`);
    const sim = simulate(s, { seed: 3, traffic: [] });
    sim.send('pod/default/client', 'http://web/');
    sim.send('pod/default/client', 'http://empty/');
    const hops = sim.advance(1000);
    const web = hops.filter((h) => h.request === 0);
    const empty = hops.filter((h) => h.request === 1);
    // Out, then back from the server's answer on: the reply hops and only those.
    const back = web.findIndex((h) => h.kind === 'respond');
    expect(back).toBeGreaterThan(0);
    expect(
      web
        .slice(0, back)
        .filter((h) => h.kind !== 'dns-answer')
        .every((h) => !h.reply),
    ).toBe(true);
    expect(web.slice(back).every((h) => h.reply)).toBe(true);
    expect(web.every((h) => h.status === 'ok')).toBe(true);
    const dnat = web.find((h) => h.kind === 'kube-proxy' && h.via === 'svc/default/web');
    expect(dnat?.rule).toMatch(/-j DNAT/);
    expect(dnat?.pick).toMatchObject({ pod: 'default/web', how: 'random' });
    // No endpoint: kube-proxy's REJECT ends the request, on the way out.
    const reject = empty.find((h) => h.kind === 'kube-proxy' && h.via === 'svc/default/empty');
    expect(reject).toMatchObject({ status: 'failed', reply: false });
    expect(reject?.rule).toMatch(/REJECT/);
    expect(reject?.pick).toBeUndefined();
    expect(empty.filter((h) => h.status === 'failed')).toHaveLength(1);
  });
});
