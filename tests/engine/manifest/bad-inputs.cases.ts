// Bad inputs and what Podwire must say about each: the message and the line it points at.
// Texts are built here when they are generated (bombs, huge input); the rest are plain YAML.

const svc = (spec: string, name = 'web') =>
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: ${name}\nspec:\n${spec}`;
const deploy = (spec: string) =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n${spec}`;
const template = `  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n      - name: web\n        image: nginx\n`;
const pod = (containers: string) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n${containers}`;
const ingress = (paths: string) =>
  `apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: ing\nspec:\n  rules:\n  - host: foo.bar.com\n    http:\n      paths:\n${paths}`;

function billionLaughs(): string {
  let s = 'a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
  for (let i = 1; i <= 9; i++)
    s += `a${i}: &a${i} [${Array(9)
      .fill(`*a${i - 1}`)
      .join(',')}]\n`;
  return s;
}

function mergeChain(n: number): string {
  let s = 'a0: &a0 {x: 1}\n';
  for (let i = 1; i <= n; i++) s += `a${i}: &a${i} {<<: *a${i - 1}}\n`;
  return s;
}

export interface BadCase {
  readonly name: string;
  readonly text: string;
  readonly severity: 'error' | 'warning' | 'info';
  readonly line: number;
  /** The whole first line of the message, or its start when `prefix` is set. */
  readonly message: string;
  readonly prefix?: boolean;
}

export const badCases: readonly BadCase[] = [
  // YAML syntax
  {
    name: 'unclosed flow sequence',
    text: 'apiVersion: v1\nkind: Service\nports: [\n',
    severity: 'error',
    line: 4,
    message: 'error converting YAML to JSON: yaml: line 4:',
    prefix: true,
  },
  {
    name: 'tab indentation',
    text: 'apiVersion: v1\nkind: Namespace\nmetadata:\n\tname: x\n',
    severity: 'error',
    line: 4,
    message: 'error converting YAML to JSON: yaml: line 4: found character that cannot start any token',
  },
  {
    name: 'duplicate key replicas',
    text: deploy(`  replicas: 1\n  replicas: 2\n${template}`),
    severity: 'error',
    line: 7,
    message: 'error converting YAML to JSON: yaml: line 7: key "replicas" already set in map',
  },
  {
    name: 'duplicate key in JSON',
    text: '{"apiVersion": "v1", "kind": "Namespace", "kind": "Namespace", "metadata": {"name": "x"}}',
    severity: 'error',
    line: 1,
    message: 'error converting YAML to JSON: yaml: line 1: key "kind" already set in map',
  },
  {
    name: 'unresolved alias',
    text: 'apiVersion: v1\nkind: Namespace\nmetadata: *nope\n',
    severity: 'error',
    line: 3,
    message: 'error converting YAML to JSON: yaml: line 3:',
    prefix: true,
  },
  {
    name: 'billion laughs',
    text: billionLaughs(),
    severity: 'error',
    line: 1,
    message: 'error converting YAML to JSON: yaml: document contains excessive aliasing',
  },
  {
    name: 'merge-key chain of 5,000',
    text: mergeChain(5000),
    severity: 'error',
    line: 1,
    message: 'error converting YAML to JSON: yaml: document contains excessive aliasing',
  },
  {
    name: '5,000 nested flow sequences',
    text: '['.repeat(5000) + ']'.repeat(5000),
    severity: 'error',
    line: 1,
    message: 'the document nests deeper than 100 levels',
  },
  {
    name: '2,000-level block nesting',
    text: Array.from({ length: 2000 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' 1\n',
    severity: 'error',
    line: 101,
    message: 'the document nests deeper than 100 levels',
  },
  {
    name: 'binary garbage (PNG)',
    text: '\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR',
    severity: 'error',
    line: 1,
    message: 'error converting YAML to JSON: yaml: control characters are not allowed',
  },
  {
    name: 'NUL bytes',
    text: 'apiVersion: v1\u0000\u0000\nkind: Pod\n',
    severity: 'error',
    line: 1,
    message: 'error converting YAML to JSON: yaml: control characters are not allowed',
  },
  {
    name: 'UTF-16 text',
    text: 'a\u0000p\u0000i\u0000V\u0000e\u0000r\u0000s\u0000i\u0000o\u0000n\u0000',
    severity: 'error',
    line: 1,
    message: 'error converting YAML to JSON: yaml: control characters are not allowed',
  },
  {
    name: 'huge input (9 MB)',
    text: `# ${'x'.repeat(9 * 1024 * 1024)}\n`,
    severity: 'error',
    line: 1,
    message: 'the text is 9.0 MB; Podwire reads at most 8.0 MB',
  },
  // Not objects
  {
    name: 'a scalar document',
    text: 'hello\n',
    severity: 'error',
    line: 1,
    message: 'expected a Kubernetes object (a mapping with apiVersion and kind), found a string',
  },
  {
    name: 'a list document',
    text: '- a\n- b\n',
    severity: 'error',
    line: 1,
    message: 'expected a Kubernetes object (a mapping with apiVersion and kind), found a list',
  },
  {
    name: 'missing apiVersion',
    text: 'kind: Service\nmetadata:\n  name: x\n',
    severity: 'error',
    line: 1,
    message: 'error validating data: apiVersion not set',
  },
  {
    name: 'missing kind',
    text: 'apiVersion: v1\nmetadata:\n  name: x\n',
    severity: 'error',
    line: 1,
    message: 'error validating data: kind not set',
  },
  {
    name: 'missing both',
    text: 'metadata:\n  name: x\n',
    severity: 'error',
    line: 1,
    message: 'error validating data: [apiVersion not set, kind not set]',
  },
  {
    name: 'kind in lower case',
    text: deploy(template).replace('kind: Deployment', 'kind: deployment'),
    severity: 'error',
    line: 2,
    message: 'no matches for kind "deployment" in version "apps/v1"',
  },
  {
    name: 'removed extensions/v1beta1 Deployment',
    text: deploy(template).replace('apps/v1', 'extensions/v1beta1'),
    severity: 'error',
    line: 1,
    message: 'no matches for kind "Deployment" in version "extensions/v1beta1"',
  },
  {
    name: 'a CRD kind',
    text: 'apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: r\n',
    severity: 'warning',
    line: 2,
    message:
      'VirtualService (networking.istio.io/v1) is not simulated: Podwire keeps it but it has no effect on the picture',
  },
  {
    name: 'a custom tag',
    text: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  f: !!python/object "os.system"\n',
    severity: 'warning',
    line: 6,
    message:
      'Unresolved tag: tag:yaml.org,2002:python/object: Kubernetes ignores this tag and reads the value as plain data',
  },
  // Strict decoding and types
  {
    name: 'unknown top-level field',
    text: svc('  ports:\n  - port: 80\n') + 'specc: {}\n',
    severity: 'error',
    line: 8,
    message: 'strict decoding error: unknown field "specc"',
  },
  {
    name: 'unknown field in spec',
    text: deploy(`  selecter: {}\n${template}`),
    severity: 'error',
    line: 6,
    message: 'strict decoding error: unknown field "spec.selecter"',
  },
  {
    name: 'misspelled metadata',
    text: 'apiVersion: v1\nkind: Namespace\nmetafffdata:\n  name: x\n',
    severity: 'error',
    line: 3,
    message: 'strict decoding error: unknown field "metafffdata"',
  },
  {
    name: 'replicas as a string',
    text: deploy(`  replicas: "3"\n${template}`),
    severity: 'error',
    line: 6,
    message: 'json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32',
  },
  {
    name: 'port as a string',
    text: svc('  ports:\n  - port: "80"\n'),
    severity: 'error',
    line: 7,
    message: 'json: cannot unmarshal string into Go struct field ServicePort.spec.ports.port of type int32',
  },
  {
    name: 'fractional targetPort',
    text: svc('  ports:\n  - port: 80\n    targetPort: 80.5\n'),
    severity: 'error',
    line: 8,
    message: 'json: cannot unmarshal number 80.5 into Go value of type int32',
  },
  {
    name: 'replicas 1e309',
    text: deploy(`  replicas: 1e309\n${template}`),
    severity: 'error',
    line: 6,
    message: 'json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32',
  },
  // API-server validation
  {
    name: 'Service name with an underscore',
    text: svc('  ports:\n  - port: 80\n', 'Node_JS'),
    severity: 'error',
    line: 4,
    message:
      "metadata.name: Invalid value: \"Node_JS\": a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
  },
  {
    name: 'two ports, second unnamed',
    text: svc('  ports:\n  - name: http\n    port: 80\n  - port: 443\n'),
    severity: 'error',
    line: 9,
    message: 'spec.ports[1].name: Required value',
  },
  {
    name: 'port out of range',
    text: svc('  ports:\n  - port: 70000\n'),
    severity: 'error',
    line: 7,
    message: 'spec.ports[0].port: Invalid value: 70000: must be between 1 and 65535, inclusive',
  },
  {
    name: 'unsupported Service type',
    text: svc('  type: Public\n  ports:\n  - port: 80\n'),
    severity: 'error',
    line: 6,
    message:
      'spec.type: Unsupported value: "Public": supported values: "ClusterIP", "ExternalName", "LoadBalancer", "NodePort"',
  },
  {
    name: 'unsupported sessionAffinity',
    text: svc('  sessionAffinity: Sticky\n  ports:\n  - port: 80\n'),
    severity: 'error',
    line: 6,
    message: 'spec.sessionAffinity: Unsupported value: "Sticky": supported values: "ClientIP", "None"',
  },
  {
    name: 'Pod without containers',
    text: pod('  restartPolicy: Always\n'),
    severity: 'error',
    line: 5,
    message: 'spec.containers: Required value',
  },
  {
    name: 'container port name too long',
    text: pod(
      '  containers:\n  - name: c\n    image: nginx\n    ports:\n    - name: much-too-long-port-name\n      containerPort: 80\n',
    ),
    severity: 'error',
    line: 10,
    message:
      'spec.containers[0].ports[0].name: Invalid value: "much-too-long-port-name": must be no more than 15 characters',
  },
  {
    name: 'Ingress path without pathType',
    text: ingress(
      '      - path: /foo\n        backend:\n          service:\n            name: s1\n            port:\n              number: 80\n',
    ),
    severity: 'error',
    line: 10,
    message: 'spec.rules[0].http.paths[0].pathType: Required value: pathType must be specified',
  },
  {
    name: 'Ingress Prefix path not absolute',
    text: ingress(
      '      - path: foo\n        pathType: Prefix\n        backend:\n          service:\n            name: s1\n            port:\n              number: 80\n',
    ),
    severity: 'error',
    line: 10,
    message: 'spec.rules[0].http.paths[0].path: Invalid value: "foo": must be an absolute path',
  },
  {
    name: 'label value of 64 characters',
    text: `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: x\n  labels:\n    team: ${'a'.repeat(64)}\n`,
    severity: 'error',
    line: 6,
    message: `metadata.labels: Invalid value: "${'a'.repeat(64)}": must be no more than 63 characters`,
  },
  {
    name: 'annotation over 256 KB',
    text: `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: x\n  annotations:\n    big: ${'a'.repeat(262145)}\n`,
    severity: 'error',
    line: 6,
    message: 'metadata.annotations: Too long: must have at most 262144 bytes',
  },
  {
    name: 'selector does not match template',
    text: deploy(template.replace('labels: {app: web}', 'labels: {app: api}')),
    severity: 'error',
    line: 10,
    message:
      'spec.template.metadata.labels: Invalid value: map[string]string{"app":"api"}: `selector` does not match template `labels`',
  },
  {
    name: 'negative replicas',
    text: deploy(`  replicas: -1\n${template}`),
    severity: 'error',
    line: 6,
    message: 'spec.replicas: Invalid value: -1: must be greater than or equal to 0',
  },
  {
    name: '__proto__ as a label key',
    text: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: x\n  labels:\n    __proto__: a\n',
    severity: 'error',
    line: 6,
    message:
      "metadata.labels: Invalid value: \"__proto__\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
  },
  {
    name: 'name of 254 characters',
    text: `apiVersion: v1\nkind: Namespace\nmetadata:\n  name: ${'a'.repeat(254)}\n`,
    severity: 'error',
    line: 4,
    message: `metadata.name: Invalid value: "${'a'.repeat(254)}": must be no more than 63 characters`,
  },
  {
    name: 'Korean label value',
    text: 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: x\n  labels:\n    team: 네트워크\n',
    severity: 'error',
    line: 6,
    message:
      "metadata.labels: Invalid value: \"네트워크\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
  },
  {
    name: 'NodePort on a ClusterIP Service',
    text: svc('  ports:\n  - port: 80\n    nodePort: 30001\n'),
    severity: 'error',
    line: 8,
    message: "spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'",
  },
];
