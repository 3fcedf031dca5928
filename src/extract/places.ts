/**
 * Where the meeting took place: a gazetteer place after "in"/"at" in a sentence reporting the
 * meeting; failing that, the dateline's city — never a dateline city that the text contradicts,
 * and never a capital used for its government ("Riverton and Lakeside agreed").
 */
import type { Knowledge } from '../knowledge/index.ts';
import type { Place } from '../knowledge/schema.ts';
import type { Dateline, ReportDocument, Sentence } from './document.ts';
import { blankAsides } from './clauses.ts';
import type { MeetingSentence } from './meeting.ts';

export interface PlaceFinding {
  place: Place | null;
  /** Country when only a country is known (no city). */
  country: string | null;
  how: 'meeting-sentence' | 'occasion' | 'dateline' | 'unresolved';
  evidence: { line: number; text: string }[];
  note: string;
  /** The words that named the place. */
  words: string | null;
}

export interface LocatedMention<T> {
  value: T;
  text: string;
  index: number;
}

/**
 * Mentions preceded within four words by a place preposition ("in", "at a resort in", "в"), with
 * nothing between that sends them elsewhere ("flew in from Lakeside").
 */
export function locatedMentions<T>(
  text: string,
  hits: { value: T; text: string; index: number; end: number }[],
  prepositions: Set<string>,
  away: Set<string> = new Set(),
): LocatedMention<T>[] {
  return hits
    .filter((hit) => {
      if (/^['’]s\b/.test(text.slice(hit.end))) return false; // "in Riverton's view"
      const words = text.slice(Math.max(0, hit.index - 60), hit.index).split(/\s+/).filter(Boolean);
      const last = words.slice(-4);
      for (let i = last.length - 1; i >= 0; i--) {
        const word = last[i]!.toLowerCase().replace(/[^\p{L}]/gu, '');
        if (prepositions.has(word)) {
          // Words between the preposition and the place: articles and adjectives only.
          const between = last.slice(i + 1);
          return between.every((w) => !/[,;:.]$/.test(w) && !away.has(w.toLowerCase().replace(/[^\p{L}-]/gu, '')));
        }
      }
      return false;
    })
    .map((hit) => ({ value: hit.value, text: hit.text, index: hit.index }));
}

/** Places a sentence puts something in, leaving out asides about a person ("who flew in from Lakeside"). */
export function placesIn(text: string, knowledge: Knowledge): LocatedMention<Place>[] {
  const main = blankAsides(text, knowledge.words);
  return locatedMentions(main, knowledge.placeNames.find(main), knowledge.words.placePrepositions, knowledge.words.awayPrepositions);
}

/** "in the Chinese capital", "в китайской столице": the one capital of that country in the gazetteer. */
export function capitalNamedIn(text: string, knowledge: Knowledge): LocatedMention<Place> | null {
  const main = blankAsides(text, knowledge.words);
  for (const word of knowledge.words.capitalWords.find(main)) {
    const adjective = knowledge.countryAdjectives.find(main.slice(0, word.index)).at(-1);
    if (!adjective || main.slice(adjective.end, word.index).trim() !== '') continue;
    const phrase = { value: adjective.value, text: main.slice(adjective.index, word.end), index: adjective.index, end: word.end };
    if (locatedMentions(main, [phrase], knowledge.words.placePrepositions, knowledge.words.awayPrepositions).length === 0) continue;
    const capitals = knowledge.places.filter((p) => p.capital && p.country === adjective.value.name);
    if (capitals.length === 1) return { value: capitals[0]!, text: phrase.text, index: phrase.index };
  }
  return null;
}

export function datelinePlace(dateline: Dateline, knowledge: Knowledge): Place | null {
  const hit = knowledge.placeNames.find(dateline.placeText)[0];
  return hit?.value ?? null;
}

function countryNamedIn(sentence: Sentence, knowledge: Knowledge): string | null {
  const located = locatedMentions(sentence.text, knowledge.countryNames.find(sentence.text), knowledge.words.placePrepositions);
  return located[0]?.value.name ?? null;
}

export function placeOfMeeting(doc: ReportDocument, meetings: MeetingSentence[], primary: MeetingSentence | null, knowledge: Knowledge): PlaceFinding {
  const ordered = primary ? [primary, ...meetings.filter((m) => m !== primary)] : meetings;
  // Sentences reporting the meeting, primary first; then the headline.
  for (const m of ordered) {
    const found = placesIn(m.sentence.text, knowledge)[0] ?? capitalNamedIn(m.sentence.text, knowledge);
    if (found) {
      return {
        place: found.value,
        country: found.value.country,
        how: 'meeting-sentence',
        evidence: [{ line: m.sentence.line, text: m.sentence.text }],
        note: `"${found.text}" in the sentence reporting the meeting (line ${m.sentence.line}).`,
        words: found.text,
      };
    }
  }
  const statedCountry = primary ? countryNamedIn(primary.sentence, knowledge) : null;
  const dateline = doc.datelines.find((d) => datelinePlace(d, knowledge));
  const datelineCity = dateline ? datelinePlace(dateline, knowledge) : null;
  if (dateline && datelineCity && (!statedCountry || statedCountry === datelineCity.country)) {
    const agree = statedCountry ? `, in ${statedCountry} as the report says` : '';
    return {
      place: datelineCity,
      country: datelineCity.country,
      how: 'dateline',
      evidence: [{ line: dateline.line, text: dateline.text }],
      note: `No place in the sentences reporting the meeting; the dateline "${dateline.placeText}" (line ${dateline.line})${agree}.`,
      words: dateline.placeText,
    };
  }
  return {
    place: null,
    country: statedCountry,
    how: 'unresolved',
    evidence: primary ? [{ line: primary.sentence.line, text: primary.sentence.text }] : [],
    note: statedCountry
      ? `The report names only the country, ${statedCountry}; the city is not settled.`
      : 'The report does not say where the meeting took place.',
    words: null,
  };
}
