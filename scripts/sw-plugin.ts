// Emits the service worker (scripts/sw.js) into the build with the list of files to precache,
// versioned by a hash of the whole build so each deployment gets its own cache.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Plugin, ResolvedConfig } from 'vite';

const TEMPLATE = join(import.meta.dirname, 'sw.js');
export const SW_FILE = 'sw.js';

function filesUnder(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)],
    );
  } catch {
    return [];
  }
}

/** The service worker's text for these files (paths relative to the app's root). */
export function serviceWorkerSource(template: string, files: readonly string[], version: string): string {
  const assets = ['./', ...files.map((f) => `./${f}`)];
  return template
    .replace('__PODWIRE_VERSION__', version)
    .replace('/* __PODWIRE_ASSETS__ */ []', JSON.stringify(assets));
}

export function serviceWorkerPlugin(): Plugin {
  let config: ResolvedConfig | undefined;
  return {
    name: 'podwire-sw',
    apply: 'build',
    enforce: 'post',
    configResolved(resolved) {
      config = resolved;
    },
    generateBundle(_options, bundle) {
      const hash = createHash('sha256');
      const files: string[] = [];
      for (const [name, item] of Object.entries(bundle).sort(([a], [b]) => a.localeCompare(b))) {
        if (name.endsWith('.map')) continue;
        files.push(name);
        hash.update(name);
        hash.update(item.type === 'chunk' ? item.code : item.source);
      }
      const publicDir = config?.publicDir;
      if (publicDir) {
        for (const path of filesUnder(publicDir).sort()) {
          const name = relative(publicDir, path).split('\\').join('/');
          files.push(name);
          hash.update(name);
          hash.update(readFileSync(path));
        }
      }
      this.emitFile({
        type: 'asset',
        fileName: SW_FILE,
        source: serviceWorkerSource(readFileSync(TEMPLATE, 'utf8'), files, hash.digest('hex').slice(0, 16)),
      });
    },
  };
}
