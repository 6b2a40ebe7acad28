// One node's connection tracking table (netfilter nf_conntrack, nf_nat): a connection's first
// packet walks the rules and leaves an entry holding the original and the reply tuple; packets
// of the reply direction are matched against the reply tuple and un-NATed from the entry.

/** Addresses `ip:port`. */
export interface Tuple {
  readonly src: string;
  readonly dst: string;
}

export interface ConntrackEntry {
  readonly protocol: string;
  /** As the client sent it. */
  readonly original: Tuple;
  /** What the reply will look like: from the NATed destination to the NATed source. */
  readonly reply: Tuple;
}

const keyOf = (protocol: string, t: Tuple): string => `${protocol} ${t.src} ${t.dst}`;

export class Conntrack {
  readonly #byReply = new Map<string, ConntrackEntry>();

  /**
   * Records a NATed connection: `original` as sent, `translated` as it leaves this node. A source
   * NAT whose reply tuple is taken gets the next free port (nf_nat_core.c get_unique_tuple).
   */
  add(protocol: string, original: Tuple, translated: Tuple): ConntrackEntry {
    let src = translated.src;
    if (src !== original.src && this.#byReply.has(keyOf(protocol, { src: translated.dst, dst: src }))) {
      const at = src.lastIndexOf(':');
      const ip = src.slice(0, at);
      let port = Number(src.slice(at + 1));
      do {
        port = port >= 65535 ? 1024 : port + 1;
        src = `${ip}:${String(port)}`;
      } while (this.#byReply.has(keyOf(protocol, { src: translated.dst, dst: src })));
    }
    const entry: ConntrackEntry = {
      protocol,
      original,
      reply: { src: translated.dst, dst: src },
    };
    this.#byReply.set(keyOf(protocol, entry.reply), entry);
    return entry;
  }

  /** The entry a reply-direction packet `src → dst` belongs to (nf_conntrack_find_get on the reply tuple). */
  findReply(protocol: string, packet: Tuple): ConntrackEntry | undefined {
    return this.#byReply.get(keyOf(protocol, packet));
  }

  /** The connection closed (FIN/RST, or a UDP exchange done): the entry goes. */
  remove(entry: ConntrackEntry): void {
    this.#byReply.delete(keyOf(entry.protocol, entry.reply));
  }

  /** A node that goes down loses its table. */
  clear(): void {
    this.#byReply.clear();
  }

  get size(): number {
    return this.#byReply.size;
  }
}
