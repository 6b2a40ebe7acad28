// The matching a network plugin does for one rule: label selectors (k8s.io/apimachinery
// pkg/labels/selector.go via metav1.LabelSelectorAsSelector), ipBlock cidr minus except
// (k8s.io/utils/net IPNet.Contains), and ports with protocol, endPort and named ports
// (k8s.io/api networking/v1 NetworkPolicyPort: a name is looked up in the destination pod's
// container ports of that protocol, as kubernetes-sigs/network-policy-api
// cmd/policy-assistant/pkg/matcher/portmatcher.go models it).

import type { ClusterPod, Labels, Protocol } from '../cluster/types.ts';
import { parseCIDR, parseIP, type ParsedCIDR, type ParsedIP } from '../manifest/validate/ip.ts';
import type { IPBlock, LabelSelector, NetworkPolicyPort } from './types.ts';

export function selectorMatches(selector: LabelSelector, labels: Labels): boolean {
  for (const key of Object.keys(selector.matchLabels)) {
    if (!Object.hasOwn(labels, key) || labels[key] !== selector.matchLabels[key]) return false;
  }
  for (const req of selector.matchExpressions) {
    const has = Object.hasOwn(labels, req.key);
    const value = has ? labels[req.key] : undefined;
    switch (req.operator) {
      case 'In':
        if (value === undefined || !req.values.includes(value)) return false;
        break;
      case 'NotIn':
        // A pod without the key matches NotIn (labels/selector.go Requirement.Matches).
        if (value !== undefined && req.values.includes(value)) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
    }
  }
  return true;
}

export const isEmptySelector = (s: LabelSelector): boolean =>
  Object.keys(s.matchLabels).length === 0 && s.matchExpressions.length === 0;

/** `role=db`, `app in (a,b)`, `!tier`; `{}` (everything) when empty, as kubectl describe words it. */
export function describeSelector(s: LabelSelector): string {
  const parts = Object.entries(s.matchLabels).map(([k, v]) => `${k}=${v}`);
  for (const r of s.matchExpressions) {
    if (r.operator === 'In') parts.push(`${r.key} in (${r.values.join(',')})`);
    else if (r.operator === 'NotIn') parts.push(`${r.key} notin (${r.values.join(',')})`);
    else if (r.operator === 'Exists') parts.push(r.key);
    else parts.push(`!${r.key}`);
  }
  return parts.length === 0 ? '{}' : parts.join(',');
}

function contains(cidr: ParsedCIDR, ip: ParsedIP): boolean {
  if (cidr.ip.v4 !== ip.v4) return false;
  for (let bit = 0; bit < cidr.prefix; bit++) {
    const byte = bit >> 3;
    const mask = 0x80 >> (bit & 7);
    if (((cidr.ip.bytes[byte] ?? 0) & mask) !== ((ip.bytes[byte] ?? 0) & mask)) return false;
  }
  return true;
}

/** Whether `ip` is inside the block's cidr and outside every except. */
export function ipBlockMatches(block: IPBlock, ip: string): boolean {
  const addr = parseIP(ip);
  const cidr = parseCIDR(block.cidr);
  if (addr === undefined || cidr === undefined || !contains(cidr, addr)) return false;
  return !block.except.some((e) => {
    const except = parseCIDR(e);
    return except !== undefined && contains(except, addr);
  });
}

/** The container port a named port resolves to on `pod` for `protocol`, if any. */
export function namedPort(pod: ClusterPod, name: string, protocol: Protocol): number | undefined {
  for (const c of pod.containers)
    for (const p of c.ports) if (p.name === name && p.protocol === protocol) return p.containerPort;
  return undefined;
}

/**
 * Whether a rule's port entry matches the connection. `port` undefined asks about every port:
 * only an entry without a port (all ports of its protocol) answers yes. Named ports resolve on
 * the destination pod; an address outside the pod network has no names.
 */
export function portMatches(
  entry: NetworkPolicyPort,
  protocol: Protocol,
  port: number | undefined,
  destination: ClusterPod | undefined,
): boolean {
  if (entry.protocol !== protocol) return false;
  if (entry.port === undefined) return true;
  if (port === undefined) return false;
  if (typeof entry.port === 'number') {
    const end = entry.endPort ?? entry.port;
    return port >= entry.port && port <= end;
  }
  return destination !== undefined && namedPort(destination, entry.port, protocol) === port;
}

export function describePort(entry: NetworkPolicyPort): string {
  if (entry.port === undefined) return `every ${entry.protocol} port`;
  if (typeof entry.port === 'string') return `${entry.protocol} port "${entry.port}"`;
  if (entry.endPort !== undefined && entry.endPort !== entry.port)
    return `${entry.protocol} ${String(entry.port)}-${String(entry.endPort)}`;
  return `${entry.protocol} ${String(entry.port)}`;
}
