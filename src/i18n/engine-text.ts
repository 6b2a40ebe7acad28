// Engine sentences in another language. The engine stays language-neutral: it writes English
// explanations (hops, routing, policies, graph labels); a catalogue of patterns (ko-engine.ts)
// re-says them with the same names and numbers. A text no pattern covers stays English.

/** Captured groups, `''` for a group that did not take part. */
export type Groups = readonly string[];

/** One pattern: a whole sentence or fragment, anchored, and how to say it. */
export interface TextRule {
  readonly re: RegExp;
  /** `tr` translates a captured fragment with the same catalogue. */
  readonly say: (g: Groups, tr: (fragment: string) => string) => string;
}

export type Translate = (text: string) => string;

const CACHE_LIMIT = 5000;

/**
 * A translator for `rules`. A text matched whole by a rule is said by it; otherwise it is read
 * sentence by sentence (`. ` boundaries), each run of sentences taken by the longest rule match,
 * so composed descriptions ("… port 80. No kube-proxy rule on node-1 matches …") are covered.
 */
export function makeTranslator(rules: readonly TextRule[]): Translate {
  const cache = new Map<string, string>();
  const whole = (text: string): string | undefined => {
    for (const rule of rules) {
      const m = rule.re.exec(text);
      if (m)
        return rule.say(
          m.slice(1).map((g) => g ?? ''),
          tr,
        );
    }
    return undefined;
  };
  const bySentences = (text: string): string => {
    const ends: number[] = [];
    for (let i = 0; i < text.length - 1; i++) if (text[i] === '.' && text[i + 1] === ' ') ends.push(i + 1);
    ends.push(text.length);
    const parts: string[] = [];
    let start = 0;
    while (start < text.length) {
      let taken = false;
      for (let k = ends.length - 1; k >= 0 && !taken; k--) {
        const end = ends[k] ?? text.length;
        if (end <= start || (start === 0 && end === text.length)) continue;
        const said = whole(text.slice(start, end).trim());
        if (said !== undefined) {
          parts.push(said);
          start = end;
          taken = true;
        }
      }
      if (!taken) {
        const end = ends.find((e) => e > start) ?? text.length;
        parts.push(text.slice(start, end).trim());
        start = end;
      }
    }
    return parts.join(' ');
  };
  function tr(text: string): string {
    const found = cache.get(text);
    if (found !== undefined) return found;
    const said = text.trim() === '' ? text : (whole(text) ?? bySentences(text));
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(text, said);
    return said;
  }
  return tr;
}

/** Whether a text has Hangul (a translated text does; tests use it). */
export const hasHangul = (text: string): boolean => /[\uAC00-\uD7A3]/.test(text);
