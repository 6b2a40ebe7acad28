// The list of recent versions kept for "History": pure, so the caps are testable without
// IndexedDB. Newest first.

export interface Version {
  readonly id: string;
  /** When it was recorded (ms since the epoch). */
  readonly at: number;
  readonly text: string;
  /** Characters, which is what the size cap counts. */
  readonly size: number;
  /** One line saying what the text holds: its first objects, else its first line. */
  readonly summary: string;
  readonly reason: string;
}

export interface VersionCaps {
  readonly count: number;
  readonly chars: number;
}

export const DEFAULT_CAPS: VersionCaps = { count: 30, chars: 5_000_000 };

const SUMMARY_OBJECTS = 3;
const SUMMARY_MAX = 100;

/** "Deployment web, Service web, Ingress web +2 more", or the first non-empty line. */
export function summarize(text: string): string {
  const objects: string[] = [];
  for (const doc of text.split(/^---.*$/m)) {
    const kind = /^kind:[ \t]*["']?([\w.-]+)/m.exec(doc)?.[1];
    if (!kind) continue;
    const name = /^metadata:[ \t]*\n(?:[ \t]+.*\n)*?[ \t]+name:[ \t]*["']?([^\s"'#]+)/m.exec(doc)?.[1];
    objects.push(name ? `${kind} ${name}` : kind);
  }
  if (objects.length > 0) {
    const shown = objects.slice(0, SUMMARY_OBJECTS).join(', ');
    const more = objects.length - SUMMARY_OBJECTS;
    return clip(more > 0 ? `${shown} +${more}` : shown);
  }
  const first = text.split('\n').find((line) => line.trim() !== '');
  return clip(first?.trim() ?? '');
}

function clip(line: string): string {
  return line.length > SUMMARY_MAX ? `${line.slice(0, SUMMARY_MAX - 1)}…` : line;
}

export function makeVersion(text: string, at: number, reason: string, id: string): Version {
  return { id, at, text, size: text.length, summary: summarize(text), reason };
}

/**
 * Adds `version` as the newest. The same text recorded earlier moves up instead of being kept
 * twice; then the oldest go until the list fits the caps. The newest always stays.
 */
export function addVersion(
  list: readonly Version[],
  version: Version,
  caps: VersionCaps = DEFAULT_CAPS,
): Version[] {
  const next = [version, ...list.filter((v) => v.text !== version.text)];
  let chars = next.reduce((sum, v) => sum + v.size, 0);
  while (next.length > 1 && (next.length > caps.count || chars > caps.chars)) {
    chars -= next.pop()?.size ?? 0;
  }
  return next;
}

/** Newest first, whatever order storage gave them in. */
export function sortVersions(list: readonly Version[]): Version[] {
  return [...list].sort((a, b) => b.at - a.at || (a.id < b.id ? 1 : -1));
}
