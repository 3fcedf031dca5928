/**
 * Asides about a person ("Brell, who flew in from Lakeside on Sunday, met Rei in Riverton"):
 * what such a clause says is about that person's other doings, so its places, days and names
 * are not the meeting's. Blanking keeps every other character at its index, so positions hold.
 */
import type { MergedLanguage } from '../knowledge/index.ts';

const cache = new WeakMap<MergedLanguage, RegExp | null>();

function asidePattern(words: MergedLanguage): RegExp | null {
  if (cache.has(words)) return cache.get(words)!;
  const pronouns = [...words.relativePronouns].map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const re = pronouns.length ? new RegExp(`,\\s+(?:${pronouns.join('|')})(?![\\p{L}])[^,;]*(?=,|;|$)`, 'giu') : null;
  cache.set(words, re);
  return re;
}

/** The sentence with its person asides replaced by spaces. */
export function blankAsides(text: string, words: MergedLanguage): string {
  const re = asidePattern(words);
  if (!re) return text;
  return text.replace(re, (m) => ' '.repeat(m.length));
}
