// Address allocators. Pod IPs: the bridge CNI's host-local IPAM (first free address of the
// node's /24 from .2; .1 is the bridge). ClusterIPs: pkg/registry/core/service/ipallocator,
// taken in order here (upstream picks at random) so addresses read well in class.

import { cidrContains, formatIPv4, parseCidr, parseIPv4, type Cidr } from './ipv4.ts';

/** host-local IPAM for one node's pod CIDR. */
export class PodAddressPool {
  readonly #cidr: Cidr | undefined;
  readonly #taken = new Set<number>();
  #next = 2;

  constructor(podCIDR: string, reserved: Iterable<string>) {
    this.#cidr = parseCidr(podCIDR);
    for (const ip of reserved) this.reserve(ip);
  }

  /** An address the text already gives a pod (status.podIP), never handed out again. */
  reserve(ip: string): void {
    const value = parseIPv4(ip);
    if (value !== undefined) this.#taken.add(value);
  }

  allocate(): string | undefined {
    const cidr = this.#cidr;
    if (cidr === undefined) return undefined;
    while (this.#next < cidr.size - 1) {
      const value = cidr.base + this.#next++;
      if (!this.#taken.has(value)) {
        this.#taken.add(value);
        return formatIPv4(value);
      }
    }
    return undefined;
  }
}

/** kubeadm and kind put kube-dns at the tenth address of the range. */
export const KUBE_DNS_OFFSET = 10;

export type AllocationError = { readonly kind: 'not-in-range' } | { readonly kind: 'allocated' };

/** The Service ClusterIP range (--service-cluster-ip-range). */
export class ClusterIPAllocator {
  readonly cidr: Cidr;
  readonly cidrText: string;
  readonly #owner = new Map<number, string>();
  /** Addresses written in the text for later Services: dynamic allocation steps around them. */
  readonly #requested = new Set<number>();
  #next = 1;

  constructor(cidrText: string, requested: Iterable<string>) {
    this.cidrText = cidrText;
    this.cidr = parseCidr(cidrText) ?? { base: 0x0a600000, prefix: 12, size: 2 ** 20 };
    for (const ip of requested) {
      const value = parseIPv4(ip);
      if (value !== undefined) this.#requested.add(value);
    }
  }

  /** The address `offset` from the network address (1 → 10.96.0.1, 10 → 10.96.0.10). */
  nth(offset: number): string {
    return formatIPv4(this.cidr.base + offset);
  }

  inRange(ip: string): boolean {
    const value = parseIPv4(ip);
    // The network and broadcast addresses are never handed out.
    return (
      value !== undefined &&
      cidrContains(this.cidr, value) &&
      value !== this.cidr.base &&
      value !== this.cidr.base + this.cidr.size - 1
    );
  }

  /** Allocates a given address for `owner` (a Service key); re-allocating to the same owner is fine. */
  allocate(ip: string, owner: string): AllocationError | undefined {
    if (!this.inRange(ip)) return { kind: 'not-in-range' };
    const value = parseIPv4(ip) ?? 0;
    const current = this.#owner.get(value);
    if (current !== undefined && current !== owner) return { kind: 'allocated' };
    this.#owner.set(value, owner);
    return undefined;
  }

  release(ip: string): void {
    const value = parseIPv4(ip);
    if (value !== undefined) this.#owner.delete(value);
  }

  /** The next free address in order, skipping the reserved ones (.1, .10) and requested ones. */
  allocateNext(owner: string): string | undefined {
    const last = this.cidr.size - 2;
    while (this.#next <= last) {
      const offset = this.#next++;
      const value = this.cidr.base + offset;
      if (offset === KUBE_DNS_OFFSET || this.#owner.has(value) || this.#requested.has(value)) continue;
      this.#owner.set(value, owner);
      return formatIPv4(value);
    }
    return undefined;
  }
}

/** A fake cloud's pool for LoadBalancer ingress IPs (kind's docker network, as MetalLB docs use). */
export class LoadBalancerPool {
  readonly #taken = new Set<string>();
  #next = 200;

  constructor(reserved: Iterable<string>) {
    for (const ip of reserved) this.#taken.add(ip);
  }

  claim(ip: string): void {
    this.#taken.add(ip);
  }

  allocate(): string | undefined {
    while (this.#next <= 250) {
      const ip = `172.18.255.${this.#next++}`;
      if (!this.#taken.has(ip)) {
        this.#taken.add(ip);
        return ip;
      }
    }
    return undefined;
  }
}
