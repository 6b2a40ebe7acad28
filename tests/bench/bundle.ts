// The page's first download, Lighthouse-style (issue #7: initial JavaScript before the editor
// loads under 300 KB gzip; Monaco loads lazily): the production build's entry script and the
// modules index.html preloads, gzipped as a static host serves them. The engine's worker starts
// at once too, off the main thread: reported beside it.
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { report, round } from './measure.ts';

const gzipKb = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length / 1024;

export function runBundleBench(root: string): void {
  const outDir = join(root, 'node_modules/.cache/podwire-bench/dist');
  const built = spawnSync(
    'npx',
    ['vite', 'build', '--logLevel', 'warn', '--outDir', outDir, '--emptyOutDir'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  if (built.status !== 0) {
    report({ name: 'bundle', unit: 'skipped', median: NaN, note: 'vite build failed' });
    return;
  }
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  const scripts = [
    ...html.matchAll(/<script[^>]*\bsrc="\.?\/?([^"]+)"/g),
    ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="\.?\/?([^"]+)"/g),
  ].map((m) => m[1] ?? '');
  const initial = scripts.reduce((kb, file) => kb + gzipKb(join(outDir, file)), 0);
  report({
    name: 'bundle.initial-js',
    unit: 'KB gzip',
    median: round(initial),
    target: 300,
    note: `${scripts.join(', ')}: what the page runs before the editor (Monaco, its workers and the schema load lazily)`,
  });
  const worker = readdirSync(join(outDir, 'assets')).find((f) => f.startsWith('engine.worker-'));
  if (worker)
    report({
      name: 'bundle.engine-worker',
      unit: 'KB gzip',
      median: round(gzipKb(join(outDir, 'assets', worker))),
      note: 'the engine worker (elkjs included), fetched at start and run off the main thread',
    });
}
