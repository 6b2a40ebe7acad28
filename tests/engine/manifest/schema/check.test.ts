import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

import type { JsonObject } from '../../../../src/engine/manifest/types.ts';
import { checkSchema, isKnownKind, MAX_ERRORS } from '../../../../src/engine/manifest/schema/check.ts';

/** The object as the manifest stage hands it over: YAML → plain JSON values. */
function yaml(text: string): JsonObject {
  return parse(text) as JsonObject;
}

function check(body: JsonObject): { path: readonly (string | number)[]; message: string }[] {
  const apiVersion = typeof body.apiVersion === 'string' ? body.apiVersion : '';
  const kind = typeof body.kind === 'string' ? body.kind : '';
  return checkSchema(apiVersion, kind, body).map((e) => ({ path: e.path, message: e.message }));
}

const deployment = `
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: default
  labels: {app: web}
  annotations: {deployment.kubernetes.io/revision: "1"}
  creationTimestamp: null
spec:
  replicas: 3
  selector:
    matchLabels: {app: web}
    matchExpressions: [{key: tier, operator: In, values: [front]}]
  strategy: {type: RollingUpdate, rollingUpdate: {maxSurge: 25%, maxUnavailable: 1}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
        - name: web
          image: nginx:1.27
          imagePullPolicy: IfNotPresent
          ports: [{containerPort: 80, name: http, protocol: TCP}]
          env: [{name: A, value: "1"}, {name: B, valueFrom: {fieldRef: {fieldPath: status.podIP}}}]
          resources: {limits: {cpu: 500m, memory: 128Mi}, requests: {cpu: 0.25, memory: 64Mi}}
          readinessProbe: {httpGet: {path: /, port: http}, periodSeconds: 5}
          livenessProbe: {tcpSocket: {port: 80}}
      terminationGracePeriodSeconds: 30
      securityContext: {runAsUser: 1000, fsGroup: 2000}
status:
  replicas: 3
  observedGeneration: 2
`;

const service = `
apiVersion: v1
kind: Service
metadata: {name: web}
spec:
  type: NodePort
  selector: {app: web}
  ports:
    - {name: http, port: 80, targetPort: http, nodePort: 30080, protocol: TCP}
    - {name: https, port: 443, targetPort: 8443}
  sessionAffinity: ClientIP
  sessionAffinityConfig: {clientIP: {timeoutSeconds: 10800}}
  ipFamilies: [IPv4]
`;

describe('checkSchema: valid objects', () => {
  it('reports nothing for valid objects of every kind', () => {
    const objects = [
      deployment,
      service,
      `{apiVersion: v1, kind: Pod, metadata: {name: p}, spec: {containers: [{name: c, image: i}]}, status: {phase: Running, podIP: 10.0.0.1, podIPs: [{ip: 10.0.0.1}]}}`,
      `{apiVersion: v1, kind: ReplicationController, metadata: {name: rc}, spec: {replicas: 1, selector: {app: a}, template: {metadata: {labels: {app: a}}, spec: {containers: [{name: c, image: i}]}}}}`,
      `{apiVersion: v1, kind: Endpoints, metadata: {name: e}, subsets: [{addresses: [{ip: 10.0.0.1, targetRef: {kind: Pod, name: p}}], notReadyAddresses: [], ports: [{port: 80, name: http}]}]}`,
      `{apiVersion: v1, kind: Namespace, metadata: {name: test}, spec: {finalizers: [kubernetes]}, status: {phase: Active}}`,
      `{apiVersion: v1, kind: ResourceQuota, metadata: {name: q}, spec: {hard: {pods: 10, cpu: "4", memory: 1Gi, requests.storage: 1e3}}}`,
      `{apiVersion: v1, kind: Node, metadata: {name: n1}, spec: {podCIDR: 10.244.1.0/24, taints: [{key: k, effect: NoSchedule}]}, status: {addresses: [{type: InternalIP, address: 10.0.0.2}], capacity: {cpu: 4, pods: 110}}}`,
      `{apiVersion: apps/v1, kind: ReplicaSet, metadata: {name: rs}, spec: {replicas: 2, selector: {matchLabels: {a: b}}, template: {spec: {containers: [{name: c}]}}}}`,
      `{apiVersion: apps/v1, kind: StatefulSet, metadata: {name: s}, spec: {serviceName: s, selector: {matchLabels: {a: b}}, template: {spec: {containers: [{name: c}]}}, volumeClaimTemplates: [{metadata: {name: data}, spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}}]}}`,
      `{apiVersion: apps/v1, kind: DaemonSet, metadata: {name: d}, spec: {selector: {matchLabels: {a: b}}, template: {spec: {containers: [{name: c}], tolerations: [{operator: Exists, tolerationSeconds: 30}]}}}}`,
      `{apiVersion: discovery.k8s.io/v1, kind: EndpointSlice, metadata: {name: e}, addressType: IPv4, endpoints: [{addresses: [10.0.0.1], conditions: {ready: true}, nodeName: n1}], ports: [{port: 80, protocol: TCP}]}`,
      `{apiVersion: networking.k8s.io/v1, kind: Ingress, metadata: {name: i}, spec: {ingressClassName: nginx, tls: [{hosts: [a.example]}], rules: [{host: a.example, http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: web, port: {number: 80}}}}]}}]}}`,
      `{apiVersion: networking.k8s.io/v1, kind: IngressClass, metadata: {name: nginx}, spec: {controller: k8s.io/ingress-nginx}}`,
      `{apiVersion: networking.k8s.io/v1, kind: NetworkPolicy, metadata: {name: np}, spec: {podSelector: {}, policyTypes: [Ingress], ingress: [{from: [{ipBlock: {cidr: 10.0.0.0/8, except: [10.1.0.0/16]}}], ports: [{port: 80, endPort: 90}, {port: http}]}]}}`,
    ];
    for (const text of objects) expect(check(yaml(text)), text).toEqual([]);
  });

  it('accepts null for any field, as Go does', () => {
    const body = yaml(`
apiVersion: apps/v1
kind: Deployment
metadata: {name: null, labels: {a: null}}
spec:
  replicas: null
  selector: null
  template: {spec: {containers: [null, {name: c, ports: null}]}}
status: null
`);
    expect(check(body)).toEqual([]);
  });

  it('knows metadata, status, apiVersion and kind on every kind, even where Go has no status', () => {
    expect(
      check(yaml(`{apiVersion: v1, kind: Endpoints, metadata: {name: e}, status: {anything: 1}}`)),
    ).toEqual([]);
    expect(check(yaml(`{apiVersion: networking.k8s.io/v1, kind: IngressClass, status: {}}`))).toEqual([]);
  });

  it('reports nothing for unknown kinds', () => {
    expect(checkSchema('example.com/v1', 'Widget', yaml(`{specc: 1}`))).toEqual([]);
    expect(checkSchema('v1', 'ConfigMap', yaml(`{data: {a: b}, bogus: 1}`))).toEqual([]);
    expect(isKnownKind('v1', 'ConfigMap')).toBe(false);
    expect(isKnownKind('apps/v1', 'Deployment')).toBe(true);
    expect(isKnownKind('v1', 'Deployment')).toBe(false);
    expect(isKnownKind('podwire.dev/v1alpha1', 'Simulation')).toBe(true);
  });
});

describe('checkSchema: unknown fields', () => {
  it('reports a misspelled top-level field', () => {
    const body = yaml(
      deployment
        .replace('spec:\n  replicas', 'specc:\n  replicas')
        .replace('metadata:\n  name: web', 'metafffdata:\n  name: web'),
    );
    expect(checkSchema('apps/v1', 'Deployment', body)).toEqual([
      {
        type: 'StrictDecoding',
        path: ['metafffdata'],
        message: 'strict decoding error: unknown field "metafffdata"',
        severity: 'error',
        atKey: true,
      },
      {
        type: 'StrictDecoding',
        path: ['specc'],
        message: 'strict decoding error: unknown field "specc"',
        severity: 'error',
        atKey: true,
      },
    ]);
  });

  it('reports a misspelled field in spec', () => {
    const body = yaml(service.replace('selector:', 'selecter:'));
    expect(check(body)).toEqual([
      { path: ['spec', 'selecter'], message: 'strict decoding error: unknown field "spec.selecter"' },
    ]);
  });

  it('writes list indexes into the path, as sigs.k8s.io/json does', () => {
    const body = yaml(deployment.replace('imagePullPolicy: IfNotPresent', 'imagePullPolicyy: IfNotPresent'));
    expect(check(body)).toEqual([
      {
        path: ['spec', 'template', 'spec', 'containers', 0, 'imagePullPolicyy'],
        message: 'strict decoding error: unknown field "spec.template.spec.containers[0].imagePullPolicyy"',
      },
    ]);
  });

  it('is case-sensitive, as the API server is', () => {
    const body = yaml(`{apiVersion: apps/v1, kind: Deployment, spec: {Replicas: 1}}`);
    expect(check(body)).toEqual([
      { path: ['spec', 'Replicas'], message: 'strict decoding error: unknown field "spec.Replicas"' },
    ]);
  });

  it('never treats keys of string maps as fields', () => {
    const body = yaml(`
apiVersion: v1
kind: Service
metadata: {labels: {specc: x, "app.kubernetes.io/name": y}, annotations: {anything: goes}}
spec: {selector: {selecter: x}}
`);
    expect(check(body)).toEqual([]);
    const quota = yaml(`{apiVersion: v1, kind: ResourceQuota, spec: {hard: {pods: 10, whatever: 1Gi}}}`);
    expect(check(quota)).toEqual([]);
  });

  it('treats __proto__, constructor and toString as ordinary keys', () => {
    const body = JSON.parse(
      '{"apiVersion":"v1","kind":"Service","metadata":{"labels":{"__proto__":"x","constructor":"y"}},' +
        '"spec":{"__proto__":1,"constructor":2,"toString":3,"selector":{"__proto__":"z"}}}',
    ) as JsonObject;
    expect(check(body)).toEqual([
      { path: ['spec', '__proto__'], message: 'strict decoding error: unknown field "spec.__proto__"' },
      { path: ['spec', 'constructor'], message: 'strict decoding error: unknown field "spec.constructor"' },
      { path: ['spec', 'toString'], message: 'strict decoding error: unknown field "spec.toString"' },
    ]);
    expect(checkSchema('v1', 'Service', Object.create(null) as JsonObject)).toEqual([]);
    expect(isKnownKind('v1', '__proto__')).toBe(false);
    expect(isKnownKind('__proto__', 'constructor')).toBe(false);
  });

  it(`stops after ${MAX_ERRORS} errors`, () => {
    const spec: Record<string, number> = {};
    for (let i = 0; i < 5000; i++) spec[`bogus${i}`] = i;
    const errors = checkSchema('v1', 'Service', { apiVersion: 'v1', kind: 'Service', spec });
    expect(errors).toHaveLength(MAX_ERRORS);
  });
});

describe('checkSchema: wrong JSON types', () => {
  it('replicas: "3" is a string where Go wants int32', () => {
    const body = yaml(deployment.replace('replicas: 3', 'replicas: "3"'));
    expect(checkSchema('apps/v1', 'Deployment', body)).toEqual([
      {
        type: 'FieldValueTypeInvalid',
        path: ['spec', 'replicas'],
        message:
          'json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32',
        severity: 'error',
      },
    ]);
  });

  it('names the innermost struct and leaves list indexes out of the Go field path', () => {
    const body = yaml(service.replace('port: 80,', 'port: "80",'));
    expect(check(body)).toEqual([
      {
        path: ['spec', 'ports', 0, 'port'],
        message:
          'json: cannot unmarshal string into Go struct field ServicePort.spec.ports.port of type int32',
      },
    ]);
  });

  it('targetPort: 80.5 fails in IntOrString.UnmarshalJSON', () => {
    const body = yaml(service.replace('targetPort: 8443', 'targetPort: 80.5'));
    expect(check(body)).toEqual([
      {
        path: ['spec', 'ports', 1, 'targetPort'],
        message: 'json: cannot unmarshal number 80.5 into Go value of type int32',
      },
    ]);
    const bad = yaml(service.replace('targetPort: 8443', 'targetPort: true'));
    expect(check(bad)[0]?.message).toBe('json: cannot unmarshal bool into Go value of type int32');
    const big = yaml(service.replace('targetPort: 8443', 'targetPort: 3000000000'));
    expect(check(big)[0]?.message).toBe(
      'json: cannot unmarshal number 3000000000 into Go value of type int32',
    );
  });

  it('replicas: 1e309 is out of float64 range (go-yaml hands it on as a string)', () => {
    const body = yaml(deployment.replace('replicas: 3', 'replicas: 1e309'));
    expect(check(body)).toEqual([
      {
        path: ['spec', 'replicas'],
        message:
          'json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32',
      },
    ]);
  });

  it('rejects fractions and out-of-range integers with the number itself', () => {
    expect(check(yaml(deployment.replace('replicas: 3', 'replicas: 2.5')))[0]?.message).toBe(
      'json: cannot unmarshal number 2.5 into Go struct field DeploymentSpec.spec.replicas of type int32',
    );
    expect(check(yaml(deployment.replace('replicas: 3', 'replicas: 2147483648')))[0]?.message).toBe(
      'json: cannot unmarshal number 2147483648 into Go struct field DeploymentSpec.spec.replicas of type int32',
    );
    expect(check(yaml(deployment.replace('replicas: 3', 'replicas: 3.0')))).toEqual([]);
    // int64 fields take what int32 ones do not.
    expect(
      check(
        yaml(
          deployment.replace(
            'terminationGracePeriodSeconds: 30',
            'terminationGracePeriodSeconds: 2147483648',
          ),
        ),
      ),
    ).toEqual([]);
    expect(check(yaml(deployment.replace('runAsUser: 1000', 'runAsUser: "1000"')))[0]?.message).toBe(
      'json: cannot unmarshal string into Go struct field PodSecurityContext.spec.template.spec.securityContext.runAsUser of type int64',
    );
  });

  it('names Go types: structs, lists, maps and named strings', () => {
    const cases: [string, string, string][] = [
      [
        deployment.replace(
          /containers:\n(.|\n)*?terminationGracePeriodSeconds/,
          'containers: nginx\n      terminationGracePeriodSeconds',
        ),
        'spec.template.spec.containers',
        'json: cannot unmarshal string into Go struct field PodSpec.spec.template.spec.containers of type []v1.Container',
      ],
      [
        `{apiVersion: apps/v1, kind: Deployment, spec: [1]}`,
        'spec',
        'json: cannot unmarshal array into Go struct field Deployment.spec of type v1.DeploymentSpec',
      ],
      [
        `{apiVersion: apps/v1, kind: Deployment, spec: {template: {spec: {containers: [web]}}}}`,
        'spec.template.spec.containers[0]',
        'json: cannot unmarshal string into Go struct field PodSpec.spec.template.spec.containers of type v1.Container',
      ],
      [
        `{apiVersion: v1, kind: Service, metadata: {labels: {a: 1}}}`,
        'metadata.labels.a',
        'json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string',
      ],
      [
        `{apiVersion: v1, kind: Service, metadata: {labels: [a]}}`,
        'metadata.labels',
        'json: cannot unmarshal array into Go struct field ObjectMeta.metadata.labels of type map[string]string',
      ],
      [
        `{apiVersion: v1, kind: Service, spec: {ports: [{port: 80, protocol: 6}]}}`,
        'spec.ports[0].protocol',
        'json: cannot unmarshal number into Go struct field ServicePort.spec.ports.protocol of type v1.Protocol',
      ],
      [
        `{apiVersion: v1, kind: Service, spec: {ipFamilies: [4]}}`,
        'spec.ipFamilies[0]',
        'json: cannot unmarshal number into Go struct field ServiceSpec.spec.ipFamilies of type v1.IPFamily',
      ],
      [
        `{apiVersion: v1, kind: Service, spec: {publishNotReadyAddresses: "true"}}`,
        'spec.publishNotReadyAddresses',
        'json: cannot unmarshal string into Go struct field ServiceSpec.spec.publishNotReadyAddresses of type bool',
      ],
      [
        `{apiVersion: v1, kind: Service, spec: {selector: x}}`,
        'spec.selector',
        'json: cannot unmarshal string into Go struct field ServiceSpec.spec.selector of type map[string]string',
      ],
      [
        `{apiVersion: v1, kind: ResourceQuota, spec: {hard: x}}`,
        'spec.hard',
        'json: cannot unmarshal string into Go struct field ResourceQuotaSpec.spec.hard of type v1.ResourceList',
      ],
      [
        `{apiVersion: v1, kind: Service, metadata: {name: {a: b}}}`,
        'metadata.name',
        'json: cannot unmarshal object into Go struct field ObjectMeta.metadata.name of type string',
      ],
      [
        `{apiVersion: v1, kind: Service, metadata: {generation: "2"}}`,
        'metadata.generation',
        'json: cannot unmarshal string into Go struct field ObjectMeta.metadata.generation of type int64',
      ],
    ];
    for (const [text, path, message] of cases) {
      const errors = checkSchema('', '', {}).concat(checkSchema(...kindOf(yaml(text)), yaml(text)));
      expect(
        errors.map((e) => [formatted(e.path), e.message]),
        text,
      ).toEqual([[path, message]]);
    }
  });

  it('uses the unmarshalers of Quantity and Time', () => {
    const quota = yaml(
      `{apiVersion: v1, kind: ResourceQuota, spec: {hard: {pods: true, cpu: "4 cores", memory: " 1Gi "}}}`,
    );
    const quantityError =
      "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
    expect(check(quota)).toEqual([
      { path: ['spec', 'hard', 'pods'], message: quantityError },
      { path: ['spec', 'hard', 'cpu'], message: quantityError },
    ]);
    const pod = yaml(
      `{apiVersion: v1, kind: Pod, metadata: {creationTimestamp: 5, deletionTimestamp: "2024-01-01T00:00:00Z"}}`,
    );
    expect(check(pod)).toEqual([
      {
        path: ['metadata', 'creationTimestamp'],
        message: 'json: cannot unmarshal number into Go value of type string',
      },
    ]);
  });
});

describe('checkSchema: Simulation', () => {
  const simulation = `
apiVersion: podwire.dev/v1alpha1
kind: Simulation
metadata:
  name: whale-hosting
spec:
  cluster:
    nodes: [node-1, node-2]
    proxyMode: iptables
    serviceCIDR: 10.96.0.0/12
    podCIDR: 10.244.0.0/16
    nodePortRange: 30000-32767
  seed: 1
  traffic:
    - from: external
      to: http://a.whale.hey/
      rate: 2
    - from: pod/test/utility
      to: http://node-js-internal.default/
      rate: 0.5
  events:
    - at: 10s
      notReady: {namespace: default, selector: {app: whale-ingress-a}, count: 1}
    - at: 20
      somethingNew: {x: 1}
`;

  it('accepts the design document example, a node count, and open events', () => {
    expect(check(yaml(simulation))).toEqual([]);
    expect(check(yaml(simulation.replace('nodes: [node-1, node-2]', 'nodes: 3')))).toEqual([]);
  });

  it('reports typos and wrong types', () => {
    expect(check(yaml(simulation.replace('proxyMode', 'proxymode')))).toEqual([
      {
        path: ['spec', 'cluster', 'proxymode'],
        message: 'strict decoding error: unknown field "spec.cluster.proxymode"',
      },
    ]);
    expect(check(yaml(simulation.replace('nodes: [node-1, node-2]', 'nodes: node-1')))).toEqual([
      {
        path: ['spec', 'cluster', 'nodes'],
        message:
          'json: cannot unmarshal string into Go struct field ClusterSpec.spec.cluster.nodes of type []string',
      },
    ]);
    expect(check(yaml(simulation.replace('rate: 2', 'rate: fast')))[0]?.message).toBe(
      'json: cannot unmarshal string into Go struct field TrafficFlow.spec.traffic.rate of type float64',
    );
  });
});

describe('checkSchema: large objects', () => {
  it('checks a Service with 10,000 ports and 20,000 Deployments', () => {
    const ports = Array.from({ length: 10_000 }, (_, i) => ({
      name: `p${i}`,
      port: 1 + i,
      targetPort: i % 2 ? `http` : 8080,
      protocol: 'TCP',
    }));
    const svc = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'big' }, spec: { ports } };
    const dep = yaml(deployment);
    // How quickly is the bench's (tests/bench/hot-paths.ts); here, that the answers are right.
    expect(checkSchema('v1', 'Service', svc)).toEqual([]);
    for (let i = 0; i < 20_000; i++) expect(checkSchema('apps/v1', 'Deployment', dep)).toEqual([]);
  });

  it('stays linear on a Service with 10,000 bad ports (stops at the error cap)', () => {
    const ports = Array.from({ length: 10_000 }, (_, i) => ({ port: String(i), bogus: true }));
    const errors = checkSchema('v1', 'Service', { apiVersion: 'v1', kind: 'Service', spec: { ports } });
    expect(errors).toHaveLength(MAX_ERRORS);
  });
});

function kindOf(body: JsonObject): [string, string] {
  return [
    typeof body.apiVersion === 'string' ? body.apiVersion : '',
    typeof body.kind === 'string' ? body.kind : '',
  ];
}

function formatted(path: readonly (string | number)[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}
