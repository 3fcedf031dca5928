/**
 * Is there a meeting, and which sentence reports it? A meeting sentence has a meeting verb
 * ("met", "held talks", "переговоры"), is not about the future ("expected to meet", "will
 * release information on X's meeting with Y") nor a recollection ("last met"), and names two
 * people, or one and "his counterpart". Who met is told apart from who is only mentioned in it
 * ("reviewing President Vost's state visit", "received by President Vost", "Brell, who met Kell…").
 */
import type { Knowledge } from '../knowledge/index.ts';
import { blankAsides } from './clauses.ts';
import type { ReportDocument, Sentence } from './document.ts';
import { findPeople, type PersonMention } from './people.ts';

export interface MeetingSentence {
  sentence: Sentence;
  /** The people who met, as the sentence names them. */
  people: PersonMention[];
  /** Everyone the sentence names, participants or not. */
  mentioned: PersonMention[];
  verb: string;
  /** Distinct people who met: two or more means the sentence itself says who met. */
  names: number;
}

const distinct = (people: PersonMention[]) => new Set(people.map((p) => p.id)).size;

/** Whether a mention is only a mention: possessive, after "by"/"during", or inside a person aside. */
function onlyMentioned(text: string, blanked: string, p: PersonMention, knowledge: Knowledge): boolean {
  const end = p.index + p.text.length;
  if (blanked.slice(p.index, end).trim() === '') return true;
  if (/^['’]s?(?![\p{L}])/u.test(text.slice(end))) return true;
  // The word before the name and its titles ("received by President Arlen Vost").
  const before = text.slice(Math.max(0, p.index - 60), p.index).split(/\s+/).filter(Boolean).slice(-4);
  for (let i = before.length - 1; i >= 0; i--) {
    const word = before[i]!.toLowerCase().replace(/[^\p{L}]/gu, '');
    if (/[,;:]$/.test(before[i]!)) break;
    if (knowledge.words.mentionPrepositions.has(word)) return true;
    if (!/^\p{Lu}/u.test(before[i]!)) break; // titles and adjectives are capitalised
  }
  return false;
}

export function findMeetingSentences(doc: ReportDocument, knowledge: Knowledge): MeetingSentence[] {
  const out: MeetingSentence[] = [];
  const { words } = knowledge;
  for (const sentence of doc.sentences) {
    const verb = words.meetingVerbs.find(sentence.text)[0];
    if (!verb) continue;
    if (words.notYetMarkers.test(sentence.text) || words.recallMarkers.test(sentence.text)) continue;
    if (sentence.zone !== 'headline' && words.futureMarkers.test(sentence.text) && !words.reportVerbs.test(sentence.text)) continue;
    const mentioned = findPeople(sentence.text, knowledge);
    const blanked = blankAsides(sentence.text, words);
    const met = mentioned.filter((p) => !onlyMentioned(sentence.text, blanked, p, knowledge));
    const people = distinct(met) >= 2 || (distinct(met) === 1 && distinct(mentioned) < 2) ? met : mentioned;
    const names = distinct(people);
    const counterpart = words.counterpartWords.test(sentence.text);
    if (names >= 2 || (names === 1 && counterpart)) out.push({ sentence, people, mentioned, verb: verb.text, names });
  }
  return out;
}

/**
 * The sentence that establishes the meeting: the first body sentence naming two people,
 * else the headline, else the first body sentence with one name and a counterpart.
 */
export function primaryMeetingSentence(found: MeetingSentence[]): MeetingSentence | null {
  return (
    found.find((m) => m.sentence.zone === 'body' && m.names >= 2) ??
    found.find((m) => m.sentence.zone === 'headline' && m.names >= 2) ??
    found.find((m) => m.sentence.zone === 'body') ??
    found[0] ??
    null
  );
}
