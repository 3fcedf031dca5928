/**
 * People in a sentence: those of content/people.yaml by any alias, and officials the file does
 * not know, recognised by the text's own pattern ("Norlandic Foreign Minister Ana Brell").
 */
import type { Knowledge } from '../knowledge/index.ts';
import type { Person } from '../knowledge/schema.ts';
import { isCapitalsOnly, phraseMatcher, phrasePattern, type PhraseMatcher } from './phrase.ts';
import { slugPart } from './slug.ts';

export interface PersonMention {
  /** Person id: people.yaml id, or derived from the printed name. */
  id: string;
  name: string;
  /** The person's entry in people.yaml, when known. */
  known: Person | null;
  /** Role and country as the text states them, when it does. */
  statedRole: string | null;
  statedCountry: string | null;
  text: string;
  index: number;
}

export function personId(name: string): string {
  return slugPart(name) || 'person';
}

const nameWord = "\\p{Lu}[\\p{Ll}'’-]+";
const cache = new WeakMap<Knowledge, RegExp>();

function officialPattern(knowledge: Knowledge): RegExp {
  let re = cache.get(knowledge);
  if (!re) {
    const titles = [...knowledge.words.roleTitles].sort((a, b) => b.length - a.length).map((t) => phrasePattern(t).replace(/^\(\?<!\[\\p\{L\}\\p\{N\}\]\)|\(\?!\[\\p\{L\}\\p\{N\}\]\)$/g, ''));
    re = new RegExp(`(?<![\\p{L}])(?<title>${titles.join('|')})(?:\\s+of\\s+(?:the\\s+)?(?<of>\\p{Lu}[\\p{L}' ]{2,40}?))?,?\\s+(?<name>${nameWord}(?:\\s+${nameWord}){1,2})(?![\\p{L}])`, 'gu');
    cache.set(knowledge, re);
  }
  return re;
}

/** The country a phrase names, by name or adjective. */
export function countryIn(text: string, knowledge: Knowledge): string | null {
  const byName = knowledge.countryNames.find(text)[0];
  if (byName) return byName.value.name;
  return knowledge.countryAdjectives.find(text)[0]?.value.name ?? null;
}

const titleWordSets = new WeakMap<Knowledge, Set<string>>();

/** Every word of every role title, lower case: words that are never part of a name. */
function titleWords(knowledge: Knowledge): Set<string> {
  let set = titleWordSets.get(knowledge);
  if (!set) {
    set = new Set(knowledge.words.roleTitles.flatMap((t) => t.toLowerCase().split(/\s+/)).filter((w) => w.length > 3));
    titleWordSets.set(knowledge, set);
  }
  return set;
}

const titleEndings = new WeakMap<Knowledge, { title: string; re: RegExp }[]>();

/** Each role title as a pattern ending a stretch of text, longest title first; compiled once. */
function titlesAtEnd(knowledge: Knowledge): { title: string; re: RegExp }[] {
  let list = titleEndings.get(knowledge);
  if (!list) {
    list = [...knowledge.words.roleTitles]
      .sort((a, b) => b.length - a.length)
      .map((title) => ({ title, re: new RegExp(`${phrasePattern(title)}(?:\\s+of\\s+[^,]{2,40}?)?,?\\s*$`, 'iu') }));
    titleEndings.set(knowledge, list);
  }
  return list;
}

const titleFinders = new WeakMap<Knowledge, { finder: PhraseMatcher<string>; always: string[] }>();

/**
 * The role titles that occur in a text, found in one pass: a title can end the text only if it
 * occurs in it, and testing each title's pattern on every text before a name was a twentieth of
 * extraction. Titles in capitals are matched in capitals only by a PhraseMatcher, but in any case
 * by their pattern: those are always taken as occurring.
 */
function titlesIn(text: string, knowledge: Knowledge): Set<string> {
  let found = titleFinders.get(knowledge);
  if (!found) {
    const titles = knowledge.words.roleTitles;
    const always = titles.filter(isCapitalsOnly);
    found = { finder: phraseMatcher(titles.filter((t) => !always.includes(t))), always };
    titleFinders.set(knowledge, found);
  }
  return new Set([...found.always, ...found.finder.findAll(text).map((h) => h.value)]);
}

/** The role words printed just before a mention ("Chinese Foreign Minister"). */
function roleBefore(sentence: string, index: number, knowledge: Knowledge): { role: string | null; country: string | null } {
  const before = sentence.slice(Math.max(0, index - 80), index);
  const present = titlesIn(before, knowledge);
  const title = titlesAtEnd(knowledge).find((t) => present.has(t.title) && t.re.test(before))?.title;
  if (!title) return { role: null, country: null };
  const tail = before.slice(before.toLowerCase().lastIndexOf(title.toLowerCase()) - 30);
  return { role: title, country: countryIn(tail, knowledge) };
}

export function findPeople(sentence: string, knowledge: Knowledge): PersonMention[] {
  const mentions: PersonMention[] = [];
  for (const hit of knowledge.personNames.find(sentence)) {
    const stated = roleBefore(sentence, hit.index, knowledge);
    mentions.push({
      id: hit.value.id,
      name: hit.value.name,
      known: hit.value,
      statedRole: stated.role,
      statedCountry: stated.country,
      text: hit.text,
      index: hit.index,
    });
  }
  const re = officialPattern(knowledge);
  // exec, not matchAll (which copies the expression each call); a match always names someone, so never empty.
  re.lastIndex = 0;
  for (let m = re.exec(sentence); m !== null; m = re.exec(sentence)) {
    const name = m.groups!.name!;
    const nameIndex = (m.index ?? 0) + m[0].lastIndexOf(name);
    if (mentions.some((k) => nameIndex < k.index + k.text.length && k.index < nameIndex + name.length)) continue;
    // A place or a country after a title is not a person ("President of China Xi…" is handled by aliases).
    if (knowledge.placeNames.test(name) || knowledge.countryNames.test(name) || knowledge.countryAdjectives.test(name)) continue;
    // Nor is another title ("Foreign Minister of China and Foreign Minister of Russia").
    if (name.split(/\s+/).some((w) => titleWords(knowledge).has(w.toLowerCase()))) continue;
    const before = sentence.slice(Math.max(0, (m.index ?? 0) - 30), m.index ?? 0);
    const country = countryIn(`${before} ${m.groups!.of ?? ''} ${m.groups!.title}`, knowledge);
    mentions.push({
      id: personId(name),
      name,
      known: null,
      statedRole: m.groups!.title!,
      statedCountry: country,
      text: name,
      index: nameIndex,
    });
  }
  return mentions.sort((a, b) => a.index - b.index);
}

/** The role a known person held on a day (ISO), or null when none of their roles covers it. */
export function roleOn(person: Person, isoDay: string | null): string | null {
  if (!isoDay) return null;
  const role = person.roles.find((r) => r.from <= isoDay && (!r.to || isoDay <= r.to));
  return role?.title ?? null;
}

/** Whether a known person held any role on a day: a check on a resolved date. */
export function inOfficeOn(person: Person, isoDay: string): boolean {
  return roleOn(person, isoDay) !== null;
}
