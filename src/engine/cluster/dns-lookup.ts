// Mirrors a pod's resolver (glibc res_nsearch: ndots, search list, NODATA vs NXDOMAIN) asking
// CoreDNS's kubernetes plugin (handler.go, `pods insecure` as in kubeadm's Corefile).

import type { DnsAnswer, DnsLookupResult, DnsRecord, DnsRecordType } from './dns.ts';
import { dnsRecords, reverseName } from './dns-records.ts';
import { clusterDnsIP, resolvConf } from './resolv-conf.ts';
import type { ClusterModel, ClusterPod } from './types.ts';

/** CNAME chains longer than this are cut (CoreDNS stops following loops too). */
const MAX_CNAME_HOPS = 8;

interface Zone {
  readonly records: ReadonlyMap<string, readonly DnsRecord[]>;
  /** Names that exist without records of their own (`<ns>.svc.cluster.local`, …): NODATA, not NXDOMAIN. */
  readonly emptyNames: ReadonlySet<string>;
  readonly namespaces: ReadonlySet<string>;
  readonly domain: string;
}

const zones = new WeakMap<ClusterModel, Zone>();

function zoneOf(model: ClusterModel): Zone {
  const cached = zones.get(model);
  if (cached !== undefined) return cached;
  const records = new Map<string, DnsRecord[]>();
  for (const r of dnsRecords(model)) {
    const list = records.get(r.name);
    if (list === undefined) records.set(r.name, [r]);
    else list.push(r);
  }
  const domain = model.settings.clusterDomain.toLowerCase();
  const namespaces = new Set([
    ...model.namespaces.map((n) => n.name),
    ...model.services.map((s) => s.namespace),
  ]);
  const emptyNames = new Set([domain, `svc.${domain}`, `pod.${domain}`]);
  for (const ns of namespaces) emptyNames.add(`${ns}.svc.${domain}`).add(`${ns}.pod.${domain}`);
  const zone = { records, emptyNames, namespaces, domain };
  zones.set(model, zone);
  return zone;
}

/** `pods insecure`: `a-b-c-d.<ns>.pod.<zone>` answers a.b.c.d whenever the namespace exists. */
function podAnswer(zone: Zone, name: string): DnsAnswer | undefined {
  const match = /^(\d{1,3})-(\d{1,3})-(\d{1,3})-(\d{1,3})\.([^.]+)\.pod\.(.+)$/.exec(name);
  if (match === null || match[6] !== zone.domain || !zone.namespaces.has(match[5] ?? '')) return undefined;
  const octets = match.slice(1, 5).map(Number);
  if (octets.some((o) => o > 255)) return undefined;
  return { name, type: 'A', data: octets.join('.') };
}

type Answer =
  | { readonly kind: 'answer'; readonly answers: DnsAnswer[] }
  | { readonly kind: 'nodata' }
  | { readonly kind: 'nxdomain' };

/** One query to CoreDNS. Names outside the cluster are forwarded upstream, which the simulation does not have. */
function query(zone: Zone, name: string, type: DnsRecordType): Answer {
  const answers: DnsAnswer[] = [];
  let current = name;
  for (let hop = 0; hop <= MAX_CNAME_HOPS; hop++) {
    const records = zone.records.get(current) ?? [];
    const pod = type === 'A' ? podAnswer(zone, current) : undefined;
    const direct = records
      .filter((r) => r.type === type)
      .map(({ name: n, type: t, data }) => ({ name: n, type: t, data }));
    if (pod !== undefined) direct.push(pod);
    if (direct.length > 0) return { kind: 'answer', answers: [...answers, ...direct] };
    const cname = records.find((r) => r.type === 'CNAME');
    if (cname === undefined) break;
    answers.push({ name: cname.name, type: 'CNAME', data: cname.data });
    // A target outside the cluster is resolved upstream: the answer stops at the CNAME.
    current = cname.data.toLowerCase();
    if (!zone.records.has(current)) break;
  }
  if (answers.length > 0) return { kind: 'answer', answers };
  const exists = zone.records.has(name) || zone.emptyNames.has(name) || podAnswer(zone, name) !== undefined;
  return exists ? { kind: 'nodata' } : { kind: 'nxdomain' };
}

function candidates(name: string, searches: readonly string[], ndots: number): string[] {
  if (name.endsWith('.')) return [name.slice(0, -1)];
  const dots = name.split('.').length - 1;
  const searched = searches.map((s) => `${name}.${s}`);
  return dots >= ndots ? [name, ...searched] : [...searched, name];
}

/**
 * Resolves `name` from a pod the way its resolver would: names with fewer dots than `ndots`
 * go through the search list first. From `'node'`, the name is asked of kube-dns as given
 * (as `dig @<kube-dns IP> NAME` on a node). For PTR, an IPv4 address is turned into its
 * in-addr.arpa name (as `dig -x`).
 */
export function lookup(
  model: ClusterModel,
  from: ClusterPod | 'node',
  name: string,
  type: DnsRecordType = 'A',
): DnsLookupResult {
  const zone = zoneOf(model);
  let qname = name.trim().toLowerCase();
  if (type === 'PTR') qname = reverseName(qname.replace(/\.$/, '')) ?? qname;
  let tried: string[];
  let reachesCoreDNS = true;
  if (from === 'node') {
    tried = [qname.replace(/\.$/, '')];
    reachesCoreDNS = clusterDnsIP(model) !== undefined;
  } else {
    const conf = resolvConf(model, from);
    const ndotsOption = conf.options.find((o) => o.startsWith('ndots:'));
    const ndots = ndotsOption === undefined ? 1 : Math.min(15, Number(ndotsOption.slice(6)) || 0);
    tried = candidates(qname, conf.searches, ndots);
    // A pod whose first nameserver is not kube-dns asks a resolver that knows no cluster names.
    reachesCoreDNS = conf.nameservers[0] !== undefined && conf.nameservers[0] === clusterDnsIP(model);
  }
  const asked: string[] = [];
  let nodata = false;
  for (const candidate of tried) {
    asked.push(candidate);
    if (!reachesCoreDNS) continue;
    const result = query(zone, candidate, type);
    if (result.kind === 'answer') return { rcode: 'NOERROR', tried: asked, answers: result.answers };
    if (result.kind === 'nodata') nodata = true;
  }
  return { rcode: nodata ? 'NOERROR' : 'NXDOMAIN', tried: asked, answers: [] };
}
