/**
 * The knowledge the extractor works from, loaded once from content/*.yaml and compiled into
 * matchers. Pure once loaded: extraction steps receive a `Knowledge` and never read files.
 */
import type { Chrome, Country, Language, Outlet, Override, Person, Place, ReferenceEvent, Topic } from './schema.ts';
import { phraseLists, phraseMatcher, PhraseMatcher, type PhraseFinder } from '../extract/phrase.ts';

export interface KnowledgeFiles {
  countries: Country[];
  places: Place[];
  people: Person[];
  topics: Topic[];
  events: ReferenceEvent[];
  outlets: Outlet[];
  languages: Language[];
  chrome: Chrome;
  overrides: Override[];
}

export interface Knowledge extends KnowledgeFiles {
  placeById: Map<string, Place>;
  personById: Map<string, Person>;
  /** Every place name and alias → place. */
  placeNames: PhraseMatcher<Place>;
  /** Every person name and alias → person. */
  personNames: PhraseFinder<Person>;
  /** Country names and aliases → country. */
  countryNames: PhraseMatcher<Country>;
  /** Country adjectives ("Russian") → country. */
  countryAdjectives: PhraseMatcher<Country>;
  topicCues: PhraseFinder<Topic>;
  outletNames: PhraseMatcher<Outlet>;
  /** Each event's cues → event. */
  eventCues: PhraseFinder<ReferenceEvent>;
  /** All languages' words, merged: what any one report may use. */
  words: MergedLanguage;
  chromeLines: RegExp[];
  chromeBlocks: RegExp[];
}

export interface MergedLanguage {
  /** Month name or abbreviation (lower case) → month 1..12. */
  months: Map<string, number>;
  /** Weekday name (lower case) → 0 (Sunday) .. 6. */
  weekdays: Map<string, number>;
  monthAlternation: string;
  fullMonthAlternation: string;
  weekdayAlternation: string;
  meetingVerbs: PhraseFinder;
  notYetMarkers: PhraseFinder;
  placePrepositions: Set<string>;
  occasionMarkers: PhraseFinder;
  thisWords: string[];
  yearWords: string[];
  roleTitles: string[];
  stampWords: PhraseMatcher<string>;
  counterpartWords: PhraseFinder;
  futureMarkers: PhraseFinder;
  reportVerbs: PhraseFinder;
  recallMarkers: PhraseFinder;
  relativePronouns: Set<string>;
  mentionPrepositions: Set<string>;
  awayPrepositions: Set<string>;
  capitalWords: PhraseMatcher<string>;
  yesterdayWords: PhraseMatcher<string>;
  todayWords: PhraseMatcher<string>;
}

function alternation(words: Iterable<string>): string {
  return [...new Set(words)]
    .sort((a, b) => b.length - a.length || (a < b ? -1 : 1))
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|');
}

function pairs<T>(items: T[], names: (item: T) => string[]): [string, T][] {
  return items.flatMap((item) => names(item).map((name) => [name, item] as [string, T]));
}

const lowerSet = (words: string[]) => new Set(words.map((w) => w.toLowerCase()));

/** The languages' words but the markers of a sentence (`sentenceMarkers`, matched with the rest of what is looked for in a sentence). */
function mergeLanguages(languages: Language[]): Omit<MergedLanguage, SentenceMarker> {
  const months = new Map<string, number>();
  const fullMonths: string[] = [];
  const weekdays = new Map<string, number>();
  for (const lang of languages) {
    lang.months.forEach((forms, i) => {
      for (const form of forms) months.set(form.toLowerCase(), i + 1);
      fullMonths.push(...forms.filter((f) => f.length > 3));
    });
    lang.weekdays.forEach((forms, i) => forms.forEach((form) => weekdays.set(form.toLowerCase(), i)));
  }
  const all = <K extends keyof Language>(key: K) => languages.flatMap((l) => l[key] as string[]);
  return {
    months,
    weekdays,
    monthAlternation: alternation(months.keys()),
    fullMonthAlternation: alternation(fullMonths.map((m) => m.toLowerCase())),
    weekdayAlternation: alternation(weekdays.keys()),
    placePrepositions: new Set(all('placePrepositions').map((p) => p.toLowerCase())),
    thisWords: all('thisWords'),
    yearWords: all('yearWords'),
    roleTitles: all('roleTitles'),
    stampWords: phraseMatcher(all('stampWords')),
    relativePronouns: lowerSet(all('relativePronouns')),
    mentionPrepositions: lowerSet(all('mentionPrepositions')),
    awayPrepositions: lowerSet(all('awayPrepositions')),
    capitalWords: phraseMatcher(all('capitalWords')),
    yesterdayWords: phraseMatcher(all('yesterdayWords')),
    todayWords: phraseMatcher(all('todayWords')),
  };
}

/** The lexicon's lists of words asked of every sentence that may report a meeting. */
const sentenceMarkers = ['meetingVerbs', 'notYetMarkers', 'occasionMarkers', 'counterpartWords', 'futureMarkers', 'reportVerbs', 'recallMarkers'] as const;
type SentenceMarker = (typeof sentenceMarkers)[number];

/** Compile validated knowledge files into the matchers extraction uses. */
export function compileKnowledge(files: KnowledgeFiles): Knowledge {
  // What extraction looks for in every sentence, found in one scan of it.
  const markers = Object.fromEntries(sentenceMarkers.map((name) => [name, files.languages.flatMap((l) => l[name]).map((w) => [w, w] as const)]));
  const inSentences = phraseLists({
    ...(markers as Record<SentenceMarker, (readonly [string, string])[]>),
    personNames: pairs(files.people, (p) => [p.name, ...p.aliases]),
    topicCues: pairs(files.topics, (t) => t.cues),
    eventCues: pairs(files.events, (e) => e.cues),
  });
  const { personNames, topicCues, eventCues, ...words } = inSentences;
  return {
    ...files,
    placeById: new Map(files.places.map((p) => [p.id, p])),
    personById: new Map(files.people.map((p) => [p.id, p])),
    placeNames: new PhraseMatcher(pairs(files.places, (p) => [p.name, ...p.aliases])),
    personNames,
    countryNames: new PhraseMatcher(pairs(files.countries, (c) => [c.name, ...c.aliases])),
    countryAdjectives: new PhraseMatcher(pairs(files.countries, (c) => c.adjectives)),
    topicCues,
    outletNames: new PhraseMatcher(pairs(files.outlets, (o) => [o.name, ...o.aliases])),
    eventCues,
    words: { ...mergeLanguages(files.languages), ...words },
    chromeLines: files.chrome.lines.map((re) => new RegExp(re, 'iu')),
    chromeBlocks: files.chrome.blocks.map((re) => new RegExp(re, 'iu')),
  };
}
