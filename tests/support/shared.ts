// Where the workplace's shared material is: ../shared beside the repository (CI lays it there),
// or PODWIRE_SHARED.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

export const SHARED = resolve(process.env['PODWIRE_SHARED'] ?? join(import.meta.dirname, '../../../shared'));

export function sharedExists(): boolean {
  return existsSync(join(SHARED, 'design.md'));
}

export function sharedFiles(dir: string, ext: RegExp): { path: string; text: string }[] {
  const root = join(SHARED, dir);
  const out: { path: string; text: string }[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (ext.test(name)) out.push({ path: relative(root, p), text: readFileSync(p, 'utf8') });
    }
  };
  walk(root);
  return out;
}

/** The ```yaml blocks of the study note, in order, with the line each starts on in the note. */
export function seedYamlBlocks(): { title: string; text: string }[] {
  const note = readFileSync(join(SHARED, 'seed/k8s-networking-study-note.ko.md'), 'utf8');
  const blocks: { title: string; text: string }[] = [];
  const re = /```yaml\n([\s\S]*?)```/g;
  for (let m = re.exec(note); m; m = re.exec(note)) {
    const text = m[1] ?? '';
    const first = /^# (\S+)/m.exec(text)?.[1];
    const name = /^\s*name: (\S+)/m.exec(text)?.[1] ?? 'unnamed';
    blocks.push({ title: `${blocks.length + 1}: ${first ?? name}`, text });
  }
  return blocks;
}
