import { describe, expect, it } from 'vitest';
import { LocalPorts } from '../../../src/engine/sim/local-ports.ts';

describe('LocalPorts', () => {
  it('holds a pair until it is released, by IP and port', () => {
    const ports = new LocalPorts();
    expect(ports.has('10.0.0.1', 40000)).toBe(false);
    const a = ports.take('10.0.0.1', 40000);
    expect(a).toBe('10.0.0.1:40000');
    expect(ports.has('10.0.0.1', 40000)).toBe(true);
    expect(ports.has('10.0.0.2', 40000)).toBe(false);
    expect(ports.has('10.0.0.1', 40001)).toBe(false);
    ports.release(a);
    expect(ports.has('10.0.0.1', 40000)).toBe(false);
    expect(ports.size).toBe(0);
  });

  it('keeps every other pair when one in the middle goes, and ignores an address it does not hold', () => {
    const ports = new LocalPorts();
    const taken = [1, 2, 3, 4].map((n) => ports.take(`10.0.0.${String(n)}`, 33000 + n));
    ports.release(taken[1] ?? '');
    ports.release('10.9.9.9:1234');
    expect(ports.size).toBe(3);
    for (const n of [1, 3, 4]) expect(ports.has(`10.0.0.${String(n)}`, 33000 + n)).toBe(true);
    expect(ports.has('10.0.0.2', 33002)).toBe(false);
  });

  it('works the same past the list (many held at once), and back once empty', () => {
    const ports = new LocalPorts();
    const taken: string[] = [];
    for (let p = 0; p < 100; p++) taken.push(ports.take('10.0.0.1', 32768 + p));
    expect(ports.size).toBe(100);
    for (let p = 0; p < 100; p++) expect(ports.has('10.0.0.1', 32768 + p)).toBe(true);
    expect(ports.has('10.0.0.1', 32768 + 100)).toBe(false);
    for (const a of taken.slice(0, 50)) ports.release(a);
    expect(ports.has('10.0.0.1', 32768)).toBe(false);
    expect(ports.has('10.0.0.1', 32768 + 50)).toBe(true);
    for (const a of taken.slice(50)) ports.release(a);
    expect(ports.size).toBe(0);
    const again = ports.take('10.0.0.1', 32768);
    expect(ports.has('10.0.0.1', 32768)).toBe(true);
    ports.release(again);
    expect(ports.size).toBe(0);
  });
});
