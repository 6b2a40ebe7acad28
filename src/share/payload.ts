// What a share link carries (format s1). Values must not change meaning: old links keep opening.
// The text is the scenario (its Simulation document already holds the seed and proxy mode); the
// rest is view state. `seed` and `proxyMode` are optional overrides written into the text on open.

export const SHARE_LANGS = ['en', 'ko'] as const;
export const SHARE_PROXY_MODES = ['iptables', 'ipvs', 'nftables', 'userspace'] as const;

export interface SharePayload {
  readonly v: 1;
  /** The editor's text, verbatim. */
  readonly text: string;
  /** Overrides the Simulation document's `spec.seed` when present. */
  readonly seed?: number;
  /** Overrides the Simulation document's `spec.cluster.proxyMode` when present. */
  readonly proxyMode?: (typeof SHARE_PROXY_MODES)[number];
  /** The selected graph item's id (`pod/NS/NAME`, …). */
  readonly selection?: string;
  readonly lang: (typeof SHARE_LANGS)[number];
  /** The player's speed (virtual seconds per second). */
  readonly speed: number;
  /** Opens with the editor read-only and autosave off. */
  readonly viewOnly?: boolean;
}

/** The view settings a link or a downloaded file carries beside the text. */
export type ShareSettings = Omit<SharePayload, 'v' | 'text'>;

export type FieldCheck =
  { readonly ok: true; readonly settings: ShareSettings } | { readonly ok: false; readonly field: string };

const MAX_SELECTION = 1000;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isOneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value);
}

/** Checks the settings fields of a parsed object (unknown fields are ignored: newer links may add some). */
export function readSettings(raw: unknown): FieldCheck {
  if (!isRecord(raw)) return { ok: false, field: '(root)' };
  const { seed, proxyMode, selection, lang, speed, viewOnly } = raw;
  if (seed !== undefined && !(Number.isSafeInteger(seed) && (seed as number) >= 0))
    return { ok: false, field: 'seed' };
  if (proxyMode !== undefined && !isOneOf(SHARE_PROXY_MODES, proxyMode))
    return { ok: false, field: 'proxyMode' };
  if (selection !== undefined && !(typeof selection === 'string' && selection.length <= MAX_SELECTION))
    return { ok: false, field: 'selection' };
  if (!isOneOf(SHARE_LANGS, lang)) return { ok: false, field: 'lang' };
  if (typeof speed !== 'number' || !Number.isFinite(speed) || speed <= 0 || speed > 64)
    return { ok: false, field: 'speed' };
  if (viewOnly !== undefined && typeof viewOnly !== 'boolean') return { ok: false, field: 'viewOnly' };
  return {
    ok: true,
    settings: {
      lang,
      speed,
      ...(seed !== undefined ? { seed: seed as number } : {}),
      ...(proxyMode !== undefined ? { proxyMode } : {}),
      ...(selection !== undefined ? { selection } : {}),
      ...(viewOnly !== undefined ? { viewOnly } : {}),
    },
  };
}

export type PayloadCheck =
  { readonly ok: true; readonly payload: SharePayload } | { readonly ok: false; readonly field: string };

/** A v1 payload from parsed JSON, every field's type checked. */
export function readPayloadV1(raw: unknown): PayloadCheck {
  if (!isRecord(raw)) return { ok: false, field: '(root)' };
  if (raw['v'] !== 1) return { ok: false, field: 'v' };
  if (typeof raw['text'] !== 'string') return { ok: false, field: 'text' };
  const settings = readSettings(raw);
  if (!settings.ok) return settings;
  return { ok: true, payload: { v: 1, text: raw['text'], ...settings.settings } };
}
