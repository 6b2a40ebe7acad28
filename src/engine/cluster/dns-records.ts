// Mirrors CoreDNS plugin/kubernetes kubernetes.go (findServices, endpointHostname) and reverse.go:
// the records the kubernetes plugin serves for Services, endpoints and pods.

import type { DnsRecord } from './dns.ts';
import type { ClusterModel, ClusterService, EndpointSlice } from './types.ts';

/** CoreDNS kubernetes plugin default `ttl 5`. */
export const DNS_TTL = 5;

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** `10.96.0.10` → `10.0.96.10.in-addr.arpa`. */
export function reverseName(ip: string): string | undefined {
  return IPV4.test(ip) ? `${ip.split('.').reverse().join('.')}.in-addr.arpa` : undefined;
}

/** endpointHostname: the endpoint's hostname, else its address with dashes (10-244-1-5). */
function endpointHostname(ip: string, hostname: string | undefined): string {
  return hostname !== undefined && hostname !== '' ? hostname : ip.replaceAll('.', '-').replaceAll(':', '-');
}

interface ServedEndpoint {
  readonly ip: string;
  readonly host: string;
  /** `name/protocol` of every port this endpoint serves. */
  readonly ports: readonly { readonly name: string; readonly protocol: string; readonly port: number }[];
}

/** CoreDNS reads endpoints from the slices; only `ready` ones are served (unset means ready). */
function servedEndpoints(slices: readonly EndpointSlice[]): ServedEndpoint[] {
  const seen = new Map<string, ServedEndpoint>();
  for (const slice of slices) {
    if (slice.addressType !== 'IPv4') continue;
    for (const endpoint of slice.endpoints) {
      if (!endpoint.conditions.ready) continue;
      for (const ip of endpoint.addresses) {
        const host = endpointHostname(ip, endpoint.hostname);
        const key = `${ip}/${host}`;
        const ports = slice.ports.map((p) => ({ name: p.name ?? '', protocol: p.protocol, port: p.port }));
        const prior = seen.get(key);
        seen.set(key, { ip, host, ports: prior === undefined ? ports : [...prior.ports, ...ports] });
      }
    }
  }
  return [...seen.values()];
}

function srvName(port: { readonly name: string; readonly protocol: string }, fqdn: string): string {
  return `_${port.name}._${port.protocol.toLowerCase()}.${fqdn}`;
}

function serviceRecords(
  service: ClusterService,
  fqdn: string,
  slices: readonly EndpointSlice[],
  out: DnsRecord[],
): void {
  const add = (name: string, type: DnsRecord['type'], data: string): void => {
    out.push({ name, type, data, ttl: DNS_TTL });
  };
  if (service.type === 'ExternalName') {
    // CoreDNS answers a CNAME only when externalName is a name, not an address.
    if (service.externalName !== undefined && !IPV4.test(service.externalName))
      add(fqdn, 'CNAME', service.externalName.replace(/\.$/, ''));
    return;
  }
  const endpoints = servedEndpoints(slices);
  if (service.clusterIP !== undefined && service.clusterIP !== 'None' && service.clusterIP !== '') {
    // A ClusterIP Service without ports answers nothing (findServices matches on ports).
    if (service.ports.length > 0) add(fqdn, 'A', service.clusterIP);
    for (const port of service.ports) {
      if (port.name !== '') add(srvName(port, fqdn), 'SRV', `0 100 ${String(port.port)} ${fqdn}`);
    }
    const ptr = reverseName(service.clusterIP);
    if (ptr !== undefined) add(ptr, 'PTR', fqdn);
  } else if (service.clusterIP === 'None') {
    const srv = new Map<string, { ep: ServedEndpoint; port: number }[]>();
    for (const ep of endpoints) {
      add(fqdn, 'A', ep.ip);
      add(`${ep.host}.${fqdn}`, 'A', ep.ip);
      for (const port of ep.ports) {
        if (port.name === '') continue;
        const name = srvName(port, fqdn);
        const list = srv.get(name) ?? [];
        list.push({ ep, port: port.port });
        srv.set(name, list);
      }
    }
    // backend_lookup.go SRV: records of one priority share a weight of 100.
    for (const [name, list] of srv) {
      const weight = Math.floor(100 / list.length);
      for (const { ep, port } of list)
        add(name, 'SRV', `0 ${String(weight)} ${String(port)} ${ep.host}.${fqdn}`);
    }
  }
  // reverse.go serviceRecordForIP: an endpoint address points back at `<host>.<svc>.<ns>.svc`.
  for (const ep of endpoints) {
    const ptr = reverseName(ep.ip);
    if (ptr !== undefined) add(ptr, 'PTR', `${ep.host}.${fqdn}`);
  }
}

/** Every record the cluster's DNS serves: Services, headless endpoints, SRV, CNAME, PTR and pods. */
export function dnsRecords(model: ClusterModel): DnsRecord[] {
  const domain = model.settings.clusterDomain;
  const slicesByService = new Map<string, EndpointSlice[]>();
  for (const slice of model.endpointSlices) {
    const key = `${slice.namespace}/${slice.serviceName}`;
    const list = slicesByService.get(key);
    if (list === undefined) slicesByService.set(key, [slice]);
    else list.push(slice);
  }
  const out: DnsRecord[] = [];
  for (const service of model.services) {
    const fqdn = `${service.name}.${service.namespace}.svc.${domain}`;
    serviceRecords(service, fqdn, slicesByService.get(`${service.namespace}/${service.name}`) ?? [], out);
  }
  for (const pod of model.pods) {
    if (pod.hostNetwork || !IPV4.test(pod.ip)) continue;
    out.push({
      name: `${pod.ip.replaceAll('.', '-')}.${pod.namespace}.pod.${domain}`,
      type: 'A',
      data: pod.ip,
      ttl: DNS_TTL,
    });
  }
  const seen = new Set<string>();
  return out.filter((r) => {
    const key = `${r.name} ${r.type} ${r.data}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
