// The phrase matcher finds exactly what one global whole-word scan per phrase finds.
import { describe, expect, it } from 'vitest';
import { countWords, PhraseMatcher, phrasePattern } from '../../../src/extract/phrase.ts';

/** The reference: each phrase's own global expression, hits in text order, longer first, then phrase order. */
function reference(phrases: string[], text: string) {
  const hits: { phrase: string; text: string; index: number; end: number }[] = [];
  for (const phrase of phrases) {
    const letters = phrase.replace(/[^\p{L}]/gu, '');
    const capitals = letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
    for (const m of text.matchAll(new RegExp(phrasePattern(phrase), capitals ? 'gu' : 'giu'))) hits.push({ phrase, text: m[0], index: m.index!, end: m.index! + m[0].length });
  }
  return hits.sort((a, b) => a.index - b.index || b.end - a.end);
}

const phrases = ['Lavrov', 'Sergey Lavrov', 'Лавров*', 'Ван И', 'Wang Yi', 'UN', 'U.N.', 'Xi', "Xi'an", 'one-China', '«Пояс и путь»', 'S. Jaishankar', 'A', 'met', 'met with', 'Нижн* Новгород*', '王毅', 'St. Petersburg', 'Пекин*', 'Kazan', 'Sochi'];
const texts = [
  'Sergey Lavrov met with Wang Yi; LAVROV and lavrov2 and Lavrov.',
  'Лаврова встретил Ван И в Нижнем Новгороде, Лавров-старший.',
  'The UN and un and U.N. and UNGA; Xi’an, Xi`an and Xi met.',
  'one–China one‐China one-Chinas “Пояс и путь” «Пояс и путь»',
  'S.  Jaishankar, S.\u00a0Jaishankar; A a Ab 王毅会见 王毅',
  'St. Petersburg St.Petersburg 𝐀 Lavrov 😀Lavrov Lavrov😀 ſergey',
  'met\u00a0with Wang\u2003Yi, met\twith, \u212Aazan, KAZAN, ſochi and Sochi',
  '',
];

describe('PhraseMatcher', () => {
  const matcher = new PhraseMatcher(phrases.map((p) => [p, p] as const));
  it('finds what a global scan per phrase finds', () => {
    for (const text of texts) {
      expect(matcher.findAll(text).map(({ phrase, text: t, index, end }) => ({ phrase, text: t, index, end })), text).toEqual(reference(phrases, text));
      expect(matcher.test(text), text).toBe(reference(phrases, text).length > 0);
    }
  });
  it('keeps the longest of overlapping hits', () => {
    expect(matcher.find('Sergey Lavrov met with Wang Yi').map((h) => h.phrase)).toEqual(['Sergey Lavrov', 'met with', 'Wang Yi']);
  });
});

describe('countWords', () => {
  const reference = (text: string) => text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  it('counts what splitting at white space and keeping pieces with a letter or digit counts', () => {
    const cases = ['', ' ', 'one', ' one  two ', 'a - b', '— | —', '2024 год', 'x\u00a0y\u2003z\ufeffw', '𝐀 𝐁', '\ud800 lone', 'tab\tand\nline', '«Пояс и путь»', '... !!! ?', '王毅会见'];
    for (const text of cases) expect(countWords(text), JSON.stringify(text)).toBe(reference(text));
  });
});

describe('PhraseMatcher without expressions', () => {
  // Case folding as the engine does it: Kelvin sign and long s fold to ASCII letters, ẞ to ß, a
  // wildcard under case folding takes the combining ypogegrammeni (it folds to iota).
  const tricky = ['Kazan', 'sochi', 'Straße', 'Лавров*', 'Ἀθῆν*', 'two-state solution', "Xi'an", 'Ο Λ*', 'Σ*'];
  const samples = ['\u212Aazan ſochi STRASSE Straẞe straße', 'Лаврову\u0345 ἀθῆναι ἈΘῆΝΑΙ\u0345x', 'two–state  solution TWO-STATE\u00a0SOLUTION two_state', 'XI’AN xi`an Xi"an', 'ο λογος Ο Λ\u0345 ς σ Σ ΣΣς', '', '  ', 'x1 2y'];
  it('finds what a global scan per phrase finds, case folding included', () => {
    const matcher = new PhraseMatcher(tricky.map((p) => [p, p] as const));
    for (const text of samples) expect(matcher.findAll(text).map(({ phrase, text: t, index, end }) => ({ phrase, text: t, index, end })), text).toEqual(reference(tricky, text));
  });
});
