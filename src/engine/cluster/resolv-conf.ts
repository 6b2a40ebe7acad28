// Mirrors kubelet pkg/kubelet/network/dns/dns.go (getPodDNSType, GetPodDNS, appendDNSConfig,
// formDNSConfigFitsLimits) and the runtime's resolv.conf writer (search, nameserver, options).

import type { ClusterModel, ClusterPod } from './types.ts';

export interface ResolvConf {
  readonly nameservers: readonly string[];
  readonly searches: readonly string[];
  /** `ndots:5`, `edns0`, … as written on the `options` line. */
  readonly options: readonly string[];
  /** The file as the container sees it at /etc/resolv.conf. */
  readonly text: string;
}

/**
 * The simulated nodes' own /etc/resolv.conf (kubelet --resolv-conf): a resolver outside the
 * cluster that knows nothing of `cluster.local`; `Default` pods inherit it.
 */
export const NODE_RESOLV_CONF = {
  nameservers: ['8.8.8.8'],
  searches: [] as string[],
  options: [] as string[],
} as const;

/** dns.go limits: 3 nameservers (validation.MaxDNSNameservers), 32 search paths, 2048 characters. */
const MAX_NAMESERVERS = 3;
const MAX_SEARCHES = 32;
const MAX_SEARCH_LINE = 2048;

/** The kube-dns Service's ClusterIP: what kubelet's --cluster-dns points at. */
export function clusterDnsIP(model: ClusterModel): string | undefined {
  const service = model.services.find((s) => s.namespace === 'kube-system' && s.name === 'kube-dns');
  const ip = service?.clusterIP;
  return ip === undefined || ip === '' || ip === 'None' ? undefined : ip;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

/** mergeDNSOptions: a pod option replaces one of the same name (`ndots:2` over `ndots:5`). */
function mergeOptions(existing: readonly string[], pod: ClusterPod): string[] {
  const merged = new Map<string, string>();
  for (const option of existing) {
    const colon = option.indexOf(':');
    if (colon === -1) merged.set(option, '');
    else merged.set(option.slice(0, colon), option.slice(colon + 1));
  }
  for (const option of pod.dnsConfig?.options ?? []) merged.set(option.name, option.value ?? '');
  return [...merged].map(([name, value]) => (value === '' ? name : `${name}:${value}`));
}

function fitSearches(searches: readonly string[]): string[] {
  const kept: string[] = [];
  let length = 0;
  for (const search of searches.slice(0, MAX_SEARCHES)) {
    length += search.length + (kept.length > 0 ? 1 : 0);
    if (length > MAX_SEARCH_LINE) break;
    kept.push(search);
  }
  return kept;
}

/** /etc/resolv.conf of `pod`, as kubelet computes it for the pod's dnsPolicy. */
export function resolvConf(model: ClusterModel, pod: ClusterPod): ResolvConf {
  const domain = model.settings.clusterDomain;
  const policy = pod.dnsPolicy === '' ? 'ClusterFirst' : pod.dnsPolicy;
  // ClusterFirst falls back to Default on the host network; ClusterFirstWithHostNet does not.
  const cluster = policy === 'ClusterFirstWithHostNet' || (policy === 'ClusterFirst' && !pod.hostNetwork);
  const dnsIP = clusterDnsIP(model);
  let nameservers: string[];
  let searches: string[];
  let options: string[];
  if (policy === 'None') {
    [nameservers, searches, options] = [[], [], []];
  } else if (cluster && dnsIP !== undefined) {
    nameservers = [dnsIP];
    searches = [`${pod.namespace}.svc.${domain}`, `svc.${domain}`, domain, ...NODE_RESOLV_CONF.searches];
    options = ['ndots:5'];
  } else {
    // Default, ClusterFirst on hostNetwork, or no cluster DNS known: the node's own file.
    [nameservers, searches, options] = [
      [...NODE_RESOLV_CONF.nameservers],
      [...NODE_RESOLV_CONF.searches],
      [...NODE_RESOLV_CONF.options],
    ];
  }
  const extra = pod.dnsConfig;
  if (extra !== undefined) {
    nameservers = unique([...nameservers, ...extra.nameservers]);
    searches = unique([...searches, ...extra.searches]);
  }
  options = mergeOptions(options, pod);
  nameservers = nameservers.slice(0, MAX_NAMESERVERS);
  searches = fitSearches(searches);
  let text = '';
  if (searches.length > 0) text += `search ${searches.join(' ')}\n`;
  for (const server of nameservers) text += `nameserver ${server}\n`;
  if (options.length > 0) text += `options ${options.join(' ')}\n`;
  return { nameservers, searches, options, text };
}
