/**
 * Finding knowledge-file phrases in text: whole words only, any script. A trailing `*` on a word
 * matches any ending (Russian case forms); a phrase written in capitals matches only in capitals
 * (UN is the United Nations, "un" is not).
 */

export interface PhraseHit {
  /** The phrase as written in the knowledge file. */
  phrase: string;
  /** The words as they stand in the text. */
  text: string;
  index: number;
  end: number;
}

const letterOrDigit = '[\\p{L}\\p{N}]';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** True when the phrase has letters and none of them is lower case: an acronym. */
function isCapitalsOnly(phrase: string): boolean {
  const letters = phrase.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

/** One word of a phrase as a pattern: quotes, apostrophes and dashes stand for their variants. */
function wordPattern(stem: string): string {
  // Quotes and apostrophes vary between outlets: ' ’ ` and " “ ” « » are one character here.
  return escapeRegExp(stem)
    .replace(/['’`]/g, "['’`]")
    .replace(/["“”«»]/g, '["“”«»]')
    .replace(/-/g, '[-‐–]');
}

/** The phrase's words, without the lookarounds that make it whole words. */
function phraseBody(phrase: string): string {
  return phrase
    .trim()
    .split(/\s+/)
    .map((word) => {
      const wild = word.endsWith('*');
      const escaped = wordPattern(wild ? word.slice(0, -1) : word);
      return wild ? `${escaped}[\\p{L}]*` : escaped;
    })
    .join('\\s+');
}

// Patterns are asked for again and again (role titles per name found): build each once.
const patternCache = new Map<string, string>();

/** The regular-expression source of one phrase (without flags). */
export function phrasePattern(phrase: string): string {
  let pattern = patternCache.get(phrase);
  if (pattern === undefined) {
    pattern = `(?<!${letterOrDigit})${phraseBody(phrase)}(?!${letterOrDigit})`;
    patternCache.set(phrase, pattern);
  }
  return pattern;
}

interface Entry<T> {
  phrase: string;
  value: T;
  flags: string;
  /** The phrase anchored where the scan stands (sticky). */
  sticky: RegExp;
  /** Matches the one character a hit can start with; null when it may start with anything. */
  first: RegExp | null;
}

/**
 * A compiled set of phrases; `find` returns every hit, longest first where they overlap.
 *
 * Speed: one regular expression per phrase, each scanning the whole text, made matching the
 * converter's hot path. Instead, one alternation per case mode finds the places where some
 * phrase matches, and only the phrases that can start with the character there are tried, each
 * anchored at that place. The hits are the same as one global scan per phrase gives: every
 * phrase's leftmost, non-overlapping matches, in the phrases' order where they tie.
 */
export class PhraseMatcher<T = string> {
  private readonly entries: Entry<T>[];
  /** Zero-width: stands where a phrase of that case mode matches. Null for no phrases. */
  private readonly starts: RegExp[];
  /** Entries that can start with a character, by character. */
  private readonly byFirst = new Map<string, Entry<T>[]>();

  constructor(phrases: Iterable<readonly [string, T]>) {
    this.entries = [];
    const bodies = { gu: [] as string[], giu: [] as string[] };
    for (const [phrase, value] of phrases) {
      const flags = isCapitalsOnly(phrase) ? 'gu' : 'giu';
      const pattern = phrasePattern(phrase);
      const firstChar = [...phrase.trim()][0];
      const first = firstChar && firstChar !== '*' ? new RegExp(`^${wordPattern(firstChar)}`, flags.replace('g', '')) : null;
      this.entries.push({ phrase, value, flags, sticky: new RegExp(pattern, flags.replace('g', 'y')), first });
      bodies[flags as 'gu' | 'giu'].push(phraseBody(phrase));
    }
    this.starts = (['gu', 'giu'] as const)
      .filter((flags) => bodies[flags].length > 0)
      .map((flags) => new RegExp(`(?<!${letterOrDigit})(?=(?:${bodies[flags].join('|')})(?!${letterOrDigit}))`, flags));
  }

  private startingWith(char: string): Entry<T>[] {
    let list = this.byFirst.get(char);
    if (!list) {
      list = this.entries.filter((e) => !e.first || e.first.test(char));
      this.byFirst.set(char, list);
    }
    return list;
  }

  /** Every hit of every phrase, overlapping ones included, in text order. */
  findAll(text: string): (PhraseHit & { value: T })[] {
    const positions = new Set<number>();
    for (const re of this.starts) {
      re.lastIndex = 0;
      for (const m of text.matchAll(re)) positions.add(m.index ?? 0);
    }
    const hits: (PhraseHit & { value: T })[] = [];
    if (positions.size === 0) return hits;
    // Where the last hit of each phrase ended: a phrase's hits do not overlap each other.
    const ends = new Map<Entry<T>, number>();
    for (const index of [...positions].sort((a, b) => a - b)) {
      const char = index < text.length ? String.fromCodePoint(text.codePointAt(index)!) : '';
      for (const entry of this.startingWith(char)) {
        if ((ends.get(entry) ?? 0) > index) continue;
        entry.sticky.lastIndex = index;
        const m = entry.sticky.exec(text);
        if (!m) continue;
        hits.push({ phrase: entry.phrase, value: entry.value, text: m[0], index, end: index + m[0].length });
        ends.set(entry, index + m[0].length);
      }
    }
    return hits.sort((a, b) => a.index - b.index || b.end - a.end);
  }

  /** All hits, not overlapping: a longer hit claims its words before a shorter one can. */
  find(text: string): (PhraseHit & { value: T })[] {
    const hits = this.findAll(text);
    hits.sort((a, b) => b.end - b.index - (a.end - a.index) || a.index - b.index);
    const kept: (PhraseHit & { value: T })[] = [];
    for (const hit of hits) {
      if (kept.every((k) => hit.end <= k.index || hit.index >= k.end)) kept.push(hit);
    }
    return kept.sort((a, b) => a.index - b.index);
  }

  /** True when any phrase occurs in the text. */
  test(text: string): boolean {
    return this.starts.some((re) => {
      re.lastIndex = 0;
      return re.test(text);
    });
  }
}

/** Shorthand for a matcher whose values are the phrases themselves. */
export function phraseMatcher(phrases: readonly string[]): PhraseMatcher<string> {
  return new PhraseMatcher(phrases.map((p) => [p, p] as const));
}
