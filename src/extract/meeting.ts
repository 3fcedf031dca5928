/**
 * Is there a meeting, and which sentence reports it? A meeting sentence has a meeting verb
 * ("met", "held talks", "переговоры"), is not about the future ("expected to meet"), and names
 * two people, or one and "his counterpart".
 */
import type { Knowledge } from '../knowledge/index.ts';
import type { ReportDocument, Sentence } from './document.ts';
import { findPeople, type PersonMention } from './people.ts';

export interface MeetingSentence {
  sentence: Sentence;
  people: PersonMention[];
  verb: string;
  /** Two or more distinct people: the sentence itself says who met. */
  names: number;
}

export function findMeetingSentences(doc: ReportDocument, knowledge: Knowledge): MeetingSentence[] {
  const out: MeetingSentence[] = [];
  for (const sentence of doc.sentences) {
    const verb = knowledge.words.meetingVerbs.find(sentence.text)[0];
    if (!verb) continue;
    if (knowledge.words.notYetMarkers.test(sentence.text)) continue;
    const people = findPeople(sentence.text, knowledge);
    const names = new Set(people.map((p) => p.id)).size;
    const counterpart = knowledge.words.counterpartWords.test(sentence.text);
    if (names >= 2 || (names === 1 && counterpart)) out.push({ sentence, people, verb: verb.text, names });
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
