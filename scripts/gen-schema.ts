// Generates src/engine/manifest/schema/{kubernetes.schema.json,kubernetes.fields.json} from the
// `.d.ts` files of the `kubernetes-types` package (its JSDoc carries the OpenAPI descriptions).
//
//   npx tsx scripts/gen-schema.ts          (npm run gen:schema)
//
// kubernetes-types writes every integer as `number` and every named string type (Protocol,
// ServiceType, …) as `string`, so three small hand tables below restore what the Go types say:
// which integers are int64, which strings are named types with a closed set of values, and which
// integers are not integers at all. Each entry is checked against the parsed types, so a table
// that drifts from kubernetes-types fails the run instead of going stale quietly.
//
// Output is deterministic (sorted definitions, declaration-order fields, no timestamps);
// tests/engine/manifest/schema/generated.test.ts re-runs `generate()` and compares.

import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';

// ---------------------------------------------------------------------------------------------
// What to generate

/** apiVersion, kind, and the kubernetes-types module that declares it. */
const KINDS: readonly (readonly [apiVersion: string, kind: string, module: string])[] = [
  ['v1', 'Pod', 'core/v1'],
  ['v1', 'ReplicationController', 'core/v1'],
  ['v1', 'Service', 'core/v1'],
  ['v1', 'Endpoints', 'core/v1'],
  ['v1', 'Namespace', 'core/v1'],
  ['v1', 'ResourceQuota', 'core/v1'],
  ['v1', 'Node', 'core/v1'],
  ['apps/v1', 'ReplicaSet', 'apps/v1'],
  ['apps/v1', 'Deployment', 'apps/v1'],
  ['apps/v1', 'StatefulSet', 'apps/v1'],
  ['apps/v1', 'DaemonSet', 'apps/v1'],
  ['discovery.k8s.io/v1', 'EndpointSlice', 'discovery/v1'],
  ['networking.k8s.io/v1', 'Ingress', 'networking/v1'],
  ['networking.k8s.io/v1', 'IngressClass', 'networking/v1'],
  ['networking.k8s.io/v1', 'NetworkPolicy', 'networking/v1'],
];

/** Integer fields that are int64 in the Go types (all others are int32). `Type.field`. */
const INT64_FIELDS: readonly string[] = [
  'meta.v1.ObjectMeta.generation',
  'meta.v1.ObjectMeta.deletionGracePeriodSeconds',
  'meta.v1.Condition.observedGeneration',
  'core.v1.PodSpec.activeDeadlineSeconds',
  'core.v1.PodSpec.terminationGracePeriodSeconds',
  'core.v1.PodSecurityContext.runAsUser',
  'core.v1.PodSecurityContext.runAsGroup',
  'core.v1.PodSecurityContext.fsGroup',
  'core.v1.PodSecurityContext.supplementalGroups',
  'core.v1.SecurityContext.runAsUser',
  'core.v1.SecurityContext.runAsGroup',
  'core.v1.Toleration.tolerationSeconds',
  'core.v1.Probe.terminationGracePeriodSeconds',
  'core.v1.SleepAction.seconds',
  'core.v1.ServiceAccountTokenProjection.expirationSeconds',
  'core.v1.ContainerImage.sizeBytes',
  'core.v1.ReplicationControllerStatus.observedGeneration',
  'apps.v1.DeploymentStatus.observedGeneration',
  'apps.v1.ReplicaSetStatus.observedGeneration',
  'apps.v1.StatefulSetStatus.observedGeneration',
  'apps.v1.DaemonSetStatus.observedGeneration',
];

/**
 * Named Go string types: the Go type (for `of type v1.Protocol` in decode errors) and, where the
 * set is closed, the values (enum completion in the editor). `Type.field`.
 */
const NAMED_STRINGS: Readonly<Record<string, readonly [goType: string, values?: readonly string[]]>> = {
  'core.v1.ServiceSpec.type': ['v1.ServiceType', ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName']],
  'core.v1.ServiceSpec.sessionAffinity': ['v1.ServiceAffinity', ['None', 'ClientIP']],
  'core.v1.ServiceSpec.externalTrafficPolicy': ['v1.ServiceExternalTrafficPolicy', ['Cluster', 'Local']],
  'core.v1.ServiceSpec.internalTrafficPolicy': ['v1.ServiceInternalTrafficPolicy', ['Cluster', 'Local']],
  'core.v1.ServiceSpec.ipFamilies': ['[]v1.IPFamily', ['IPv4', 'IPv6']],
  'core.v1.ServiceSpec.ipFamilyPolicy': [
    'v1.IPFamilyPolicy',
    ['SingleStack', 'PreferDualStack', 'RequireDualStack'],
  ],
  'core.v1.ServicePort.protocol': ['v1.Protocol', ['TCP', 'UDP', 'SCTP']],
  'core.v1.ContainerPort.protocol': ['v1.Protocol', ['TCP', 'UDP', 'SCTP']],
  'core.v1.EndpointPort.protocol': ['v1.Protocol', ['TCP', 'UDP', 'SCTP']],
  'discovery.v1.EndpointPort.protocol': ['v1.Protocol', ['TCP', 'UDP', 'SCTP']],
  'networking.v1.NetworkPolicyPort.protocol': ['v1.Protocol', ['TCP', 'UDP', 'SCTP']],
  'core.v1.Container.imagePullPolicy': ['v1.PullPolicy', ['Always', 'IfNotPresent', 'Never']],
  'core.v1.Container.terminationMessagePolicy': [
    'v1.TerminationMessagePolicy',
    ['File', 'FallbackToLogsOnError'],
  ],
  'core.v1.PodSpec.restartPolicy': ['v1.RestartPolicy', ['Always', 'OnFailure', 'Never']],
  'core.v1.PodSpec.dnsPolicy': [
    'v1.DNSPolicy',
    ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None'],
  ],
  'core.v1.PodStatus.phase': ['v1.PodPhase', ['Pending', 'Running', 'Succeeded', 'Failed', 'Unknown']],
  'core.v1.Toleration.operator': ['v1.TolerationOperator', ['Equal', 'Exists']],
  'core.v1.Toleration.effect': ['v1.TaintEffect', ['NoSchedule', 'PreferNoSchedule', 'NoExecute']],
  'core.v1.Taint.effect': ['v1.TaintEffect', ['NoSchedule', 'PreferNoSchedule', 'NoExecute']],
  'core.v1.HTTPGetAction.scheme': ['v1.URIScheme', ['HTTP', 'HTTPS']],
  'core.v1.NodeSelectorRequirement.operator': [
    'v1.NodeSelectorOperator',
    ['In', 'NotIn', 'Exists', 'DoesNotExist', 'Gt', 'Lt'],
  ],
  'meta.v1.LabelSelectorRequirement.operator': [
    'v1.LabelSelectorOperator',
    ['In', 'NotIn', 'Exists', 'DoesNotExist'],
  ],
  'apps.v1.DeploymentStrategy.type': ['v1.DeploymentStrategyType', ['Recreate', 'RollingUpdate']],
  'apps.v1.StatefulSetSpec.podManagementPolicy': ['v1.PodManagementPolicyType', ['OrderedReady', 'Parallel']],
  'apps.v1.StatefulSetUpdateStrategy.type': [
    'v1.StatefulSetUpdateStrategyType',
    ['RollingUpdate', 'OnDelete'],
  ],
  'apps.v1.DaemonSetUpdateStrategy.type': ['v1.DaemonSetUpdateStrategyType', ['RollingUpdate', 'OnDelete']],
  'discovery.v1.EndpointSlice.addressType': ['v1.AddressType', ['IPv4', 'IPv6', 'FQDN']],
  'networking.v1.HTTPIngressPath.pathType': ['v1.PathType', ['Exact', 'Prefix', 'ImplementationSpecific']],
  'networking.v1.NetworkPolicySpec.policyTypes': ['[]v1.PolicyType', ['Ingress', 'Egress']],
};

/** Definitions whose values are free-form JSON (custom Go unmarshalers that accept anything). */
const ANY_TYPES = new Set(['runtime.RawExtension', 'meta.v1.FieldsV1']);

// ---------------------------------------------------------------------------------------------
// The model shared by both outputs
//
// A field type is a compact string, also the format of kubernetes.fields.json:
//   string | bool | int32 | int64 | float64 | intstr | quantity | time | any
//   @Def            a struct (a key of `structs`)
//   []T             a list of T
//   {}T             a map from string to T
// Plus, for Podwire's own kind: `nodes` (a count, or a list of node names) and `num|string`.

export interface StructDef {
  /** Go struct name, as in `Go struct field DeploymentSpec.spec.replicas`. */
  readonly go: string;
  readonly description: string;
  /** Field name → [type, description, goType override or '', enum values]. */
  readonly fields: Map<string, FieldDef>;
  readonly required: readonly string[];
  /** Unknown keys are allowed (our own open-ended objects). */
  readonly open: boolean;
}

interface FieldDef {
  readonly type: string;
  readonly description: string;
  readonly goType: string;
  readonly values: readonly string[];
}

interface Model {
  readonly structs: Map<string, StructDef>;
  /** `apiVersion kind` → struct key. */
  readonly kinds: Map<string, string>;
  /** Descriptions of the scalar definitions (Quantity, Time, IntOrString). */
  readonly scalarDocs: Map<string, string>;
}

// ---------------------------------------------------------------------------------------------
// Reading kubernetes-types

interface Module {
  readonly key: string; // 'core.v1'
  readonly decls: Map<string, ts.InterfaceDeclaration | ts.TypeAliasDeclaration>;
  /** Imported name → module key. */
  readonly imports: Map<string, string>;
}

export function kubernetesTypesDir(): string {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve('kubernetes-types/package.json'));
}

function moduleKey(relPath: string): string {
  // 'core/v1' → 'core.v1', 'api/resource' → 'resource', 'runtime' → 'runtime'
  if (relPath === 'api/resource') return 'resource';
  return relPath.replaceAll('/', '.');
}

function docOf(node: ts.Node): string {
  const docs = ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc);
  const last = docs.at(-1);
  if (!last) return '';
  return (ts.getTextOfJSDocComment(last.comment) ?? '').trim();
}

function loadModules(dir: string): Map<string, Module> {
  const modules = new Map<string, Module>();
  const pending = ['core/v1', 'apps/v1', 'discovery/v1', 'networking/v1'];
  while (pending.length > 0) {
    const rel = pending.pop() as string;
    const key = moduleKey(rel);
    if (modules.has(key)) continue;
    const file = join(dir, `${rel}.d.ts`);
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
    const decls = new Map<string, ts.InterfaceDeclaration | ts.TypeAliasDeclaration>();
    const imports = new Map<string, string>();
    for (const stmt of source.statements) {
      if (ts.isInterfaceDeclaration(stmt) || ts.isTypeAliasDeclaration(stmt)) decls.set(stmt.name.text, stmt);
      if (ts.isImportDeclaration(stmt) && ts.isStringLiteral(stmt.moduleSpecifier)) {
        const target = join(dirname(rel), stmt.moduleSpecifier.text).replaceAll('\\', '/');
        const bindings = stmt.importClause?.namedBindings;
        if (bindings && ts.isNamedImports(bindings)) {
          for (const el of bindings.elements) imports.set(el.name.text, moduleKey(target));
        }
        pending.push(target);
      }
    }
    modules.set(key, { key, decls, imports });
  }
  return modules;
}

function goPackage(defKey: string): string {
  // 'core.v1.Pod' → 'v1'; 'resource.Quantity' → 'resource'
  const parts = defKey.split('.');
  return parts.at(-2) ?? '';
}

/** The Go type name the decoder prints for a field type. */
export function goTypeName(type: string): string {
  if (type.startsWith('[]')) return `[]${goTypeName(type.slice(2))}`;
  if (type.startsWith('{}')) {
    const elem = type.slice(2);
    if (elem === 'quantity') return 'v1.ResourceList';
    return `map[string]${goTypeName(elem)}`;
  }
  if (type.startsWith('@')) {
    const key = type.slice(1);
    return `${goPackage(key)}.${key.split('.').at(-1) ?? key}`;
  }
  switch (type) {
    case 'intstr':
      return 'intstr.IntOrString';
    case 'quantity':
      return 'resource.Quantity';
    case 'time':
      return 'v1.Time';
    case 'any':
      return 'interface {}';
    case 'num|string':
      return 'string';
    case 'nodes':
      return '[]string';
    default:
      return type;
  }
}

function buildKubernetes(dir: string): Model {
  const modules = loadModules(dir);
  const structs = new Map<string, StructDef>();
  const scalarDocs = new Map<string, string>();
  const kinds = new Map<string, string>();
  const usedInt64 = new Set<string>();
  const usedNamed = new Set<string>();

  const resolveName = (mod: Module, name: string): string => {
    if (mod.decls.has(name)) return `${mod.key}.${name}`;
    const from = mod.imports.get(name);
    if (from === undefined) throw new Error(`${mod.key}: cannot resolve ${name}`);
    return `${from}.${name}`;
  };

  const declOf = (key: string): [Module, ts.InterfaceDeclaration | ts.TypeAliasDeclaration] => {
    const dot = key.lastIndexOf('.');
    const mod = modules.get(key.slice(0, dot));
    const decl = mod?.decls.get(key.slice(dot + 1));
    if (!mod || !decl) throw new Error(`unknown type ${key}`);
    return [mod, decl];
  };

  const typeOf = (mod: Module, node: ts.TypeNode, fieldKey: string): string => {
    if (node.kind === ts.SyntaxKind.StringKeyword) return 'string';
    if (node.kind === ts.SyntaxKind.BooleanKeyword) return 'bool';
    if (node.kind === ts.SyntaxKind.NumberKeyword) {
      if (INT64_FIELDS.includes(fieldKey)) {
        usedInt64.add(fieldKey);
        return 'int64';
      }
      return 'int32';
    }
    if (ts.isLiteralTypeNode(node) && ts.isStringLiteral(node.literal)) return 'string';
    if (ts.isUnionTypeNode(node)) {
      const kinds = node.types.map((t) => t.kind).sort();
      if (
        kinds.length === 2 &&
        kinds.includes(ts.SyntaxKind.NumberKeyword) &&
        kinds.includes(ts.SyntaxKind.StringKeyword)
      ) {
        return 'intstr';
      }
      throw new Error(`${fieldKey}: unsupported union ${node.getText()}`);
    }
    if (ts.isArrayTypeNode(node)) return `[]${typeOf(mod, node.elementType, fieldKey)}`;
    if (ts.isTypeReferenceNode(node) && ts.isIdentifier(node.typeName)) {
      const name = node.typeName.text;
      if (name === 'Array') {
        const arg = node.typeArguments?.[0];
        if (!arg) throw new Error(`${fieldKey}: Array without element type`);
        return `[]${typeOf(mod, arg, fieldKey)}`;
      }
      const key = resolveName(mod, name);
      if (key === 'resource.Quantity') {
        scalarDocs.set(key, docOf(declOf(key)[1]));
        return 'quantity';
      }
      if (key === 'meta.v1.Time' || key === 'meta.v1.MicroTime') {
        scalarDocs.set('meta.v1.Time', docOf(declOf('meta.v1.Time')[1]));
        return 'time';
      }
      if (ANY_TYPES.has(key)) {
        scalarDocs.set(key, docOf(declOf(key)[1]));
        return `any:${key}`;
      }
      visit(key);
      return `@${key}`;
    }
    if (ts.isTypeLiteralNode(node)) {
      const index = node.members.find(ts.isIndexSignatureDeclaration);
      if (index && node.members.length === 1) return `{}${typeOf(mod, index.type, fieldKey)}`;
    }
    throw new Error(`${fieldKey}: unsupported type ${node.getText()}`);
  };

  const visit = (key: string): void => {
    if (structs.has(key)) return;
    const [mod, decl] = declOf(key);
    if (!ts.isInterfaceDeclaration(decl)) throw new Error(`${key} is not an interface`);
    const fields = new Map<string, FieldDef>();
    const required: string[] = [];
    const def: StructDef = { go: decl.name.text, description: docOf(decl), fields, required, open: false };
    structs.set(key, def); // before the fields: types may refer back
    for (const member of decl.members) {
      if (!ts.isPropertySignature(member) || !member.type) continue;
      const name = member.name.getText().replace(/^"(.*)"$/, '$1');
      const fieldKey = `${key}.${name}`;
      let type = typeOf(mod, member.type, fieldKey);
      let goType = '';
      let values: readonly string[] = [];
      const named = NAMED_STRINGS[fieldKey];
      if (named) {
        usedNamed.add(fieldKey);
        if (type !== 'string' && type !== '[]string') throw new Error(`${fieldKey}: named string on ${type}`);
        goType = named[0];
        values = named[1] ?? [];
      }
      if (type.startsWith('any:')) type = 'any';
      fields.set(name, { type, description: docOf(member), goType, values });
      if (!member.questionToken) required.push(name);
    }
  };

  for (const [apiVersion, kind, module] of KINDS) {
    const key = `${moduleKey(module)}.${kind}`;
    visit(key);
    kinds.set(`${apiVersion} ${kind}`, key);
  }
  for (const k of INT64_FIELDS) if (!usedInt64.has(k)) throw new Error(`INT64_FIELDS: ${k} not found`);
  for (const k of Object.keys(NAMED_STRINGS))
    if (!usedNamed.has(k)) throw new Error(`NAMED_STRINGS: ${k} not found`);
  scalarDocs.set(
    'intstr.IntOrString',
    'IntOrString is a type that can hold an int32 or a string. When used in JSON or YAML marshalling and unmarshalling, it produces or consumes the inner type. This allows you to have, for example, a JSON field that can accept a name or number.',
  );
  return { structs, kinds, scalarDocs };
}

// ---------------------------------------------------------------------------------------------
// Podwire's own kind (design.md, "The scenario: one text")

function addSimulation(model: Model): void {
  const f = (type: string, description: string, values: readonly string[] = []): FieldDef => ({
    type,
    description,
    goType: '',
    values,
  });
  const struct = (
    go: string,
    description: string,
    fields: Record<string, FieldDef>,
    required: readonly string[] = [],
    open = false,
  ): StructDef => ({ go, description, fields: new Map(Object.entries(fields)), required, open });
  const meta = model.structs.get('core.v1.Pod')?.fields;
  const typeMeta = {
    apiVersion: f('string', meta?.get('apiVersion')?.description ?? ''),
    kind: f('string', meta?.get('kind')?.description ?? ''),
  };
  const s = model.structs;
  s.set(
    'podwire.v1alpha1.Simulation',
    struct(
      'Simulation',
      "Simulation holds a Podwire scenario's cluster settings, traffic and scripted events. Optional: without it, defaults apply.",
      {
        ...typeMeta,
        metadata: f('@meta.v1.ObjectMeta', "Standard object's metadata."),
        spec: f(
          '@podwire.v1alpha1.SimulationSpec',
          'The simulated cluster, the traffic sent through it, and events during the run.',
        ),
      },
    ),
  );
  s.set(
    'podwire.v1alpha1.SimulationSpec',
    struct('SimulationSpec', 'SimulationSpec describes one simulation run.', {
      cluster: f(
        '@podwire.v1alpha1.ClusterSpec',
        'The simulated cluster: nodes, kube-proxy mode and address ranges.',
      ),
      seed: f(
        'int64',
        "Seed of the run's random choices (load balancing, pod IPs). The same scenario and seed give the same run.",
      ),
      traffic: f('[]@podwire.v1alpha1.TrafficFlow', 'Requests sent through the cluster during the run.'),
      events: f('[]@podwire.v1alpha1.Event', 'What happens during the run, in virtual time.'),
    }),
  );
  s.set(
    'podwire.v1alpha1.ClusterSpec',
    struct('ClusterSpec', 'ClusterSpec describes the simulated cluster.', {
      nodes: f('nodes', 'Worker nodes: a list of node names, or a count. Defaults to 2 workers.'),
      proxyMode: f('string', 'kube-proxy mode on every node. Defaults to iptables.', [
        'iptables',
        'ipvs',
        'nftables',
        'userspace',
      ]),
      serviceCIDR: f('string', 'Range ClusterIPs are allocated from, e.g. 10.96.0.0/12.'),
      podCIDR: f('string', 'Cluster pod range, split into per-node ranges, e.g. 10.244.0.0/16.'),
      nodePortRange: f('string', 'Range NodePorts are allocated from, e.g. 30000-32767.'),
    }),
  );
  s.set(
    'podwire.v1alpha1.TrafficFlow',
    struct(
      'TrafficFlow',
      'TrafficFlow is a stream of requests from one source to one destination.',
      {
        from: f('string', 'Where requests start: external, pod/NAMESPACE/NAME or node/NAME.'),
        to: f('string', 'Where requests go: a URL (http://host/path) or HOST:PORT.'),
        rate: f('float64', 'Requests per second of virtual time.'),
      },
      ['from', 'to'],
    ),
  );
  s.set(
    'podwire.v1alpha1.Event',
    struct(
      'Event',
      'Event is something that happens at a moment of the run. Exactly one action besides `at`.',
      {
        at: f('num|string', 'When, in virtual time: a duration such as 10s, or seconds.'),
        notReady: f(
          'any',
          'Pods that turn not ready, e.g. {namespace: default, selector: {app: web}, count: 1}.',
        ),
        ready: f('any', 'Pods that turn ready again.'),
        deletePod: f('any', 'A pod that goes away.'),
        nodeDown: f('any', 'A node that goes away.'),
        apply: f('any', 'An object that is applied.'),
        delete: f('any', 'An object that is deleted.'),
      },
      ['at'],
      true,
    ),
  );
  model.kinds.set('podwire.dev/v1alpha1 Simulation', 'podwire.v1alpha1.Simulation');
}

// ---------------------------------------------------------------------------------------------
// Output 1: the field table the checker walks (compact)

export interface FieldTable {
  /** `apiVersion kind` → struct key. */
  readonly kinds: Record<string, string>;
  /** struct key → [Go struct name, { field: type | [type, goType] }, open?]. */
  readonly structs: Record<string, readonly [string, Record<string, string | readonly [string, string]>, 1?]>;
}

function fieldTable(model: Model): FieldTable {
  const kinds: Record<string, string> = {};
  for (const k of [...model.kinds.keys()].sort()) kinds[k] = model.kinds.get(k) as string;
  const structs: Record<string, readonly [string, Record<string, string | readonly [string, string]>, 1?]> =
    {};
  for (const key of [...model.structs.keys()].sort()) {
    const def = model.structs.get(key) as StructDef;
    const fields: Record<string, string | readonly [string, string]> = {};
    for (const [name, field] of def.fields)
      fields[name] = field.goType ? [field.type, field.goType] : field.type;
    structs[key] = def.open ? [def.go, fields, 1] : [def.go, fields];
  }
  return { kinds, structs };
}

// ---------------------------------------------------------------------------------------------
// Output 2: JSON Schema draft-07 for monaco-yaml

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const QUANTITY_PATTERN = '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$';

function schemaOf(type: string, field?: FieldDef): { [key: string]: Json } {
  if (type.startsWith('[]')) {
    return { type: 'array', items: schemaOf(type.slice(2), field) };
  }
  if (type.startsWith('{}')) return { type: 'object', additionalProperties: schemaOf(type.slice(2)) };
  if (type.startsWith('@')) return { $ref: `#/definitions/${type.slice(1)}` };
  switch (type) {
    case 'string': {
      const values = field?.values ?? [];
      return values.length ? { type: 'string', enum: [...values] } : { type: 'string' };
    }
    case 'bool':
      return { type: 'boolean' };
    case 'int32':
    case 'int64':
      return { type: 'integer', format: type };
    case 'float64':
      return { type: 'number' };
    case 'intstr':
      return { $ref: '#/definitions/intstr.IntOrString' };
    case 'quantity':
      return { $ref: '#/definitions/resource.Quantity' };
    case 'time':
      return { $ref: '#/definitions/meta.v1.Time' };
    case 'num|string':
      return { type: ['string', 'number'] };
    case 'nodes':
      return {
        anyOf: [
          { type: 'integer', minimum: 0 },
          { type: 'array', items: { type: 'string' } },
        ],
      };
    case 'any':
      return {};
    default:
      throw new Error(`no schema for ${type}`);
  }
}

function jsonSchema(model: Model): { [key: string]: Json } {
  const definitions: { [key: string]: Json } = {};
  const kindOf = new Map<string, [string, string]>();
  for (const [av, key] of model.kinds) {
    const [apiVersion, kind] = av.split(' ') as [string, string];
    kindOf.set(key, [apiVersion, kind]);
  }
  for (const key of [...model.structs.keys()].sort()) {
    const def = model.structs.get(key) as StructDef;
    const properties: { [key: string]: Json } = {};
    const gvk = kindOf.get(key);
    for (const [name, field] of def.fields) {
      let schema = schemaOf(field.type, field);
      if (gvk && name === 'apiVersion') schema = { type: 'string', enum: [gvk[0]] };
      if (gvk && name === 'kind') schema = { type: 'string', enum: [gvk[1]] };
      properties[name] = field.description ? { description: field.description, ...schema } : schema;
    }
    const out: { [key: string]: Json } = { type: 'object' };
    if (def.description) out.description = def.description;
    out.properties = properties;
    const required = gvk
      ? ['apiVersion', 'kind', ...def.required.filter((r) => r !== 'apiVersion' && r !== 'kind')]
      : def.required;
    if (required.length) out.required = [...required];
    if (!def.open) out.additionalProperties = false;
    if (gvk)
      out['x-kubernetes-group-version-kind'] = [
        {
          group: gvk[0].includes('/') ? (gvk[0].split('/')[0] ?? '') : '',
          version: gvk[0].split('/').at(-1) ?? '',
          kind: gvk[1],
        },
      ];
    definitions[key] = out;
  }
  definitions['intstr.IntOrString'] = {
    description: model.scalarDocs.get('intstr.IntOrString') ?? '',
    type: ['integer', 'string'],
    'x-kubernetes-int-or-string': true,
  };
  definitions['resource.Quantity'] = {
    description: model.scalarDocs.get('resource.Quantity') ?? '',
    anyOf: [{ type: 'number' }, { type: 'string', pattern: QUANTITY_PATTERN }],
  };
  definitions['meta.v1.Time'] = {
    description: model.scalarDocs.get('meta.v1.Time') ?? '',
    type: ['string', 'null'],
    format: 'date-time',
  };
  const sortedDefinitions: { [key: string]: Json } = {};
  for (const key of Object.keys(definitions).sort()) sortedDefinitions[key] = definitions[key] as Json;

  const entries = [...model.kinds].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://podwire.dev/schema/kubernetes.schema.json',
    title: "Kubernetes objects Podwire simulates (Kubernetes 1.30) and Podwire's Simulation",
    description: 'Generated by scripts/gen-schema.ts from kubernetes-types. Do not edit.',
    type: 'object',
    properties: {
      apiVersion: {
        description: 'APIVersion defines the versioned schema of this representation of an object.',
        type: 'string',
        examples: [...new Set(entries.map(([av]) => av.split(' ')[0] ?? ''))],
      },
      kind: {
        description: 'Kind is a string value representing the REST resource this object represents.',
        type: 'string',
        examples: entries.map(([av]) => av.split(' ')[1] ?? ''),
      },
    },
    allOf: entries.map(([av, key]) => {
      const [apiVersion, kind] = av.split(' ') as [string, string];
      return {
        if: {
          properties: { apiVersion: { const: apiVersion }, kind: { const: kind } },
          required: ['apiVersion', 'kind'],
        },
        then: { $ref: `#/definitions/${key}` },
      };
    }),
    definitions: sortedDefinitions,
  };
}

// ---------------------------------------------------------------------------------------------
// Entry points

export interface Generated {
  /** File name (in src/engine/manifest/schema/) → contents. */
  readonly files: Record<string, string>;
}

export function generate(typesDir: string = kubernetesTypesDir()): Generated {
  const model = buildKubernetes(typesDir);
  addSimulation(model);
  return {
    files: {
      'kubernetes.schema.json': `${JSON.stringify(jsonSchema(model), null, 1)}\n`,
      'kubernetes.fields.json': `${JSON.stringify(fieldTable(model))}\n`,
    },
  };
}

export const OUT_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../src/engine/manifest/schema');

function main(): void {
  const { files } = generate();
  for (const [name, text] of Object.entries(files)) {
    writeFileSync(join(OUT_DIR, name), text);
    console.log(`${name}: ${(Buffer.byteLength(text) / 1024).toFixed(0)} KiB`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
