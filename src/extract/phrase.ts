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

/** The regular-expression source of one phrase (without flags). */
export function phrasePattern(phrase: string): string {
  const words = phrase.trim().split(/\s+/);
  const body = words
    .map((word) => {
      const wild = word.endsWith('*');
      const stem = wild ? word.slice(0, -1) : word;
      // Quotes and apostrophes vary between outlets: ' ’ ` and " “ ” « » are one character here.
      const escaped = escapeRegExp(stem)
        .replace(/['’`]/g, "['’`]")
        .replace(/["“”«»]/g, '["“”«»]')
        .replace(/-/g, '[-‐–]');
      return wild ? `${escaped}[\\p{L}]*` : escaped;
    })
    .join('\\s+');
  return `(?<!${letterOrDigit})${body}(?!${letterOrDigit})`;
}

/** A compiled set of phrases; `find` returns every hit, longest first where they overlap. */
export class PhraseMatcher<T = string> {
  private readonly entries: { phrase: string; value: T; re: RegExp }[];

  constructor(phrases: Iterable<readonly [string, T]>) {
    this.entries = [];
    for (const [phrase, value] of phrases) {
      const flags = isCapitalsOnly(phrase) ? 'gu' : 'giu';
      this.entries.push({ phrase, value, re: new RegExp(phrasePattern(phrase), flags) });
    }
  }

  /** Every hit of every phrase, overlapping ones included, in text order. */
  findAll(text: string): (PhraseHit & { value: T })[] {
    const hits: (PhraseHit & { value: T })[] = [];
    for (const entry of this.entries) {
      entry.re.lastIndex = 0;
      for (const m of text.matchAll(entry.re)) {
        const index = m.index ?? 0;
        hits.push({ phrase: entry.phrase, value: entry.value, text: m[0], index, end: index + m[0].length });
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
    return this.entries.some((entry) => {
      entry.re.lastIndex = 0;
      return entry.re.test(text);
    });
  }
}

/** Shorthand for a matcher whose values are the phrases themselves. */
export function phraseMatcher(phrases: readonly string[]): PhraseMatcher<string> {
  return new PhraseMatcher(phrases.map((p) => [p, p] as const));
}
