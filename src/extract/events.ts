/**
 * Reference events named in a report (content/events.yaml): the occasion of the meeting
 * ("on the sidelines of the SCO Council of Foreign Ministers in Astana") or an earlier event it
 * recalls ("this March, President Xi paid a visit to Russia"). An event is taken as named only
 * when the text ties the cue to it by place, country or date, never by its cue alone.
 */
import type { Knowledge } from '../knowledge/index.ts';
import type { Place, ReferenceEvent } from '../knowledge/schema.ts';
import { fromIso } from './calendar.ts';
import type { DateMention } from './date-mentions.ts';
import { findDateMentions } from './date-mentions.ts';
import type { ReportDocument, Sentence } from './document.ts';
import type { MeetingSentence } from './meeting.ts';
import { locatedMentions } from './places.ts';

export interface EventMention {
  event: ReferenceEvent;
  sentence: Sentence;
  cue: string;
  /** occasion: the meeting took place at it; reference: the report recalls it. */
  role: 'occasion' | 'reference';
  /** What tied the cue to this event. */
  tie: 'place' | 'country' | 'date' | 'this-month' | 'meeting-place';
}

function dateFits(event: ReferenceEvent, mentions: DateMention[]): boolean {
  const start = fromIso(event.start);
  const end = fromIso(event.end);
  return mentions.some((m) => {
    if (m.month === undefined || m.day === undefined) return false;
    if (m.year !== undefined && m.year !== start.year && m.year !== end.year) return false;
    const first = m.day;
    const last = m.dayEnd ?? m.day;
    const inside = (month: number, day: number) =>
      (month > start.month || (month === start.month && day >= start.day)) &&
      (month < end.month || (month === end.month && day <= end.day));
    return inside(m.month, first) || inside(m.month, last);
  });
}

export function findEvents(
  doc: ReportDocument,
  meetings: MeetingSentence[],
  meetingPlace: Place | null,
  knowledge: Knowledge,
): EventMention[] {
  const meetingSentences = new Set(meetings.map((m) => m.sentence));
  const found: EventMention[] = [];
  for (const sentence of doc.sentences) {
    const hits = knowledge.eventCues.findAll(sentence.text);
    if (hits.length === 0) continue;
    const places = new Set(knowledge.placeNames.find(sentence.text).map((h) => h.value.id));
    const countries = new Set(
      locatedMentions(sentence.text, knowledge.countryNames.find(sentence.text), knowledge.words.placePrepositions).map((h) => h.value.name),
    );
    const dates = findDateMentions(sentence.text, knowledge.words);
    const reportsMeeting = meetingSentences.has(sentence) || knowledge.words.occasionMarkers.test(sentence.text);
    const seen = new Set<string>();
    for (const hit of hits) {
      const event = hit.value;
      if (seen.has(event.id)) continue;
      const place = knowledge.placeById.get(event.place)!;
      const start = fromIso(event.start);
      let tie: EventMention['tie'] | null = null;
      if (dates.some((d) => d.year !== undefined && d.month !== undefined) && !dateFits(event, dates)) tie = null;
      else if (places.has(event.place)) tie = 'place';
      else if (dateFits(event, dates)) tie = 'date';
      else if (dates.some((d) => d.kind === 'thisMonth' && d.month === start.month)) tie = 'this-month';
      else if (meetingPlace?.id === event.place && reportsMeeting) tie = 'meeting-place';
      else if (countries.has(place.country) && reportsMeeting) tie = 'country';
      if (!tie) continue;
      seen.add(event.id);
      const role = meetingPlace?.id === event.place && reportsMeeting && tie !== 'this-month' ? 'occasion' : 'reference';
      found.push({ event, sentence, cue: hit.text, role, tie });
    }
  }
  return found;
}
