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

const letterOrDigitHere = new RegExp(letterOrDigit, 'uy');

/** True when a letter or digit stands at `end`: a match ending there is not a whole word. */
function endsInWord(text: string, end: number): boolean {
  letterOrDigitHere.lastIndex = end;
  return letterOrDigitHere.test(text);
}

interface Entry<T> {
  phrase: string;
  value: T;
  /** Its expressions (index into `modes`) and its capture group in their `which`. */
  mode: number;
  group: number;
}

/** Phrases of one case mode (capitals only, or any case), compiled together. */
interface Mode {
  /** Zero-width, global: stands wherever some phrase of this mode matches. */
  starts: RegExp;
  /**
   * Sticky, always matches: capture group g holds what phrase body g matches here, if any. Whole
   * words are checked after it: a body matches one way only (its wildcards take letters, its
   * word gaps white space), so "not followed by a letter" holds of that match or of none.
   */
  which: RegExp;
}

/**
 * A compiled set of phrases; `find` returns every hit, longest first where they overlap.
 *
 * Speed: one regular expression per phrase, each compiled (with Unicode letter classes, costly)
 * and each scanning the whole text, made matching the converter's hot path. Instead each case
 * mode has two: one alternation that finds where some phrase matches, and one that, anchored
 * there, says through a capture group per phrase which phrases match there and how far. The
 * hits are the same as one global scan per phrase gives: every phrase's leftmost,
 * non-overlapping matches, in the phrases' order where they tie.
 */
export class PhraseMatcher<T = string> {
  private readonly entries: Entry<T>[] = [];
  private readonly modes: Mode[] = [];

  constructor(phrases: Iterable<readonly [string, T]>) {
    const bodies = { u: new Map<string, number>(), iu: new Map<string, number>() };
    const slots: { flags: 'u' | 'iu'; group: number }[] = [];
    for (const [phrase, value] of phrases) {
      const flags = isCapitalsOnly(phrase) ? 'u' : 'iu';
      const body = phraseBody(phrase);
      // Phrases written alike share a group: events often share a cue.
      let group = bodies[flags].get(body);
      if (group === undefined) bodies[flags].set(body, (group = bodies[flags].size));
      this.entries.push({ phrase, value, mode: 0, group: 0 });
      slots.push({ flags, group });
    }
    // Expressions of at most `chunk` phrases each, so a long gazetteer never makes one too large.
    const chunk = 200;
    const firstMode = { u: 0, iu: 0 };
    for (const flags of ['u', 'iu'] as const) {
      firstMode[flags] = this.modes.length;
      const list = [...bodies[flags].keys()];
      for (let from = 0; from < list.length; from += chunk) {
        const part = list.slice(from, from + chunk);
        this.modes.push({
          starts: new RegExp(`(?<!${letterOrDigit})(?=(?:${part.join('|')})(?!${letterOrDigit}))`, `g${flags}`),
          which: new RegExp(part.map((b) => `(?:(?=(${b}))|)`).join(''), `y${flags}`),
        });
      }
    }
    this.entries.forEach((entry, i) => {
      const { flags, group } = slots[i]!;
      entry.mode = firstMode[flags] + Math.floor(group / chunk);
      entry.group = group % chunk;
    });
  }

  /**
   * The hits for texts looked at lately: extraction steps look at the same sentences with the same
   * matcher again and again (two calls in three, on the bench's articles). Copies go in and out,
   * so no caller sees another's changes.
   */
  private readonly recent = new Map<string, (PhraseHit & { value: T })[]>();

  /** Every hit of every phrase, overlapping ones included, in text order. */
  findAll(text: string): (PhraseHit & { value: T })[] {
    const known = this.recent.get(text);
    if (known) return known.map((hit) => ({ ...hit }));
    const hits = this.scan(text);
    this.recent.set(text, hits.map((hit) => ({ ...hit })));
    if (this.recent.size > 1000) this.recent.delete(this.recent.keys().next().value!);
    return hits;
  }

  private scan(text: string): (PhraseHit & { value: T })[] {
    // Where each mode has a phrase starting: position → the captures of `which` there.
    const at = new Map<number, (RegExpExecArray | null)[]>();
    this.modes.forEach((mode, i) => {
      mode.starts.lastIndex = 0;
      for (const m of text.matchAll(mode.starts)) {
        const index = m.index ?? 0;
        mode.which.lastIndex = index;
        const found = at.get(index) ?? this.modes.map(() => null);
        found[i] = mode.which.exec(text);
        at.set(index, found);
      }
    });
    const hits: (PhraseHit & { value: T })[] = [];
    if (at.size === 0) return hits;
    // Where the last hit of each phrase ended: a phrase's hits do not overlap each other.
    const ends = new Map<Entry<T>, number>();
    for (const index of [...at.keys()].sort((a, b) => a - b)) {
      const found = at.get(index)!;
      for (const entry of this.entries) {
        const words = found[entry.mode]?.[entry.group + 1];
        if (words === undefined || (ends.get(entry) ?? 0) > index || endsInWord(text, index + words.length)) continue;
        hits.push({ phrase: entry.phrase, value: entry.value, text: words, index, end: index + words.length });
        ends.set(entry, index + words.length);
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
    return this.modes.some(({ starts }) => {
      starts.lastIndex = 0;
      return starts.test(text);
    });
  }
}

/** Shorthand for a matcher whose values are the phrases themselves. */
export function phraseMatcher(phrases: readonly string[]): PhraseMatcher<string> {
  return new PhraseMatcher(phrases.map((p) => [p, p] as const));
}
