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

/**
 * Up to this many entries a table is a list: a node mostly holds a handful of short connections,
 * and a scan of a few entries beats three hash lookups into maps that remember every server the
 * node has seen (a large cluster's tables missed the cache at every lookup). Past it, maps, until
 * the table is empty again.
 */
const LIST_MAX = 8;

export class Conntrack {
  /** The entries while there are few (reply tuples unique); undefined once the maps hold them. */
  #list: ConntrackEntry[] | undefined = [];
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

  /** Index in the list of the entry holding reply tuple `src → dst`, or -1. */
  #at(list: readonly ConntrackEntry[], protocol: string, src: string, dst: string): number {
    for (let i = 0; i < list.length; i++) {
      const e = list[i];
      if (e && e.reply.dst === dst && e.reply.src === src && e.protocol === protocol) return i;
    }
    return -1;
  }

  #find(protocol: string, src: string, dst: string): ConntrackEntry | undefined {
    const list = this.#list;
    if (list) return list[this.#at(list, protocol, src, dst)];
    return this.#byReply.get(protocol)?.get(src)?.get(dst);
  }

  #put(entry: ConntrackEntry): void {
    const table = this.#table(entry.protocol);
    let byDst = table.get(entry.reply.src);
    if (!byDst) {
      // Keyed by the server's address: few, so the emptied maps are kept.
      byDst = new Map();
      table.set(entry.reply.src, byDst);
    }
    if (!byDst.has(entry.reply.dst)) this.#size++;
    byDst.set(entry.reply.dst, entry);
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
    const list = this.#list;
    if (!list) {
      this.#put(entry);
      return entry;
    }
    // An entry already holding the reply tuple is replaced, as a map keyed by it would.
    const i = this.#at(list, protocol, entry.reply.src, entry.reply.dst);
    if (i >= 0) list[i] = entry;
    else if (list.length < LIST_MAX) {
      list.push(entry);
      this.#size++;
    } else {
      this.#list = undefined;
      this.#size = 0;
      for (const e of list) this.#put(e);
      this.#put(entry);
    }
    return entry;
  }

  /** The entry a reply-direction packet `src → dst` belongs to (nf_conntrack_find_get on the reply tuple). */
  findReply(protocol: string, packet: Tuple): ConntrackEntry | undefined {
    return this.#find(protocol, packet.src, packet.dst);
  }

  /**
   * `findReply`, and the entry found goes (the reply un-NATed, the connection done): one scan of
   * the list where a find and a remove made two.
   */
  takeReply(protocol: string, packet: Tuple): ConntrackEntry | undefined {
    const list = this.#list;
    if (!list) {
      const entry = this.#find(protocol, packet.src, packet.dst);
      if (entry) this.remove(entry);
      return entry;
    }
    const i = this.#at(list, protocol, packet.src, packet.dst);
    if (i < 0) return undefined;
    const entry = list[i];
    this.#removeAt(list, i);
    return entry;
  }

  /**
   * `takeReply` for `entry`'s reply tuple, when the caller holds the entry its connection made:
   * found by identity (no address compared) while the list holds it. Reply tuples are unique in
   * the table, so the entry there is the one the tuple finds; else the tuple is looked up.
   */
  takeEntry(entry: ConntrackEntry): ConntrackEntry | undefined {
    const list = this.#list;
    const i = list ? list.indexOf(entry) : -1;
    if (!list || i < 0) return this.takeReply(entry.protocol, entry.reply);
    this.#removeAt(list, i);
    return entry;
  }

  /** The list's entry `i` goes. Order does not matter (reply tuples are unique): the last entry fills the gap. */
  #removeAt(list: ConntrackEntry[], i: number): void {
    const last = list.pop();
    if (last && i < list.length) list[i] = last;
    this.#size--;
  }

  /** The connection closed (FIN/RST, or a UDP exchange done): the entry goes (whatever holds its reply tuple). */
  remove(entry: ConntrackEntry): void {
    const list = this.#list;
    if (list) {
      const i = this.#at(list, entry.protocol, entry.reply.src, entry.reply.dst);
      if (i >= 0) this.#removeAt(list, i);
      return;
    }
    if (this.#byReply.get(entry.protocol)?.get(entry.reply.src)?.delete(entry.reply.dst) === true)
      this.#size--;
    // A burst is over: back to a list.
    if (this.#size === 0) this.clear();
  }

  /** A node that goes down loses its table. */
  clear(): void {
    this.#list = [];
    this.#byReply.clear();
    this.#size = 0;
  }

  get size(): number {
    return this.#size;
  }
}
