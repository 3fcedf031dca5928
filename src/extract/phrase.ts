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
export function isCapitalsOnly(phrase: string): boolean {
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

/** Whether each UTF-16 unit is a letter or digit (1) or not (2), 0 until asked: a table, not a regular expression per character. */
const wordUnit = new Uint8Array(0x10000);
const letterOrDigitOnly = new RegExp(`^${letterOrDigit}$`, 'u');

/** True when the code point at `at` (which starts it) is a letter or digit. */
function isWordAt(text: string, at: number): boolean {
  const unit = text.charCodeAt(at);
  if (unit >= 0xd800 && unit <= 0xdbff && at + 1 < text.length) return letterOrDigitOnly.test(String.fromCodePoint(text.codePointAt(at)!));
  let known = wordUnit[unit]!;
  if (known === 0) wordUnit[unit] = known = letterOrDigitOnly.test(String.fromCharCode(unit)) ? 1 : 2;
  return known === 1;
}

/**
 * How many words a text has: its runs of characters between white space that hold a letter or
 * a digit — `text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length`, without making
 * the pieces (every line of every report is counted).
 */
export function countWords(text: string): number {
  let count = 0;
  // Whether the word under way has been counted: a text's first word starts at 0.
  let counted = false;
  for (let index = 0; index < text.length; ) {
    const unit = text.charCodeAt(index);
    if (isSpaceUnit(unit)) {
      counted = false;
      index++;
      continue;
    }
    if (!counted && isWordAt(text, index)) {
      counted = true;
      count++;
    }
    index += unit >= 0xd800 && unit <= 0xdbff && index + 1 < text.length ? 2 : 1;
  }
  return count;
}

/** Where a phrase may start in texts looked at lately: every matcher looks at the same sentences. */
const recentStarts = new Map<string, Int32Array>();

/** The positions not preceded by a letter or digit (whole code points only), where a whole-word phrase may start. */
function wordStarts(text: string): Int32Array {
  let starts = recentStarts.get(text);
  if (starts) return starts;
  const found: number[] = [];
  let afterWord = false;
  for (let index = 0; index < text.length; ) {
    if (!afterWord) found.push(index);
    afterWord = isWordAt(text, index);
    const unit = text.charCodeAt(index);
    index += unit >= 0xd800 && unit <= 0xdbff && index + 1 < text.length ? 2 : 1;
  }
  // The end too: a phrase that may match nothing (a bare `*`) matches there.
  if (!afterWord) found.push(text.length);
  starts = Int32Array.from(found);
  recentStarts.set(text, starts);
  if (recentStarts.size > 500) recentStarts.delete(recentStarts.keys().next().value!);
  return starts;
}

/**
 * One character of a phrase's word: the code points written for it (an apostrophe, a quote or a
 * dash stands for its variants, as in wordPattern), and what the engine says of any other.
 */
interface Letter {
  chars: number[];
  /** Only ASCII written: an ASCII character matches it as lower-casing says (see asciiMatchEnd). */
  ascii: boolean;
  /** `^(?:pattern)$` with the body's flags: asked once per other code point met, the answer kept. */
  alone: RegExp;
  known: Map<number, boolean>;
}

/** A word of a phrase body: its letters, and whether a trailing `*` lets any letters follow. */
interface Word {
  letters: Letter[];
  wild: boolean;
}

/** One phrase body (phrases written alike share it), matched where a phrase may start. */
interface Body {
  /** Its words: matched letter by letter (see bodyMatchEnd), as its expression would match them. */
  shape: Word[];
  /**
   * A phrase of plain ASCII words: its words (lower case when case does not count), matched
   * more simply still where the text there is ASCII too — nine tries in ten. Null for any other phrase.
   */
  words: string[] | null;
  caseless: boolean;
  /** Its phrases, by index in `entries`. */
  entries: number[];
}

/** No match at all; the text there is not ASCII, so bodyMatchEnd must decide. */
const noMatch = -1;
const undecided = -2;

/**
 * Where a phrase of plain ASCII words matched at `index` ends, as its expression would say when
 * every character it looks at is ASCII: there case folding is lower-casing, and `\s` is tab to
 * carriage return and space. Any other character leaves it undecided.
 */
function asciiMatchEnd(text: string, index: number, words: string[], caseless: boolean): number {
  let at = index;
  for (let w = 0; w < words.length; w++) {
    if (w > 0) {
      const from = at;
      for (; at < text.length; at++) {
        const c = text.charCodeAt(at);
        if (c >= 0x80) return undecided;
        if (c !== 0x20 && (c < 0x09 || c > 0x0d)) break;
      }
      if (at === from) return noMatch;
    }
    const word = words[w]!;
    for (let i = 0; i < word.length; i++, at++) {
      if (at >= text.length) return noMatch;
      let c = text.charCodeAt(at);
      if (c >= 0x80) return undecided;
      if (caseless && c >= 0x41 && c <= 0x5a) c += 0x20;
      if (c !== word.charCodeAt(i)) return noMatch;
    }
  }
  return at;
}

const flagsOf = (caseless: boolean) => (caseless ? 'iu' : 'u');

/** Letters are shared by every body with the same character and flags: each asks the engine once. */
const lettersSeen = new Map<string, Letter>();

function letterOf(char: string, caseless: boolean): Letter {
  const pattern = wordPattern(char);
  const key = `${flagsOf(caseless)}/${pattern}`;
  let letter = lettersSeen.get(key);
  if (!letter) {
    const chars = pattern.startsWith('[') && pattern.length > 2 ? [...pattern.slice(1, -1)].map((c) => c.codePointAt(0)!) : [char.codePointAt(0)!];
    letter = { chars, ascii: chars.every((c) => c < 0x80), alone: new RegExp(`^(?:${pattern})$`, flagsOf(caseless)), known: new Map() };
    lettersSeen.set(key, letter);
  }
  return letter;
}

/** A phrase's words as the letters of its expression (see phraseBody). */
function shapeOf(phrase: string, caseless: boolean): Word[] {
  return phrase
    .trim()
    .split(/\s+/)
    .map((word) => {
      const wild = word.endsWith('*');
      return { letters: [...(wild ? word.slice(0, -1) : word)].map((c) => letterOf(c, caseless)), wild };
    });
}

/** Whether code point `c` stands for the letter: as written, else as the engine says (case folding). */
function letterMatches(letter: Letter, c: number, caseless: boolean): boolean {
  const chars = letter.chars;
  for (let i = 0; i < chars.length; i++) if (chars[i] === c) return true;
  if (!caseless) return false;
  if (c < 0x80 && letter.ascii) {
    const lower = c >= 0x41 && c <= 0x5a ? c + 0x20 : c;
    for (let i = 0; i < chars.length; i++) if ((chars[i]! >= 0x41 && chars[i]! <= 0x5a ? chars[i]! + 0x20 : chars[i]) === lower) return true;
    return false;
  }
  let known = letter.known.get(c);
  if (known === undefined) letter.known.set(c, (known = letter.alone.test(String.fromCodePoint(c))));
  return known;
}

/** Per UTF-16 unit, as the engine says: white space (`\s`) 1, else 2; 0 until asked. */
const spaceUnit = new Uint8Array(0x10000);
const spaceOnly = /^\s$/u;

function isSpaceUnit(unit: number): boolean {
  let known = spaceUnit[unit]!;
  if (known === 0) spaceUnit[unit] = known = spaceOnly.test(String.fromCharCode(unit)) ? 1 : 2;
  return known === 1;
}

/** What a wildcard takes, `[\p{L}]` with and without case folding (which adds a few marks): per BMP unit, 1 yes, 2 no. */
const wildUnit = { u: new Uint8Array(0x10000), iu: new Uint8Array(0x10000) };
const wildOnly = { u: /^[\p{L}]$/u, iu: /^[\p{L}]$/iu };

function isWildLetter(c: number, caseless: boolean): boolean {
  const flags = flagsOf(caseless);
  if (c > 0xffff) return wildOnly[flags].test(String.fromCodePoint(c));
  const table = wildUnit[flags];
  let known = table[c]!;
  if (known === 0) table[c] = known = wildOnly[flags].test(String.fromCharCode(c)) ? 1 : 2;
  return known === 1;
}

/**
 * Where a body matched at `index` ends, or noMatch: what its sticky expression would say, without
 * compiling one (one with a wildcard's Unicode letter class took milliseconds to compile, per
 * thread — most of the time matching spent in the engine). The expression matches one way only:
 * a wildcard takes letters and a word gap white space, which no letter is, so taking as many as
 * there are is what its backtracking would settle on too.
 */
function bodyMatchEnd(text: string, index: number, body: Body): number {
  const { shape, caseless } = body;
  let at = index;
  for (let w = 0; w < shape.length; w++) {
    if (w > 0) {
      const from = at;
      while (at < text.length && isSpaceUnit(text.charCodeAt(at))) at++;
      if (at === from) return noMatch;
    }
    const { letters, wild } = shape[w]!;
    for (let i = 0; i < letters.length; i++) {
      if (at >= text.length) return noMatch;
      const c = text.codePointAt(at)!;
      if (!letterMatches(letters[i]!, c, caseless)) return noMatch;
      at += c > 0xffff ? 2 : 1;
    }
    if (wild) {
      while (at < text.length) {
        const c = text.codePointAt(at)!;
        if (!isWildLetter(c, caseless)) break;
        at += c > 0xffff ? 2 : 1;
      }
    }
  }
  return at;
}

interface Entry<T> {
  phrase: string;
  value: T;
}

/** The bodies that may start with the characters read so far, and the step for each next character. */
interface Step {
  bodies: Body[];
  /** The next step for an ASCII character, by its code: an array index, not a hash lookup. */
  ascii: (Step | undefined)[];
  next: Map<number, Step>;
}

const newStep = (bodies: Body[]): Step => ({ bodies, ascii: new Array<Step | undefined>(0x80).fill(undefined), next: new Map() });

/** How many first characters pick the phrases to try: three leave about one in ten tried in vain. */
const prefixLength = 3;
const nothing: Step = newStep([]);

/**
 * The body's letter at `depth` of its first word; null from where any character may stand (past
 * the first word's letters, or past a first word ending in a wildcard, or a bare `*`).
 */
function prefixLetter(body: Body, depth: number): Letter | null {
  const first = body.shape[0]!.letters;
  return depth < first.length ? first[depth]! : null;
}

/**
 * A compiled set of phrases; `find` returns every hit, longest first where they overlap.
 *
 * Speed: one regular expression per phrase scanning the whole text, or one alternation of all
 * phrases tried at every position, made matching the converter's hot path (Unicode letter classes
 * and case folding leave the regular-expression engine no fast scan). Instead a phrase is tried
 * only where a word starts (found once per text for every matcher), and only if its first
 * characters can stand there, then matched character by character without an expression
 * (whether a character stands for one of a phrase's is asked of the engine itself, once per
 * pair, so case folding is exactly its own). The hits are the same as one global scan per
 * phrase gives: every phrase's leftmost, non-overlapping matches, in the phrases' order where
 * they tie. A body matches one way only (its wildcards take letters, its word gaps white space),
 * so "not followed by a letter" holds of the match the engine would find first or of none.
 */
export class PhraseMatcher<T = string> {
  private readonly entries: Entry<T>[] = [];
  private readonly bodies: Body[] = [];
  /** Before any character is read: every body. */
  private readonly start: Step = newStep(this.bodies);
  /** UTF-16 units no body may start with (1): most word starts end there. */
  private readonly noneStart = new Uint8Array(0x10000);
  /** The bodies that may start with anything, or nothing (a bare `*`): all that may match at the end. */
  private readonly anyStart: Body[] = [];

  constructor(phrases: Iterable<readonly [string, T]>) {
    const byPattern = new Map<string, Body>();
    for (const [phrase, value] of phrases) {
      const flags = isCapitalsOnly(phrase) ? 'u' : 'iu';
      const source = phraseBody(phrase);
      let body = byPattern.get(`${flags}/${source}`);
      if (!body) {
        const plain = phrase.trim().split(/\s+/);
        const words = plain.every((w) => /^[A-Za-z0-9]+$/.test(w)) ? plain.map((w) => (flags === 'iu' ? w.toLowerCase() : w)) : null;
        body = { shape: shapeOf(phrase, flags === 'iu'), words, caseless: flags === 'iu', entries: [] };
        byPattern.set(`${flags}/${source}`, body);
        this.bodies.push(body);
      }
      body.entries.push(this.entries.length);
      this.entries.push({ phrase, value });
    }
    this.anyStart = this.bodies.filter((b) => prefixLetter(b, 0) === null);
  }

  /** The bodies that may match at `index`, a word start, in order. */
  private candidates(text: string, index: number): Body[] {
    if (index === text.length) return this.anyStart;
    if (this.noneStart[text.charCodeAt(index)] === 1) return nothing.bodies;
    let step = this.start;
    let at = index;
    for (let depth = 0; depth < prefixLength && step.bodies.length > 0; depth++) {
      const char = at < text.length ? text.codePointAt(at)! : -1;
      let next = char >= 0 && char < 0x80 ? step.ascii[char] : step.next.get(char);
      if (!next) {
        const bodies = step.bodies.filter((b) => {
          const letter = prefixLetter(b, depth);
          return letter === null || (char !== -1 && letterMatches(letter, char, b.caseless));
        });
        next = bodies.length === 0 ? nothing : newStep(bodies);
        if (char >= 0 && char < 0x80) step.ascii[char] = next;
        else step.next.set(char, next);
        if (depth === 0 && bodies.length === 0 && char <= 0xffff) this.noneStart[char] = 1;
      }
      step = next;
      at += char > 0xffff ? 2 : 1;
    }
    return step.bodies;
  }

  /**
   * The hits for texts looked at lately: extraction steps look at the same sentences with the same
   * matcher again and again (two calls in three, on the bench's articles). Copies go in and out,
   * so no caller sees another's changes.
   */
  private readonly recent = new Map<string, (PhraseHit & { value: T })[]>();

  /** Every hit of every phrase, overlapping ones included, in text order. */
  findAll(text: string): (PhraseHit & { value: T })[] {
    return this.kept(text).map((hit) => ({ ...hit }));
  }

  /** The hits `findAll` copies, as kept for texts looked at lately: for `phraseLists`, which copies only its list's. Not to be changed. */
  kept(text: string): readonly Readonly<PhraseHit & { value: T }>[] {
    let hits = this.recent.get(text);
    if (hits === undefined) {
      hits = this.scan(text, false);
      this.recent.set(text, hits);
      if (this.recent.size > 1000) this.recent.delete(this.recent.keys().next().value!);
    }
    return hits;
  }

  /** Every hit, in the order a global scan per phrase would list them; `firstOnly`: stop at one. */
  private scan(text: string, firstOnly: boolean): (PhraseHit & { value: T })[] {
    const hits: (PhraseHit & { value: T })[] = [];
    // Where each phrase's last hit ended: a phrase's hits do not overlap each other.
    const ends = new Map<number, number>();
    const here: [entry: number, words: string][] = [];
    for (const index of wordStarts(text)) {
      for (const body of this.candidates(text, index)) {
        let end = body.words ? asciiMatchEnd(text, index, body.words, body.caseless) : undecided;
        if (end === undecided) end = bodyMatchEnd(text, index, body);
        if (end === noMatch || (end < text.length && isWordAt(text, end))) continue;
        const words = text.slice(index, end);
        for (const entry of body.entries) here.push([entry, words]);
      }
      if (here.length === 0) continue;
      // Phrases matching at one place are listed in the phrases' order.
      if (here.length > 1) here.sort((a, b) => a[0] - b[0]);
      for (const [entry, words] of here) {
        if ((ends.get(entry) ?? 0) > index) continue;
        const { phrase, value } = this.entries[entry]!;
        hits.push({ phrase, value, text: words, index, end: index + words.length });
        ends.set(entry, index + words.length);
      }
      here.length = 0;
      if (firstOnly && hits.length > 0) return hits;
    }
    return hits.sort((a, b) => a.index - b.index || b.end - a.end);
  }

  /** All hits, not overlapping: a longer hit claims its words before a shorter one can. */
  find(text: string): (PhraseHit & { value: T })[] {
    return nonOverlapping(this.findAll(text));
  }

  /** The answers of `test` for texts looked at lately: the markers are asked of a sentence once per step that reads it. */
  private readonly recentTests = new Map<string, boolean>();

  /** True when any phrase occurs in the text. */
  test(text: string): boolean {
    const hits = this.recent.get(text);
    if (hits) return hits.length > 0;
    let found = this.recentTests.get(text);
    if (found === undefined) {
      found = this.scan(text, true).length > 0;
      this.recentTests.set(text, found);
      if (this.recentTests.size > 1000) this.recentTests.delete(this.recentTests.keys().next().value!);
    }
    return found;
  }
}

/** Hits (changed in place), the longer claiming its words before a shorter one can, in text order. */
function nonOverlapping<H extends PhraseHit>(hits: H[]): H[] {
  hits.sort((a, b) => b.end - b.index - (a.end - a.index) || a.index - b.index);
  const kept: H[] = [];
  for (const hit of hits) {
    if (kept.every((k) => hit.end <= k.index || hit.index >= k.end)) kept.push(hit);
  }
  return kept.sort((a, b) => a.index - b.index);
}

/** What extraction asks of a list of phrases: a PhraseMatcher, or one list of `phraseLists`. */
export interface PhraseFinder<T = string> {
  findAll(text: string): (PhraseHit & { value: T })[];
  find(text: string): (PhraseHit & { value: T })[];
  test(text: string): boolean;
}

/** A phrase of `phraseLists`: its list, and its value in that list. */
interface Listed {
  list: number;
  value: unknown;
}

/** One list of `phraseLists`: its hits among those of every list. */
class PhraseListView<T> implements PhraseFinder<T> {
  private readonly all: PhraseMatcher<Listed>;
  private readonly list: number;

  constructor(all: PhraseMatcher<Listed>, list: number) {
    this.all = all;
    this.list = list;
  }

  findAll(text: string): (PhraseHit & { value: T })[] {
    const hits: (PhraseHit & { value: T })[] = [];
    for (const { phrase, value, text: words, index, end } of this.all.kept(text)) if (value.list === this.list) hits.push({ phrase, value: value.value as T, text: words, index, end });
    return hits;
  }

  find(text: string): (PhraseHit & { value: T })[] {
    return nonOverlapping(this.findAll(text));
  }

  test(text: string): boolean {
    return this.all.kept(text).some((hit) => hit.value.list === this.list);
  }
}

/**
 * Lists of phrases asked of the same texts (what extraction looks for in every sentence: the
 * lexicon's markers, people, topics, events), matched in one scan of each text: each list
 * answers as a matcher of its own would (the same hits in the same order: a phrase's hits
 * depend only on the phrase, and each list's phrases keep their order), where asking a matcher
 * per list scanned each sentence up to nine times.
 */
export function phraseLists<L extends Record<string, unknown>>(lists: { [K in keyof L]: readonly (readonly [string, L[K]])[] }): { [K in keyof L]: PhraseFinder<L[K]> } {
  const names = Object.keys(lists) as (keyof L & string)[];
  const all = new PhraseMatcher<Listed>(names.flatMap((name, list) => lists[name].map(([phrase, value]) => [phrase, { list, value }] as const)));
  return Object.fromEntries(names.map((name, list) => [name, new PhraseListView(all, list)])) as unknown as { [K in keyof L]: PhraseFinder<L[K]> };
}

/** Shorthand for a matcher whose values are the phrases themselves. */
export function phraseMatcher(phrases: readonly string[]): PhraseMatcher<string> {
  return new PhraseMatcher(phrases.map((p) => [p, p] as const));
}
