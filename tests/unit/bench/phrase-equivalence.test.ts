// PhraseMatcher scans once per case mode instead of once per phrase; its hits must be exactly
// those of one global regular expression per phrase, over the knowledge files' own phrases.
import { describe, expect, it } from 'vitest';
import { generateArticles } from '../../../src/bench/articles.ts';
import { PhraseMatcher, phraseLists, phrasePattern } from '../../../src/extract/phrase.ts';
import { loadKnowledgeFiles } from '../../../src/knowledge/load.ts';

/** The straightforward matcher: one regular expression per phrase. */
function referenceMatcher<T>(phrases: [string, T][]) {
  const compiled = phrases.map(([phrase, value]) => {
    const letters = phrase.replace(/[^\p{L}]/gu, '');
    const capitals = letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
    return { phrase, value, re: new RegExp(phrasePattern(phrase), capitals ? 'gu' : 'giu') };
  });
  return (text: string) => {
    const hits: { phrase: string; value: T; text: string; index: number; end: number }[] = [];
    for (const { phrase, value, re } of compiled) {
      for (const m of text.matchAll(re)) hits.push({ phrase, value, text: m[0], index: m.index, end: m.index + m[0].length });
    }
    return hits.sort((a, b) => a.index - b.index || b.end - a.end);
  };
}

const files = loadKnowledgeFiles('content');
const pairs = <T>(items: T[], names: (item: T) => string[]) => items.flatMap((item) => names(item).map((n) => [n, item] as [string, T]));
const sets: Record<string, [string, unknown][]> = {
  places: pairs(files.places, (p) => [p.name, ...p.aliases]),
  people: pairs(files.people, (p) => [p.name, ...p.aliases]),
  countries: pairs(files.countries, (c) => [c.name, ...c.aliases, ...c.adjectives]),
  topics: pairs(files.topics, (t) => t.cues),
  events: pairs(files.events, (e) => e.cues),
  words: files.languages.flatMap((l) => [...l.meetingVerbs, ...l.notYetMarkers, ...l.roleTitles]).map((w) => [w, w]),
  tricky: [['Dai Dai', 1], ['Dai', 2], ['dai', 3], ['UN', 4], ['Лавров*', 5], ["Xi'an", 6], ['G-20', 7], ['St. Petersburg', 8], ['ſun', 9], ['*', 10]],
};
const texts = [
  ...generateArticles(files, { count: 40, seed: 3 }).flatMap((a) => [a.text, ...a.text.split('\n')]),
  'Dai Dai Dai dai DAI',
  'UN un Un UN-led',
  'Лавровым и Лавров',
  'Xi’an Xi`an',
  'G–20 G‐20',
  'St.  Petersburg',
  'SUN ſun sun',
  '',
];

describe('PhraseMatcher', () => {
  for (const [name, phrases] of Object.entries(sets)) {
    it(`finds what one regular expression per phrase finds: ${name}`, () => {
      const matcher = new PhraseMatcher(phrases);
      const reference = referenceMatcher(phrases);
      for (const text of texts) {
        const expected = reference(text);
        expect(matcher.findAll(text)).toEqual(expected);
        expect(matcher.test(text)).toBe(expected.length > 0);
      }
    }, 30_000);
  }

  it('answers a text seen before the same, whatever a caller did to the last answer', () => {
    const matcher = new PhraseMatcher(sets.places!);
    const text = texts[0]!;
    const first = matcher.findAll(text);
    const expected = structuredClone(first);
    first.reverse();
    if (first[0]) first[0].index = -1;
    first.push({ phrase: 'x', value: null, text: 'x', index: 0, end: 1 });
    expect(matcher.findAll(text)).toEqual(expected);
    expect(matcher.find(text)).toEqual(new PhraseMatcher(sets.places!).find(text));
  });
});

describe('phraseLists', () => {
  // The knowledge files' lists, the lexicon's sentence markers, and lists that share a phrase and overlap each other.
  const lexicon = (key: 'meetingVerbs' | 'notYetMarkers' | 'recallMarkers' | 'futureMarkers' | 'reportVerbs' | 'counterpartWords' | 'occasionMarkers') =>
    files.languages.flatMap((l) => l[key]).map((w) => [w, w] as [string, unknown]);
  const lists: Record<string, [string, unknown][]> = {
    ...sets,
    meetingVerbs: lexicon('meetingVerbs'),
    notYetMarkers: lexicon('notYetMarkers'),
    recallMarkers: lexicon('recallMarkers'),
    futureMarkers: lexicon('futureMarkers'),
    reportVerbs: lexicon('reportVerbs'),
    counterpartWords: lexicon('counterpartWords'),
    occasionMarkers: lexicon('occasionMarkers'),
    shared: [['met', 'a'], ['last met', 'b'], ['Dai Dai', 'c'], ['UN', 'd'], ['Moscow', 'e']],
    overlapping: [['Dai', 1], ['dai Dai', 2], ['Лавров*', 3], ['talks', 4], ['Foreign Minister', 5]],
  };

  it('answers for each list what a matcher of that list alone answers', () => {
    const views = phraseLists(lists);
    // Besides the articles: every phrase of every list once, in a sentence with its neighbours.
    const all = Object.values(lists).flatMap((list) => list.map(([phrase]) => phrase));
    const sentences = [...texts, all.join(' and '), all.join(', '), all.map((p) => p.replace('*', 'ым')).join(' ')];
    for (const [name, phrases] of Object.entries(lists)) {
      const alone = new PhraseMatcher(phrases);
      const view = views[name]!;
      for (const text of sentences) {
        expect(view.findAll(text), `${name}: ${text}`).toEqual(alone.findAll(text));
        expect(view.find(text), `${name}: ${text}`).toEqual(alone.find(text));
        expect(view.test(text), `${name}: ${text}`).toBe(alone.test(text));
      }
      // The sentences hold hits of every list, or the comparison shows little.
      expect(sentences.some((t) => view.test(t)), name).toBe(true);
    }
  }, 60_000);
});
