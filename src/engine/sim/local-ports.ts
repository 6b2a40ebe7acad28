// The local `ip:port` pairs held by open connections: no two connections share one. A run holds a
// handful at a time, so they are a list scanned by port number, and the address string is made
// once, for the free port (a Set of strings made and hashed a string per try: a tenth of a hop's
// cost). Past LIST_MAX pairs (many connections waiting out a timeout) a Set takes over.

import { addr } from './run-context.ts';

const LIST_MAX = 16;

export class LocalPorts {
  readonly #ips: string[] = [];
  readonly #ports: number[] = [];
  readonly #addresses: string[] = [];
  /** Undefined while the list holds them. */
  #set: Set<string> | undefined;

  get size(): number {
    return this.#set ? this.#set.size : this.#addresses.length;
  }

  /** Whether `ip:port` is held. */
  has(ip: string, port: number): boolean {
    const set = this.#set;
    if (set) return set.has(addr(ip, port));
    const ports = this.#ports;
    for (let i = 0; i < ports.length; i++) if (ports[i] === port && this.#ips[i] === ip) return true;
    return false;
  }

  /** Holds `ip:port` (free: the caller asked `has`); its address. */
  take(ip: string, port: number): string {
    const address = addr(ip, port);
    const set = this.#set;
    if (set) set.add(address);
    else if (this.#addresses.length < LIST_MAX) {
      this.#ips.push(ip);
      this.#ports.push(port);
      this.#addresses.push(address);
    } else {
      this.#set = new Set(this.#addresses);
      this.#set.add(address);
      this.#clearList();
    }
    return address;
  }

  /** Lets `address` (as `take` gave it) go. */
  release(address: string): void {
    const set = this.#set;
    if (set) {
      set.delete(address);
      if (set.size === 0) this.#set = undefined;
      return;
    }
    const addresses = this.#addresses;
    const i = addresses.indexOf(address);
    if (i < 0) return;
    // Order does not matter: the last pair fills the gap.
    const last = addresses.length - 1;
    if (i < last) {
      this.#ips[i] = this.#ips[last] ?? '';
      this.#ports[i] = this.#ports[last] ?? 0;
      addresses[i] = addresses[last] ?? '';
    }
    this.#ips.pop();
    this.#ports.pop();
    addresses.pop();
  }

  #clearList(): void {
    this.#ips.length = 0;
    this.#ports.length = 0;
    this.#addresses.length = 0;
  }
}
