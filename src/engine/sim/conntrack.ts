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

/** Reply source → reply destination → entry: lookups by the tuple's own strings, no key string made. */
type ByReply = Map<string, Map<string, ConntrackEntry>>;

export class Conntrack {
  /** Per protocol, by reply tuple. */
  readonly #byReply = new Map<string, ByReply>();
  #size = 0;

  #table(protocol: string): ByReply {
    let table = this.#byReply.get(protocol);
    if (!table) {
      table = new Map();
      this.#byReply.set(protocol, table);
    }
    return table;
  }

  #find(protocol: string, src: string, dst: string): ConntrackEntry | undefined {
    return this.#byReply.get(protocol)?.get(src)?.get(dst);
  }

  /**
   * Records a NATed connection: `original` as sent, `translated` as it leaves this node. A source
   * NAT whose reply tuple is taken gets the next free port (nf_nat_core.c get_unique_tuple).
   */
  add(protocol: string, original: Tuple, translated: Tuple): ConntrackEntry {
    let src = translated.src;
    if (src !== original.src && this.#find(protocol, translated.dst, src)) {
      const at = src.lastIndexOf(':');
      const ip = src.slice(0, at);
      let port = Number(src.slice(at + 1));
      do {
        port = port >= 65535 ? 1024 : port + 1;
        src = `${ip}:${String(port)}`;
      } while (this.#find(protocol, translated.dst, src));
    }
    const entry: ConntrackEntry = {
      protocol,
      original,
      reply: { src: translated.dst, dst: src },
    };
    const table = this.#table(protocol);
    let byDst = table.get(entry.reply.src);
    if (!byDst) {
      // Keyed by the server's address: few, so the emptied maps are kept.
      byDst = new Map();
      table.set(entry.reply.src, byDst);
    }
    if (!byDst.has(entry.reply.dst)) this.#size++;
    byDst.set(entry.reply.dst, entry);
    return entry;
  }

  /** The entry a reply-direction packet `src → dst` belongs to (nf_conntrack_find_get on the reply tuple). */
  findReply(protocol: string, packet: Tuple): ConntrackEntry | undefined {
    return this.#find(protocol, packet.src, packet.dst);
  }

  /** The connection closed (FIN/RST, or a UDP exchange done): the entry goes (whatever holds its reply tuple). */
  remove(entry: ConntrackEntry): void {
    if (this.#byReply.get(entry.protocol)?.get(entry.reply.src)?.delete(entry.reply.dst) === true)
      this.#size--;
  }

  /** A node that goes down loses its table. */
  clear(): void {
    this.#byReply.clear();
    this.#size = 0;
  }

  get size(): number {
    return this.#size;
  }
}
