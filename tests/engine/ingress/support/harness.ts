// The ingress conformance harness, replayed in Podwire: the objects the upstream harness creates
// (../shared/conformance/ingress/README.md: namespace, `<ingress>-<service>` echo Deployments on
// containerPort 3000, NodePort Services, the TLS Secret, ingressClassName nginx), then each request
// through parse → buildCluster → buildIngressRouteTable → routeRequest, redirects followed as
// test/http/http.go CaptureRoundTrip does.

import { parse as parseYaml } from 'yaml';
import {
  buildCluster,
  buildIngressRouteTable,
  parseManifests,
  routeRequest,
  type ClusterModel,
  type IngressRouteTable,
  type IngressRouting,
} from '../../../../src/engine/index.ts';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const obj = (v: unknown): Obj => (isObj(v) ? v : {});

/** What the echo server answers with (images/echoserver): the request as it arrived, and whose pod it is. */
export interface Captured {
  readonly status: number;
  readonly proto: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly tlsHostname: string | undefined;
  readonly request:
    | {
        readonly path: string;
        readonly host: string;
        readonly method: string;
        readonly proto: string;
        readonly headers: Readonly<Record<string, string>>;
        readonly service: string;
        readonly pod: string;
        readonly podIP: string;
      }
    | undefined;
  /** Every hop's routing, the redirects included. */
  readonly routings: readonly IngressRouting[];
}

interface Backend {
  readonly service: string;
  readonly port: number | string;
}

/** The Go client's User-Agent, which the request-headers step expects to arrive unchanged. */
const USER_AGENT = 'Go-http-client/1.1';
/** The SAN of ingress-nginx's self-signed default certificate. */
const FAKE_CERTIFICATE_DNS_NAME = 'ingress.local';

export class World {
  namespace = '';
  ingress: Obj | undefined;
  readonly secrets = new Map<string, string>();
  readonly replicas = new Map<string, number>();
  private built: { model: ClusterModel; table: IngressRouteTable } | undefined;
  last: Captured | undefined;
  many: Captured[] = [];

  constructor(private readonly seed: number) {}

  newNamespace(): void {
    this.namespace = `ingress-conformance-${this.seed.toString(36).padStart(5, 'x')}`;
    this.built = undefined;
  }

  /** `Given an Ingress resource…`: the doc string is the whole object, or only its spec. */
  setIngress(doc: string, name?: string): void {
    const parsed: unknown = parseYaml(doc);
    const body: Obj =
      name === undefined
        ? obj(parsed)
        : { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name }, spec: parsed };
    const spec = obj(body['spec']);
    if (spec['ingressClassName'] === undefined) spec['ingressClassName'] = 'nginx';
    this.ingress = { ...body, metadata: { ...obj(body['metadata']), namespace: this.namespace }, spec };
    this.built = undefined;
  }

  get ingressName(): string {
    const name = obj(this.ingress?.['metadata'])['name'];
    return typeof name === 'string' ? name : '';
  }

  scale(service: string, replicas: number): void {
    this.replicas.set(service, replicas);
    this.built = undefined;
  }

  /** Each distinct service name of spec.defaultBackend and the rule paths, with its port. */
  private backends(): Backend[] {
    const spec = obj(this.ingress?.['spec']);
    const all: unknown[] = [spec['defaultBackend']];
    for (const rule of Array.isArray(spec['rules']) ? spec['rules'] : [])
      for (const p of Array.isArray(obj(obj(rule)['http'])['paths'])
        ? (obj(obj(rule)['http'])['paths'] as unknown[])
        : [])
        all.push(obj(p)['backend']);
    const out = new Map<string, Backend>();
    for (const b of all) {
      const svc = obj(obj(b)['service']);
      const port = obj(svc['port']);
      const name = svc['name'];
      if (typeof name !== 'string' || out.has(name)) continue;
      out.set(name, {
        service: name,
        port:
          typeof port['number'] === 'number'
            ? port['number']
            : typeof port['name'] === 'string'
              ? port['name']
              : '',
      });
    }
    return [...out.values()];
  }

  /** The manifests the harness applies, in order, as one text (JSON documents are YAML). */
  manifests(): string {
    const ns = this.namespace;
    const docs: Obj[] = [
      {
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: { name: ns, labels: { 'app.kubernetes.io/name': 'ingress-conformance' } },
      },
    ];
    for (const [name] of this.secrets)
      docs.push({
        apiVersion: 'v1',
        kind: 'Secret',
        type: 'kubernetes.io/tls',
        metadata: { name, namespace: ns },
        data: { 'tls.crt': 'LS0tLS1CRUdJTi0tLS0t', 'tls.key': 'LS0tLS1CRUdJTi0tLS0t' },
      });
    for (const b of this.backends()) {
      const deployment = `${this.ingressName}-${b.service}`;
      const portName = typeof b.port === 'string' ? b.port : undefined;
      docs.push({
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: deployment, namespace: ns },
        spec: {
          replicas: this.replicas.get(b.service) ?? 1,
          selector: { matchLabels: { app: deployment } },
          template: {
            metadata: { labels: { app: deployment } },
            spec: {
              containers: [
                {
                  name: 'ingress-conformance-echo',
                  image: 'k8s.gcr.io/ingressconformance/echoserver:v0.0.1',
                  ports: [{ containerPort: 3000, ...(portName ? { name: portName } : {}) }],
                  env: [
                    { name: 'SERVICE_NAME', value: b.service },
                    { name: 'INGRESS_NAME', value: this.ingressName },
                    { name: 'NAMESPACE', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } },
                    { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
                  ],
                  readinessProbe: { httpGet: { path: '/health', port: 3000 } },
                  livenessProbe: { httpGet: { path: '/health', port: 3000 } },
                },
              ],
            },
          },
        },
      });
      docs.push({
        apiVersion: 'v1',
        kind: 'Service',
        metadata: { name: b.service, namespace: ns },
        spec: {
          type: 'NodePort',
          selector: { app: deployment },
          ports: [
            {
              port: typeof b.port === 'number' ? b.port : 8080,
              targetPort: 3000,
              ...(portName ? { name: portName } : {}),
            },
          ],
        },
      });
    }
    if (this.ingress) docs.push(this.ingress);
    return docs.map((d) => JSON.stringify(d, null, 1)).join('\n---\n');
  }

  cluster(): { model: ClusterModel; table: IngressRouteTable } {
    if (!this.built) {
      const parsed = parseManifests(this.manifests());
      const errors = parsed.diagnostics.filter((d) => d.severity === 'error');
      if (errors.length > 0)
        throw new Error(`the harness's objects do not parse: ${errors.map((e) => e.message).join('; ')}`);
      const model = buildCluster(parsed.objects);
      if (model.rejected.length > 0)
        throw new Error(`refused: ${model.rejected.map((r) => r.message).join('; ')}`);
      this.built = { model, table: buildIngressRouteTable(model, parsed.objects) };
    }
    return this.built;
  }

  /** status.loadBalancer.ingress[0]: the controller's address, for the Ingresses it serves. */
  statusAddress(): string | undefined {
    const { table } = this.cluster();
    const served = table.served.some((r) => r.namespace === this.namespace && r.name === this.ingressName);
    return served ? table.controller.address : undefined;
  }

  /** test/http/http.go CaptureRoundTrip: one request to the controller's address, redirects followed. */
  send(method: string, url: string, counter = 0): Captured {
    const { model, table } = this.cluster();
    const address = this.statusAddress();
    if (address === undefined) throw new Error('the Ingress has no address to send requests to');
    const routings: IngressRouting[] = [];
    let target = splitUrl(url);
    for (let hops = 0; hops < 10; hops++) {
      // An empty host sends no Host override: Go then sends the address itself.
      const host = target.host === '' ? address : target.host;
      const path = `/${target.path.replace(/^\//, '')}`;
      const r = routeRequest(
        table,
        model,
        { scheme: target.scheme, host, path, method, headers: { 'User-Agent': USER_AGENT } },
        { counter },
      );
      routings.push(r);
      if (r.outcome === 'redirect' && r.redirectTo !== undefined) {
        // The Location's scheme, hostname and path go to the same address again (the query is dropped).
        const next = splitUrl(r.redirectTo);
        target = { scheme: next.scheme, host: next.host, path: next.path.split('?')[0] ?? '' };
        continue;
      }
      return this.capture(model, target.scheme, host, r, routings);
    }
    throw new Error(`more than 10 redirects for ${url}`);
  }

  private capture(
    model: ClusterModel,
    scheme: string,
    host: string,
    r: IngressRouting,
    routings: IngressRouting[],
  ): Captured {
    const tlsHostname =
      scheme !== 'https'
        ? undefined
        : r.certificate === 'default-fake-certificate' || r.certificate === undefined
          ? FAKE_CERTIFICATE_DNS_NAME
          : this.secrets.get(r.certificate.split('/')[1] ?? '');
    const pod = r.endpoint
      ? model.pods.find((p) => p.namespace === r.endpoint?.namespace && p.name === r.endpoint.pod)
      : undefined;
    const env = new Map(pod?.containers[0]?.env.map((e) => [e.name, e.value]) ?? []);
    const upstream = r.upstreamRequest;
    // The echo server answers JSON; nginx adds Server and Date (it hides the upstream's own).
    const echoHeaders = upstream ? { 'Content-Type': 'application/json', 'Content-Length': '512' } : {};
    return {
      status: r.httpStatus,
      proto: 'HTTP/1.1',
      headers: { ...echoHeaders, ...r.responseHeaders },
      tlsHostname,
      request:
        upstream && pod
          ? {
              path: upstream.path.split('?')[0] ?? '',
              host: upstream.host,
              method: upstream.method,
              proto: upstream.proto,
              headers: upstream.headers,
              service: env.get('SERVICE_NAME') ?? '',
              pod: pod.name,
              podIP: pod.ip,
            }
          : undefined,
      routings,
    };
  }

  addSecret(name: string, host: string): void {
    this.secrets.set(name, host);
    this.built = undefined;
  }

  /** For failure messages: where each hop went and why. */
  describe(c: Captured | undefined): string {
    return (c?.routings ?? []).map((r) => r.explanation.join(' ')).join('\n  then: ');
  }
}

/** `scheme://host/path`, the host possibly empty (no Host override). */
export function splitUrl(url: string): { scheme: 'http' | 'https'; host: string; path: string } {
  const m = /^(https?):\/\/([^/?#]*)(.*)$/i.exec(url);
  if (!m) throw new Error(`not an http(s) URL: ${url}`);
  return {
    scheme: (m[1] ?? 'http').toLowerCase() === 'https' ? 'https' : 'http',
    host: (m[2] ?? '').replace(/:\d+$/, ''),
    path: m[3] ?? '',
  };
}
