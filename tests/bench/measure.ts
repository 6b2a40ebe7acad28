// Timing helpers for `npm run bench`: medians over repeated runs, one JSON line per figure.

export interface Figure {
  readonly name: string;
  readonly unit: string;
  readonly median: number;
  readonly p95?: number;
  readonly runs?: number;
  /** The target, when there is one; `pass` says whether the median meets it. */
  readonly target?: number;
  /** Which way the target goes: `lower` (default: times) or `higher` (throughput). */
  readonly better?: 'lower' | 'higher';
  readonly pass?: boolean;
  readonly note?: string;
}

export function time(runs: number, fn: () => void): { median: number; p95: number; runs: number } {
  fn(); // warm up: JIT and caches, as a page that has been open for a moment
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? NaN;
  return { median: round(at(0.5)), p95: round(at(0.95)), runs };
}

export const round = (n: number) => Math.round(n * 100) / 100;

export function report(figure: Figure): void {
  const { target } = figure;
  const pass =
    target === undefined
      ? undefined
      : figure.better === 'higher'
        ? figure.median >= target
        : figure.median <= target;
  const withPass = pass === undefined ? figure : { ...figure, pass };
  process.stdout.write(`${JSON.stringify(withPass)}\n`);
}
