// kubernetes-sigs/ingress-controller-conformance, run as data: every .feature of
// ../shared/conformance/ingress/features, every scenario its own test, each step checked against
// what Podwire's ingress-nginx answers. An unknown step fails the scenario.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SHARED, sharedExists, sharedFiles } from '../../support/shared.ts';
import { parseFeature, type Scenario, type Step } from './support/gherkin.ts';
import { World, type Captured } from './support/harness.ts';

const dir = 'conformance/ingress/features';

/**
 * Scenarios that ingress-nginx itself does not pass, so Podwire, modelling it, does not either.
 * Each still runs: it must fail at the step and for the reason given, or the entry is stale.
 */
const notApplicable: Record<string, { reason: string; fails: RegExp }> = {
  'An Ingress with a trailing slashes in an exact path rule should not match requests without a trailing slash':
    {
      reason:
        'ingress-nginx writes Exact /foo/ as `location = /foo/`, and nginx answers /foo with 301 to /foo/ (auto_redirect, set by proxy_pass on a location ending in "/"); the harness follows redirects and gets 200 from foo-slash-exact. kubernetes/ingress-nginx#6347 (remove the redirect) was closed unmerged.',
      fails: /status 404 expected, got 200 .*foo-slash-exact/,
    },
};

type Handler = (world: World, args: string[], step: Step) => void;

function latest(world: World): Captured {
  if (!world.last) throw new Error('no request was sent');
  return world.last;
}

function request(world: World): NonNullable<Captured['request']> {
  const r = latest(world).request;
  if (!r)
    throw new Error(
      `no pod answered (status ${String(latest(world).status)}): ${world.describe(world.last)}`,
    );
  return r;
}

/** Header tables: `*` means present with any value. */
function checkHeaders(actual: Readonly<Record<string, string>>, table: Step['table'], what: string): void {
  const rows = (table ?? []).slice(1);
  if (rows.length === 0) throw new Error(`${what}: the step has no table`);
  const lower = new Map(Object.entries(actual).map(([k, v]) => [k.toLowerCase(), v]));
  for (const [key = '', value = ''] of rows) {
    const got = lower.get(key.toLowerCase());
    if (got === undefined)
      throw new Error(`${what}: header ${key} missing (have ${[...lower.keys()].join(', ')})`);
    if (value !== '*' && got !== value)
      throw new Error(`${what}: header ${key} is "${got}", expected "${value}"`);
  }
}

const steps: [RegExp, Handler][] = [
  [/^a new random namespace$/, (w) => w.newNamespace()],
  [
    /^an Ingress resource named "([^"]*)" with this spec:$/,
    (w, [name = ''], step) => w.setIngress(step.docString ?? '', name),
  ],
  [/^an Ingress resource$/, (w, _, step) => w.setIngress(step.docString ?? '')],
  [
    /^an Ingress resource in a new random namespace$/,
    (w, _, step) => {
      w.newNamespace();
      w.setIngress(step.docString ?? '');
    },
  ],
  [
    /^a self-signed TLS secret named "([^"]*)" for the "([^"]*)" hostname$/,
    (w, [name = '', host = '']) => w.addSecret(name, host),
  ],
  [
    /^The Ingress status shows the IP address or FQDN where it is exposed$/,
    (w) => {
      const address = w.statusAddress();
      if (address === undefined || address === '') throw new Error('the Ingress got no status address');
    },
  ],
  [
    /^The Ingress status should not contain the IP address or FQDN$/,
    (w) => {
      const address = w.statusAddress();
      if (address !== undefined) throw new Error(`the Ingress got the address ${address}`);
    },
  ],
  [
    /^The backend deployment "([^"]*)" for the ingress resource is scaled to (\d+)$/,
    (w, [service = '', n = '']) => w.scale(service, Number(n)),
  ],
  [
    /^I send a "([^"]*)" request to "([^"]*)"$/,
    (w, [method = '', url = '']) => (w.last = w.send(method, url)),
  ],
  [
    /^I send a "([^"]*)" request to http:\/\/"([^"]*)"\/"([^"]*)"$/,
    (w, [method = '', host = '', path = '']) => (w.last = w.send(method, `http://${host}/${path}`)),
  ],
  [
    /^I send (\d+) requests to "([^"]*)"$/,
    (w, [n = '', url = '']) => {
      w.many = Array.from({ length: Number(n) }, (_, counter) => w.send('GET', url, counter));
    },
  ],
  [
    /^the response status-code must be (\d+)$/,
    (w, [code = '']) => {
      const c = latest(w);
      if (c.status !== Number(code))
        throw new Error(
          `status ${code} expected, got ${String(c.status)} from ${c.request?.service ?? 'no pod'}: ${w.describe(c)}`,
        );
    },
  ],
  [
    /^the response must be served by the "([^"]*)" service$/,
    (w, [service = '']) => {
      const got = request(w).service;
      if (got !== service) throw new Error(`served by ${got}, expected ${service}: ${w.describe(w.last)}`);
    },
  ],
  [/^the response proto must be "([^"]*)"$/, (w, [proto = '']) => expect(latest(w).proto).toBe(proto)],
  [
    /^the response headers must contain <key> with matching <value>$/,
    (w, _, step) => checkHeaders(latest(w).headers, step.table, 'response'),
  ],
  [/^the request method must be "([^"]*)"$/, (w, [method = '']) => expect(request(w).method).toBe(method)],
  [
    /^the request path must be "([^"]*)"$/,
    (w, [path = '']) => expect(request(w).path).toBe(path.startsWith('/') ? path : `/${path}`),
  ],
  [/^the request proto must be "([^"]*)"$/, (w, [proto = '']) => expect(request(w).proto).toBe(proto)],
  [
    /^the request headers must contain <key> with matching <value>$/,
    (w, _, step) => checkHeaders(request(w).headers, step.table, 'request'),
  ],
  [/^the request host must be "([^"]*)"$/, (w, [host = '']) => expect(request(w).host).toBe(host)],
  [
    /^the secure connection must verify the "([^"]*)" hostname$/,
    (w, [host = '']) => {
      const got = latest(w).tlsHostname;
      if (got !== host) throw new Error(`the certificate is for ${got ?? '(no TLS)'}, expected ${host}`);
    },
  ],
  [
    /^all the responses status-code must be (\d+) and the response body should contain the IP address of (\d+) different Kubernetes pods$/,
    (w, [code = '', pods = '']) => {
      if (w.many.length === 0) throw new Error('no requests were sent');
      for (const c of w.many) expect(c.status).toBe(Number(code));
      expect(new Set(w.many.map((c) => c.request?.podIP)).size).toBe(Number(pods));
    },
  ],
];

function run(scenario: Scenario, seed: number): void {
  const world = new World(seed);
  for (const step of [...scenario.background, ...scenario.steps]) {
    const found = steps.find(([re]) => re.test(step.text));
    if (!found) throw new Error(`line ${String(step.line)}: no step definition for "${step.text}"`);
    const [re, handler] = found;
    handler(world, (re.exec(step.text) ?? []).slice(1), step);
  }
}

const files = sharedExists() ? sharedFiles(dir, /\.feature$/) : [];

describe.skipIf(!sharedExists())(
  'ingress controller conformance (kubernetes-sigs/ingress-controller-conformance)',
  () => {
    it('finds the five feature files', () => {
      expect(files.map((f) => f.path)).toEqual([
        'default_backend.feature',
        'host_rules.feature',
        'ingress_class.feature',
        'load_balancing.feature',
        'path_rules.feature',
      ]);
      expect(join(SHARED, dir)).toContain('conformance');
    });

    let seed = 0;
    for (const file of files) {
      const feature = parseFeature(file.text);
      describe(`${file.path}: ${feature.name}`, () => {
        for (const scenario of feature.scenarios) {
          const s = ++seed;
          // Gherkin compiles an Outline without Examples to no test at all; this one has no
          // <placeholders> in its steps, so it runs once as a plain Scenario.
          const label = scenario.outlineWithoutExamples
            ? `${scenario.name} (Outline without Examples: run once)`
            : scenario.name;
          const na = notApplicable[scenario.name];
          if (na)
            it(`${label} [not applicable: ${na.reason}]`, () =>
              expect(() => run(scenario, s)).toThrow(na.fails));
          else it(label, () => run(scenario, s));
        }
      });
    }
  },
);
