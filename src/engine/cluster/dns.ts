// Mirrors CoreDNS plugin/kubernetes (kubernetes.go findServices/findPods, reverse.go) and the
// Kubernetes DNS-Based Service Discovery spec (kubernetes/dns docs/specification.md).

export type DnsRecordType = 'A' | 'AAAA' | 'SRV' | 'CNAME' | 'PTR';

/** One resource record CoreDNS would serve; names and targets are written without the final dot. */
export interface DnsRecord {
  readonly name: string;
  readonly type: DnsRecordType;
  /** A: the address; SRV: `priority weight port target`; CNAME/PTR: the target name. */
  readonly data: string;
  readonly ttl: number;
}

export interface DnsAnswer {
  readonly name: string;
  readonly type: DnsRecordType;
  readonly data: string;
}

export interface DnsLookupResult {
  readonly rcode: 'NOERROR' | 'NXDOMAIN';
  /** Every name the resolver asked for, in order (search list first when ndots says so). */
  readonly tried: readonly string[];
  readonly answers: readonly DnsAnswer[];
}

export { dnsRecords, DNS_TTL } from './dns-records.ts';
export { lookup } from './dns-lookup.ts';
