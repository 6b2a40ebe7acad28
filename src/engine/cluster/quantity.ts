// Integer resource quantities as k8s.io/apimachinery pkg/api/resource reads and prints them
// (DecimalSI canonical form: 1000 → "1k"). Object counts only: fractions and binary suffixes
// are read, but quotas on them are not enforced by Podwire.

const DECIMAL: Readonly<Record<string, number>> = {
  '': 1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
};
const BINARY: Readonly<Record<string, number>> = {
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

/** An integer quantity ("3", 3, "1k", "2Ki", "1e3"), or undefined. */
export function parseCount(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 0 ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const m = /^\+?([0-9]+)(?:(Ki|Mi|Gi|Ti|Pi|Ei|k|M|G|T|P|E)|[eE]([0-9]+))?$/.exec(value.trim());
  if (!m) return undefined;
  const mantissa = Number(m[1]);
  const suffix = m[2] ?? '';
  const factor = m[3] !== undefined ? 10 ** Number(m[3]) : (DECIMAL[suffix] ?? BINARY[suffix] ?? 1);
  const n = mantissa * factor;
  return Number.isSafeInteger(n) ? n : undefined;
}

/** Quantity.String() for a DecimalSI integer: trailing thousands become k, M, G, … */
export function formatCount(n: number): string {
  if (n === 0) return '0';
  const suffixes = ['', 'k', 'M', 'G', 'T', 'P', 'E'];
  let value = n;
  let i = 0;
  while (i < suffixes.length - 1 && value % 1000 === 0) {
    value /= 1000;
    i++;
  }
  return `${value}${suffixes[i] ?? ''}`;
}
