// Podwire's own kind (podwire.dev/v1alpha1 Simulation, see design.md), validated in the API
// server's style: the same error types, formats and messages as the Kubernetes validators use.

import { fieldErrors } from '../field-errors.ts';
import type { FieldPath, JsonObject } from '../types.ts';
import { isValidCIDR } from './ip.ts';
import { inclusiveRangeError, isDns1123Label, isDns1123Subdomain, nameIsDnsSubdomain } from './names.ts';
import { validateObjectMeta, type Errors } from './object-meta.ts';
import { arr, child, get, isObject, obj, str, type Maybe } from './read-fields.ts';

const SPEC: FieldPath = ['spec'];
const CLUSTER = child(SPEC, 'cluster');
export const PROXY_MODES = ['iptables', 'ipvs', 'nftables', 'userspace'];
const MAX_NODES = 100;

export function validateSimulation(body: JsonObject, errs: Errors): void {
  validateObjectMeta(body, { nameFn: nameIsDnsSubdomain, namespaced: false }, errs);
  const spec = obj(body, 'spec');
  const cluster = obj(spec, 'cluster');
  validateNodes(get(cluster, 'nodes'), errs);
  const proxyMode = str(cluster, 'proxyMode');
  if (proxyMode !== undefined && !PROXY_MODES.includes(proxyMode))
    errs.push(fieldErrors.notSupported(child(CLUSTER, 'proxyMode'), proxyMode, PROXY_MODES));
  for (const key of ['serviceCIDR', 'podCIDR'] as const) {
    const cidr = str(cluster, key);
    if (cidr !== undefined) errs.push(...isValidCIDR(child(CLUSTER, key), cidr));
  }
  const range = str(cluster, 'nodePortRange');
  if (range !== undefined) validatePortRange(range, child(CLUSTER, 'nodePortRange'), errs);
  const seed = get(spec, 'seed');
  if (typeof seed === 'number' && !Number.isSafeInteger(seed))
    errs.push(fieldErrors.invalid(child(SPEC, 'seed'), seed, 'must be an integer'));
  (arr(spec, 'traffic') ?? []).forEach((flow, i) => {
    if (isObject(flow)) validateFlow(flow, child(SPEC, 'traffic', i), errs);
  });
  (arr(spec, 'events') ?? []).forEach((event, i) => {
    if (isObject(event)) validateEvent(event, child(SPEC, 'events', i), errs);
  });
}

function validateNodes(nodes: Maybe, errs: Errors): void {
  const path = child(CLUSTER, 'nodes');
  if (typeof nodes === 'number') {
    if (!Number.isInteger(nodes)) errs.push(fieldErrors.invalid(path, nodes, 'must be an integer'));
    else if (nodes < 1 || nodes > MAX_NODES)
      errs.push(fieldErrors.invalid(path, nodes, inclusiveRangeError(1, MAX_NODES)));
    return;
  }
  if (!Array.isArray(nodes)) return;
  if (nodes.length === 0)
    errs.push(fieldErrors.required(path, 'must name at least one node or give a count'));
  if (nodes.length > MAX_NODES) errs.push(fieldErrors.tooMany(path, nodes.length, MAX_NODES));
  const seen = new Set<string>();
  nodes.forEach((name, i) => {
    if (typeof name !== 'string') return;
    if (name === '') errs.push(fieldErrors.required(child(path, i), ''));
    else
      for (const msg of isDns1123Subdomain(name)) errs.push(fieldErrors.invalid(child(path, i), name, msg));
    if (seen.has(name)) errs.push(fieldErrors.duplicate(child(path, i), name));
    seen.add(name);
  });
}

function validatePortRange(range: string, path: FieldPath, errs: Errors): void {
  const m = /^\s*([0-9]{1,5})\s*-\s*([0-9]{1,5})\s*$/.exec(range);
  if (!m) {
    errs.push(
      fieldErrors.invalid(path, range, "must be a port range of the form 'A-B' (e.g. '30000-32767')"),
    );
    return;
  }
  const lo = Number(m[1]);
  const hi = Number(m[2]);
  if (lo < 1 || hi > 65535) errs.push(fieldErrors.invalid(path, range, inclusiveRangeError(1, 65535)));
  else if (lo > hi)
    errs.push(fieldErrors.invalid(path, range, 'the first port must not be greater than the last'));
}

const FROM_MSG = "must be 'external', 'pod/NAMESPACE/NAME' or 'node/NAME'";
const TO_MSG = "must be a URL (e.g. 'http://a.example.com/') or HOST:PORT (e.g. 'my-svc.default:80')";

function validateFlow(flow: JsonObject, path: FieldPath, errs: Errors): void {
  const from = get(flow, 'from');
  const fromPath = child(path, 'from');
  if (from === undefined || from === null || from === '') errs.push(fieldErrors.required(fromPath, ''));
  else if (typeof from === 'string') validateFrom(from, fromPath, errs);
  const to = get(flow, 'to');
  const toPath = child(path, 'to');
  if (to === undefined || to === null || to === '') errs.push(fieldErrors.required(toPath, ''));
  else if (typeof to === 'string' && !isTarget(to)) errs.push(fieldErrors.invalid(toPath, to, TO_MSG));
  const rate = get(flow, 'rate');
  if (typeof rate === 'number' && !(rate > 0))
    errs.push(fieldErrors.invalid(child(path, 'rate'), rate, 'must be greater than zero'));
}

function validateFrom(from: string, path: FieldPath, errs: Errors): void {
  if (from === 'external') return;
  const parts = from.split('/');
  if (parts[0] === 'pod' && parts.length === 3) {
    for (const msg of isDns1123Label(parts[1] ?? ''))
      errs.push(fieldErrors.invalid(path, parts[1] ?? '', msg));
    for (const msg of isDns1123Subdomain(parts[2] ?? ''))
      errs.push(fieldErrors.invalid(path, parts[2] ?? '', msg));
  } else if (parts[0] === 'node' && parts.length === 2) {
    for (const msg of isDns1123Subdomain(parts[1] ?? ''))
      errs.push(fieldErrors.invalid(path, parts[1] ?? '', msg));
  } else errs.push(fieldErrors.invalid(path, from, FROM_MSG));
}

/** `http(s)://host[:port][/path]` or `host:port` with a DNS name or IP literal. */
function isTarget(to: string): boolean {
  const url = /^(https?):\/\/([^/:?#\s]+|\[[0-9a-fA-F:.]+\])(:[0-9]{1,5})?([/?#]\S*)?$/.exec(to);
  if (url) return url[3] === undefined || validPort(url[3].slice(1));
  const hostPort = /^([^/:\s]+|\[[0-9a-fA-F:.]+\]):([0-9]{1,5})$/.exec(to);
  return hostPort !== null && validPort(hostPort[2] ?? '');
}

const validPort = (p: string): boolean => Number(p) >= 1 && Number(p) <= 65535;

// Events (the simulator's grammar, src/engine/sim/README.md): `at` plus exactly one action.
// `at` reads as cluster/timeline.ts readDuration does.
/** The event keys besides `at`; an event has exactly one. */
export const EVENT_ACTIONS = ['notReady', 'ready', 'deletePod', 'nodeDown', 'nodeUp', 'apply', 'delete'];
const DURATION = /^(\d+(\.\d+)?(ms|s|m|h))+$/;
const DURATION_MSG = "must be a duration such as '10s', '500ms' or '1m30s', or a number of seconds";

function validateEvent(event: JsonObject, path: FieldPath, errs: Errors): void {
  const at = get(event, 'at');
  if (at === undefined || at === null || at === '') errs.push(fieldErrors.required(child(path, 'at'), ''));
  else if (typeof at === 'number' ? !(at >= 0) : typeof at === 'string' && !DURATION.test(at))
    errs.push(fieldErrors.invalid(child(path, 'at'), at, DURATION_MSG));
  const present = EVENT_ACTIONS.filter((k) => get(event, k) !== undefined);
  if (present.length === 0)
    errs.push(fieldErrors.required(path, `must have one of ${EVENT_ACTIONS.join(', ')}`));
  for (const extra of present.slice(1))
    errs.push(
      fieldErrors.forbidden(
        child(path, extra),
        `an event has one action and this one has ${present[0] ?? ''}`,
      ),
    );
  const key = present[0];
  if (key === undefined) return;
  const value = get(event, key);
  const actionPath = child(path, key);
  if (key === 'nodeDown' || key === 'nodeUp') {
    if (typeof value !== 'string' || value === '')
      errs.push(fieldErrors.invalid(actionPath, value, 'must be the name of a node'));
    return;
  }
  if (!isObject(value)) {
    errs.push(fieldErrors.invalid(actionPath, value, 'must be an object'));
    return;
  }
  if (key === 'notReady' || key === 'ready') validatePodChoice(value, actionPath, errs);
  else if (key === 'deletePod' || key === 'delete') {
    if (str(value, 'name') === undefined) errs.push(fieldErrors.required(child(actionPath, 'name'), ''));
    if (key === 'delete' && str(value, 'kind') === undefined)
      errs.push(fieldErrors.required(child(actionPath, 'kind'), ''));
  }
}

function validatePodChoice(choice: JsonObject, path: FieldPath, errs: Errors): void {
  const namespace = str(choice, 'namespace');
  if (namespace !== undefined)
    for (const msg of isDns1123Label(namespace))
      errs.push(fieldErrors.invalid(child(path, 'namespace'), namespace, msg));
  if (get(choice, 'name') === undefined && get(choice, 'selector') === undefined)
    errs.push(fieldErrors.required(child(path, 'selector'), 'a selector or a name'));
  const selector = get(choice, 'selector');
  if (selector !== undefined && !isObject(selector))
    errs.push(fieldErrors.invalid(child(path, 'selector'), selector, 'must be a map of labels'));
  const count = get(choice, 'count');
  if (count !== undefined && !(typeof count === 'number' && Number.isInteger(count) && count >= 0))
    errs.push(fieldErrors.invalid(child(path, 'count'), count, 'must be a non-negative integer'));
}
