// Pearson's chi-square goodness-of-fit test, small and self-contained: the statistic, the
// upper tail of the chi-square distribution (regularized upper incomplete gamma, Numerical
// Recipes' series and Lentz continued fraction) and the critical value by bisection.

/** ln Γ(x) for x > 0 (Lanczos, g = 7, 9 terms; ~1e-15 relative). */
function lnGamma(x: number): number {
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x);
  const z = x - 1;
  let sum = c[0] ?? 0;
  for (let i = 1; i < c.length; i++) sum += (c[i] ?? 0) / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** Q(a, x) = Γ(a, x) / Γ(a), the regularized upper incomplete gamma function. */
export function upperGamma(a: number, x: number): number {
  if (x <= 0) return 1;
  const front = Math.exp(-x + a * Math.log(x) - lnGamma(a));
  if (x < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < 1000 && Math.abs(term) > Math.abs(sum) * 1e-16; n++) {
      term *= x / (a + n);
      sum += term;
    }
    return 1 - sum * front;
  }
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 1000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return h * front;
}

/** P(X ≥ x) for X ~ χ²(df). */
export function chiSquareSurvival(x: number, df: number): number {
  return upperGamma(df / 2, x / 2);
}

/** The x with P(X ≥ x) = alpha for X ~ χ²(df). */
export function chiSquareCritical(df: number, alpha: number): number {
  let low = 0;
  let high = 1;
  while (chiSquareSurvival(high, df) > alpha) high *= 2;
  for (let i = 0; i < 200 && high - low > 1e-12 * high; i++) {
    const mid = (low + high) / 2;
    if (chiSquareSurvival(mid, df) > alpha) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}

/**
 * Pearson's statistic Σ (observed − expected)² / expected for counts against probabilities (same
 * keys). A count where the prediction says 0 makes it infinite: the prediction is simply wrong.
 */
export function chiSquareStatistic(
  observed: ReadonlyMap<string, number>,
  predicted: ReadonlyMap<string, number>,
): number {
  const total = [...observed.values()].reduce((a, b) => a + b, 0);
  let statistic = 0;
  for (const key of new Set([...observed.keys(), ...predicted.keys()])) {
    const seen = observed.get(key) ?? 0;
    const expected = total * (predicted.get(key) ?? 0);
    if (expected === 0) {
      if (seen > 0) return Infinity;
      continue;
    }
    statistic += (seen - expected) ** 2 / expected;
  }
  return statistic;
}

export interface ChiSquareTest {
  readonly statistic: number;
  readonly df: number;
  readonly critical: number;
  readonly pValue: number;
  /** The counts are unlikely (p < alpha) under the prediction. */
  readonly rejected: boolean;
}

/** Goodness of fit of counts to predicted probabilities; df = categories − 1. */
export function chiSquareTest(
  observed: ReadonlyMap<string, number>,
  predicted: ReadonlyMap<string, number>,
  alpha: number,
): ChiSquareTest {
  const df = new Set([...observed.keys(), ...predicted.keys()]).size - 1;
  const statistic = chiSquareStatistic(observed, predicted);
  const critical = chiSquareCritical(df, alpha);
  const pValue = Number.isFinite(statistic) ? chiSquareSurvival(statistic, df) : 0;
  return { statistic, df, critical, pValue, rejected: !(statistic < critical) };
}
