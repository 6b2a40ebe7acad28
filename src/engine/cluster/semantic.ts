// Mirrors what `kubectl describe` and the controllers leave a learner to discover (endpoints_controller.go
// FindPort misses, ingress-nginx "service not found"): Service, Endpoints and Ingress wiring that cannot work.

import { field, isJsonObject } from '../manifest/json-value.ts';
import type { Diagnostic, FieldPath, JsonValue, ManifestObject } from '../manifest/types.ts';
import { indexPods } from './endpoints-pod-index.ts';
import type { ClusterModel, ClusterPod, ClusterService, Labels, ServicePort } from './types.ts';

/** Letters from other scripts that render like Latin ones; the usual suspects in copy-pasted YAML. */
const LOOKALIKES: Readonly<Record<string, readonly [string, string]>> = {
  а: ['a', 'Cyrillic small a'],
  е: ['e', 'Cyrillic small ie'],
  о: ['o', 'Cyrillic small o'],
  р: ['p', 'Cyrillic small er'],
  с: ['c', 'Cyrillic small es'],
  у: ['y', 'Cyrillic small u'],
  х: ['x', 'Cyrillic small ha'],
  і: ['i', 'Cyrillic small Byelorussian-Ukrainian i'],
  ј: ['j', 'Cyrillic small je'],
  ѕ: ['s', 'Cyrillic small dze'],
  ԁ: ['d', 'Cyrillic small komi de'],
  һ: ['h', 'Cyrillic small shha'],
  ο: ['o', 'Greek small omicron'],
  α: ['a', 'Greek small alpha'],
  ν: ['v', 'Greek small nu'],
  ι: ['i', 'Greek small iota'],
  κ: ['k', 'Greek small kappa'],
  τ: ['t', 'Greek small tau'],
  ℓ: ['l', 'script small l'],
  '‐': ['-', 'Unicode hyphen'],
  '–': ['-', 'en dash'],
  '—': ['-', 'em dash'],
  '\u200b': ['', 'zero-width space'],
  '\u00a0': [' ', 'no-break space'],
};

const LOOKALIKE_CHARS = new RegExp(`[${Object.keys(LOOKALIKES).join('')}]`, 'u');

function hasLookalike(text: string): boolean {
  return LOOKALIKE_CHARS.test(text);
}

function skeleton(text: string): string {
  let out = '';
  for (const ch of text) out += LOOKALIKES[ch]?.[0] ?? ch;
  return out;
}

/** `U+0430 (Cyrillic small a, looks like "a")` for each look-alike in `text`. */
function describeLookalikes(text: string): string {
  const found = [...new Set(Array.from(text).filter((ch) => LOOKALIKES[ch] !== undefined))];
  return found
    .map((ch) => {
      const [latin, name] = LOOKALIKES[ch] ?? ['', ''];
      return `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')} (${name}, looks like "${latin}")`;
    })
    .join(', ');
}

const pairs = (labels: Labels): string =>
  Object.entries(labels)
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
const plural = (n: number, word: string): string => `${String(n)} ${word}${n === 1 ? '' : 's'}`;

export function semanticDiagnostics(model: ClusterModel, objects: readonly ManifestObject[]): Diagnostic[] {
  const byIndex = new Map(objects.map((o) => [o.index, o]));
  const out: Diagnostic[] = [];
  const warn = (o: ManifestObject | undefined, path: FieldPath, code: string, message: string): void => {
    if (o === undefined) return; // objects the cluster made itself have nothing to point at
    const text = path
      .map((p, i) => (typeof p === 'number' ? `[${String(p)}]` : i === 0 ? p : `.${p}`))
      .join('');
    out.push({ severity: 'warning', message, range: o.locate(path), path: text, code: `semantic/${code}` });
  };
  const index = indexPods(model.pods);
  const podsByNamespace = new Map<string, ClusterPod[]>();
  for (const pod of model.pods) {
    const list = podsByNamespace.get(pod.namespace);
    if (list === undefined) podsByNamespace.set(pod.namespace, [pod]);
    else list.push(pod);
  }
  const backed = new Set([
    ...model.endpoints.map((e) => `${e.namespace}/${e.name}`),
    ...model.endpointSlices.map((s) => `${s.namespace}/${s.serviceName}`),
  ]);

  for (const service of model.services) {
    const o = byIndex.get(service.source.index);
    const id = `Service ${service.namespace}/${service.name}`;
    if (service.type === 'ExternalName') continue;
    const selector = service.selector;
    if (selector === undefined || Object.keys(selector).length === 0) {
      if (!backed.has(`${service.namespace}/${service.name}`)) {
        warn(
          o,
          ['spec'],
          'selectorless-no-endpoints',
          `${id} has no selector and no Endpoints or EndpointSlice for it, so it has no backends and connections to it fail. Write an Endpoints object named ${service.name} in namespace ${service.namespace}, or give the Service a selector.`,
        );
      }
      continue;
    }
    const selected = index.select(service.namespace, selector);
    if (selected.length === 0) {
      const elsewhere = [...index.elsewhere(service.namespace, selector)].map(
        ([ns, n]) => `${plural(n, 'pod')} in namespace ${ns} ${n === 1 ? 'does' : 'do'}`,
      );
      const tail =
        elsewhere.length > 0
          ? `; ${elsewhere.join(', ')} (a Service only selects pods in its own namespace)`
          : '';
      warn(
        o,
        ['spec', 'selector'],
        'selector-no-match',
        `${id} selects ${pairs(selector)} but no pod in namespace ${service.namespace} has these labels${tail}. It has no endpoints.`,
      );
      lookalikeSelector(service, selector, podsByNamespace.get(service.namespace) ?? [], (key, message) => {
        warn(o, ['spec', 'selector', key], 'selector-lookalike', message);
      });
      continue;
    }
    service.ports.forEach((port, i) => {
      const problem = targetPortProblem(id, port, selected);
      if (problem !== undefined) warn(o, ['spec', 'ports', i, 'targetPort'], problem[0], problem[1]);
    });
  }
  checkIngresses(model, objects, warn);
  return out;
}

function lookalikeSelector(
  service: ClusterService,
  selector: Labels,
  pods: readonly ClusterPod[],
  report: (key: string, message: string) => void,
): void {
  for (const [key, value] of Object.entries(selector)) {
    const keySkeleton = skeleton(key);
    const valueSkeleton = skeleton(value);
    const plain = !hasLookalike(key + value);
    for (const pod of pods) {
      const hit = Object.entries(pod.labels).find(
        ([k, v]) =>
          // Two texts with no look-alike character in either are equal only if identical.
          !(plain && !hasLookalike(k + v)) &&
          skeleton(k) === keySkeleton &&
          skeleton(v) === valueSkeleton &&
          (k !== key || v !== value),
      );
      if (hit === undefined) continue;
      const odd = describeLookalikes(key + value + hit[0] + hit[1]);
      report(
        key,
        `Service ${service.namespace}/${service.name} selects ${key}=${value}, which looks the same as the label ${hit[0]}=${hit[1]} on pod ${pod.namespace}/${pod.name} but is different text: it contains ${odd}. Labels must match character for character; retype the selector or the label.`,
      );
      break;
    }
  }
}

/** Returns [code, message] when the Service port's targetPort cannot reach the selected pods. */
function targetPortProblem(
  id: string,
  port: ServicePort,
  pods: readonly ClusterPod[],
): readonly [string, string] | undefined {
  const label = `port ${port.name === '' ? '' : `"${port.name}" `}(${String(port.port)}/${port.protocol})`;
  const target = port.targetPort;
  if (typeof target === 'number') {
    const declaring = pods.filter((p) => p.containers.some((c) => c.ports.length > 0));
    if (declaring.length === 0) return undefined;
    const exposed = declaring.some((p) =>
      p.containers.some((c) =>
        c.ports.some((cp) => cp.containerPort === target && cp.protocol === port.protocol),
      ),
    );
    if (exposed) return undefined;
    const declared = [
      ...new Set(
        declaring.flatMap((p) =>
          p.containers.flatMap((c) => c.ports.map((cp) => `${String(cp.containerPort)}/${cp.protocol}`)),
        ),
      ),
    ];
    return [
      'target-port-not-exposed',
      `${id} ${label} sends traffic to targetPort ${String(target)}, but no selected pod's container declares containerPort ${String(target)}/${port.protocol} (they declare ${declared.join(', ')}). Traffic still goes to port ${String(target)} of each pod; if nothing listens there, connections are refused.`,
    ];
  }
  const has = (p: ClusterPod): boolean =>
    p.containers.some((c) => c.ports.some((cp) => cp.name === target && cp.protocol === port.protocol));
  const missing = pods.filter((p) => !has(p));
  if (missing.length === 0) return undefined;
  if (missing.length === pods.length) {
    return [
      'target-port-name-not-found',
      `${id} ${label} has targetPort "${target}", but no selected pod has a container port named "${target}" with protocol ${port.protocol}. The endpoints controller skips this port for every pod, so it has no endpoints.`,
    ];
  }
  const names = missing
    .slice(0, 3)
    .map((p) => `${p.namespace}/${p.name}`)
    .join(', ');
  return [
    'target-port-name-mismatch',
    `${id} ${label} has targetPort "${target}", found on ${String(pods.length - missing.length)} of ${plural(pods.length, 'selected pod')}; ${plural(missing.length, 'pod')} (${names}${missing.length > 3 ? ', …' : ''}) ${missing.length === 1 ? 'has' : 'have'} no container port named "${target}", so ${missing.length === 1 ? 'it gets' : 'they get'} no endpoint for this port.`,
  ];
}

type Warn = (o: ManifestObject | undefined, path: FieldPath, code: string, message: string) => void;

function checkIngresses(model: ClusterModel, objects: readonly ManifestObject[], warn: Warn): void {
  const services = new Map(model.services.map((s) => [`${s.namespace}/${s.name}`, s]));
  for (const o of objects) {
    if (o.kind !== 'Ingress') continue;
    const namespace = o.namespace ?? 'default';
    const spec = field(o.body, 'spec');
    if (!isJsonObject(spec)) continue;
    const backends: { path: FieldPath; backend: JsonValue | undefined }[] = [
      { path: ['spec', 'defaultBackend'], backend: field(spec, 'defaultBackend') },
    ];
    const rules = field(spec, 'rules');
    (Array.isArray(rules) ? (rules as readonly JsonValue[]) : []).forEach((rule, r) => {
      const http = isJsonObject(rule) ? field(rule, 'http') : undefined;
      const paths = isJsonObject(http) ? field(http, 'paths') : undefined;
      (Array.isArray(paths) ? (paths as readonly JsonValue[]) : []).forEach((p, i) => {
        backends.push({
          path: ['spec', 'rules', r, 'http', 'paths', i, 'backend'],
          backend: isJsonObject(p) ? field(p, 'backend') : undefined,
        });
      });
    });
    for (const { path, backend } of backends) {
      const svc = isJsonObject(backend) ? field(backend, 'service') : undefined;
      if (!isJsonObject(svc)) continue;
      const name = field(svc, 'name');
      if (typeof name !== 'string') continue;
      const id = `Ingress ${namespace}/${o.name}`;
      const target = services.get(`${namespace}/${name}`);
      if (target === undefined) {
        const near = model.services.filter(
          (s) => s.name === name || (s.namespace === namespace && skeleton(s.name) === skeleton(name)),
        );
        const hints = near.map((s) =>
          s.namespace !== namespace
            ? ` A Service ${s.name} exists in namespace ${s.namespace}, but an Ingress only routes to Services in its own namespace.`
            : ` Service ${s.name} looks the same but is different text: it contains ${describeLookalikes(s.name + name)}.`,
        );
        warn(
          o,
          [...path, 'service', 'name'],
          'ingress-service-not-found',
          `${id} routes to Service ${name}, which does not exist in namespace ${namespace}; the ingress controller answers 503 for it.${hints.join('')}`,
        );
        continue;
      }
      const port = field(svc, 'port');
      const number = isJsonObject(port) ? field(port, 'number') : undefined;
      const portName = isJsonObject(port) ? field(port, 'name') : undefined;
      const list =
        target.ports
          .map((p) => (p.name === '' ? String(p.port) : `${p.name} (${String(p.port)})`))
          .join(', ') || 'none';
      if (typeof number === 'number' && !target.ports.some((p) => p.port === number)) {
        warn(
          o,
          [...path, 'service', 'port', 'number'],
          'ingress-port-not-found',
          `${id} routes to port ${String(number)} of Service ${namespace}/${name}, which has no such port (its ports: ${list}); the ingress controller answers 503 for it.`,
        );
      } else if (typeof portName === 'string' && !target.ports.some((p) => p.name === portName)) {
        warn(
          o,
          [...path, 'service', 'port', 'name'],
          'ingress-port-not-found',
          `${id} routes to port "${portName}" of Service ${namespace}/${name}, which has no port of that name (its ports: ${list}); the ingress controller answers 503 for it.`,
        );
      }
    }
  }
}
