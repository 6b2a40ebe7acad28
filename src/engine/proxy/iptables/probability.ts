// Mirrors kube-proxy pkg/proxy/iptables/proxier.go computeProbability (`%0.10f` of 1/n) and how
// the xt_statistic extension stores and prints it (lround(p·2³¹), printed `%.11f`).
// Decimal output is exact (round half to even on the binary value), as Go and glibc print.

const TWO_31 = 2 ** 31;

/** Exact decimal expansion of `num/den` rounded half-to-even to `digits` places. */
function fixedRatio(num: bigint, den: bigint, digits: number): string {
  const scaled = num * 10n ** BigInt(digits);
  let q = scaled / den;
  const r = scaled % den;
  if (2n * r > den || (2n * r === den && q % 2n === 1n)) q += 1n;
  const text = q.toString().padStart(digits + 1, '0');
  return digits === 0 ? text : `${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

/** A non-negative finite double as an exact fraction. */
function exactFraction(x: number): { num: bigint; den: bigint } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const exponent = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  const mantissa = exponent === 0 ? fraction : fraction | (1n << 52n);
  const power = (exponent === 0 ? 1 : exponent) - 1075;
  return power >= 0
    ? { num: mantissa << BigInt(power), den: 1n }
    : { num: mantissa, den: 1n << BigInt(-power) };
}

/** Go's `fmt.Sprintf("%0.Nf", x)` for a non-negative double. */
export function formatFixed(x: number, digits: number): string {
  const { num, den } = exactFraction(x);
  return fixedRatio(num, den, digits);
}

/** The `--probability` kube-proxy writes for the i-th of n remaining endpoints: 1/n. */
export function computeProbability(n: number): string {
  return formatFixed(1 / n, 10);
}

/** What the kernel keeps: lround(p · 2³¹) (xt_statistic's 31-bit fixed point). */
export function statisticFixedPoint(text: string): number {
  const value = Number(text) * TWO_31;
  return Math.floor(value + 0.5);
}

/** The probability the kernel applies (the stored fixed point as a number). */
export function kernelProbability(text: string): number {
  return statisticFixedPoint(text) / TWO_31;
}

/** How iptables-save prints a probability: the stored value, `%.11f`. */
export function savedProbability(text: string): string {
  return fixedRatio(BigInt(statisticFixedPoint(text)), BigInt(TWO_31), 11);
}
