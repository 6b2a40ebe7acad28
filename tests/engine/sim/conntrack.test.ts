import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Conntrack, type ConntrackEntry, type Tuple } from '../../../src/engine/sim/conntrack.ts';

/**
 * The table as netfilter keeps it, written plainly: one map by protocol and reply tuple; a source
 * NAT whose reply tuple is taken moves to the next free port (nf_nat_core.c get_unique_tuple).
 */
class Reference {
  readonly byReply = new Map<string, ConntrackEntry>();
  key = (protocol: string, src: string, dst: string) => `${protocol}|${src}|${dst}`;

  add(protocol: string, original: Tuple, translated: Tuple): ConntrackEntry {
    let src = translated.src;
    if (src !== original.src) {
      const [ip = '', port = '0'] = src.split(':');
      let p = Number(port);
      while (this.byReply.has(this.key(protocol, translated.dst, src))) {
        p = p >= 65535 ? 1024 : p + 1;
        src = `${ip}:${String(p)}`;
      }
    }
    const entry = { protocol, original, reply: { src: translated.dst, dst: src } };
    this.byReply.set(this.key(protocol, entry.reply.src, entry.reply.dst), entry);
    return entry;
  }

  findReply(protocol: string, t: Tuple) {
    return this.byReply.get(this.key(protocol, t.src, t.dst));
  }

  remove(e: ConntrackEntry) {
    this.byReply.delete(this.key(e.protocol, e.reply.src, e.reply.dst));
  }
}

// Few addresses, so reply tuples collide, masquerade ports get remapped, and entries replace others.
const ip = fc.constantFrom('10.244.1.2', '10.244.1.3', '192.168.0.10');
const port = fc.integer({ min: 65533, max: 65535 }).chain((p) => fc.constantFrom(p, 1024, 40000));
const address = fc.tuple(ip, port).map(([i, p]) => `${i}:${String(p)}`);
const op = fc.oneof(
  {
    arbitrary: fc.record({
      kind: fc.constant('add' as const),
      protocol: fc.constantFrom('TCP', 'UDP'),
      src: address,
      dst: address,
      masquerade: fc.boolean(),
      to: address,
    }),
    weight: 6,
  },
  { arbitrary: fc.record({ kind: fc.constant('remove' as const), which: fc.nat() }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('take' as const), which: fc.nat() }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('takeEntry' as const), which: fc.nat() }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('clear' as const) }), weight: 1 },
);

describe('Conntrack', () => {
  it('finds, remaps, takes and removes as one map by reply tuple would, small or large', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 300 }), (ops) => {
        const table = new Conntrack();
        const reference = new Reference();
        const added: [ConntrackEntry, ConntrackEntry][] = [];
        for (const o of ops) {
          if (o.kind === 'add') {
            const original = { src: o.src, dst: o.dst };
            const translated = { src: o.masquerade ? '192.168.0.10:40000' : o.src, dst: o.to };
            const got = table.add(o.protocol, original, translated);
            const want = reference.add(o.protocol, original, translated);
            expect(got).toEqual(want);
            added.push([got, want]);
          } else if (o.kind === 'remove') {
            const pair = added[o.which % Math.max(1, added.length)];
            if (pair) {
              table.remove(pair[0]);
              reference.remove(pair[1]);
            }
          } else if (o.kind === 'take') {
            // By the reply tuple of an entry added (it may have gone, or been replaced by another).
            const pair = added[o.which % Math.max(1, added.length)];
            if (pair) {
              const t = pair[0].reply;
              const want = reference.findReply(pair[1].protocol, t);
              if (want) reference.remove(want);
              expect(table.takeReply(pair[0].protocol, t)).toEqual(want);
            }
          } else if (o.kind === 'takeEntry') {
            // The entry an add gave, whether or not the table still holds it (or another with its tuple).
            const pair = added[o.which % Math.max(1, added.length)];
            if (pair) {
              const want = reference.findReply(pair[1].protocol, pair[1].reply);
              if (want) reference.remove(want);
              expect(table.takeEntry(pair[0])).toEqual(want);
            }
          } else {
            table.clear();
            reference.byReply.clear();
          }
          expect(table.size).toBe(reference.byReply.size);
          for (const [got, want] of added)
            for (const t of [got.reply, { src: got.reply.src, dst: got.original.src }])
              expect(table.findReply(got.protocol, t)).toEqual(reference.findReply(want.protocol, t));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keeps working past the list size, as maps', () => {
    const table = new Conntrack();
    const entries = Array.from({ length: 100 }, (_, i) =>
      table.add(
        'TCP',
        { src: `10.244.0.5:${String(40000 + i)}`, dst: '10.96.0.1:80' },
        {
          src: `10.244.0.5:${String(40000 + i)}`,
          dst: '10.244.1.7:8080',
        },
      ),
    );
    expect(table.size).toBe(100);
    for (const e of entries) expect(table.findReply('TCP', e.reply)).toBe(e);
    for (const e of entries.slice(0, 60)) table.remove(e);
    expect(table.size).toBe(40);
    expect(table.findReply('TCP', entries[10]?.reply ?? { src: '', dst: '' })).toBeUndefined();
    expect(table.findReply('TCP', entries[70]?.reply ?? { src: '', dst: '' })).toBe(entries[70]);
    for (const e of entries.slice(60)) table.remove(e);
    expect(table.size).toBe(0);
    const again = table.add(
      'UDP',
      { src: '10.244.0.5:5353', dst: '10.96.0.10:53' },
      {
        src: '10.244.0.5:5353',
        dst: '10.244.2.2:53',
      },
    );
    expect(table.findReply('UDP', again.reply)).toBe(again);
    expect(table.size).toBe(1);
    table.clear();
    expect(table.size).toBe(0);
    expect(table.findReply('TCP', entries[70]?.reply ?? { src: '', dst: '' })).toBeUndefined();
  });
});
