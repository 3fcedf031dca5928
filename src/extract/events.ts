/**
 * Reference events named in a report (content/events.yaml): the occasion of the meeting
 * ("on the sidelines of the Regional Council of Foreign Ministers in Riverton") or an earlier event it
 * recalls ("this March, President Vost paid a visit to Norland"). An event is taken as named only
 * when the text ties the cue to it by place, country or date, never by its cue alone.
 */
import type { Knowledge } from '../knowledge/index.ts';
import type { Place, ReferenceEvent } from '../knowledge/schema.ts';
import { addDays, fromIso, toIso } from './calendar.ts';
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
  tie: 'place' | 'country' | 'date' | 'this-month' | 'meeting-place' | 'venue';
  /** The cue names this event alone ("77th session"), not every event of its series ("General Assembly"). */
  specific: boolean;
  /** The date words that tied it ("this March"), when a date did. */
  dateText?: string;
}

/** How many events each cue names: a cue shared by a series is not specific to one of them. */
const cueCounts = new WeakMap<Knowledge, Map<string, number>>();
function eventsNamedBy(cue: string, knowledge: Knowledge): number {
  let counts = cueCounts.get(knowledge);
  if (!counts) {
    counts = new Map();
    for (const e of knowledge.events) for (const c of new Set(e.cues)) counts.set(c, (counts.get(c) ?? 0) + 1);
    cueCounts.set(knowledge, counts);
  }
  return counts.get(cue) ?? 0;
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

/** Occasion events, one entry each; those named by a specific cue win over a series' shared cue. */
export function occasionEvents(events: EventMention[]): EventMention[] {
  const byId = new Map<string, EventMention>();
  for (const e of events) if (e.role === 'occasion' && (!byId.has(e.event.id) || (e.specific && !byId.get(e.event.id)!.specific))) byId.set(e.event.id, e);
  const all = [...byId.values()];
  return all.some((e) => e.specific) ? all.filter((e) => e.specific) : all;
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
      // "this March" names its month: an event of another month is not the one meant.
      else if (dates.some((d) => d.kind === 'thisMonth') && !dates.some((d) => d.kind === 'thisMonth' && d.month === start.month)) tie = null;
      else if (places.has(event.place)) tie = 'place';
      else if (dateFits(event, dates)) tie = 'date';
      else if (dates.some((d) => d.kind === 'thisMonth' && d.month === start.month)) tie = 'this-month';
      else if (meetingPlace?.id === event.place && reportsMeeting) tie = 'meeting-place';
      else if (countries.has(place.country) && reportsMeeting) tie = 'country';
      // Named anywhere in a report of a meeting at the event's own place: it may be the venue.
      else if (meetingPlace?.id === event.place) tie = 'venue';
      if (!tie) continue;
      seen.add(event.id);
      const role = meetingPlace?.id === event.place && reportsMeeting && tie !== 'this-month' ? 'occasion' : 'reference';
      const dateText = tie === 'this-month' ? dates.find((d) => d.kind === 'thisMonth' && d.month === start.month)?.text : undefined;
      found.push({ event, sentence, cue: hit.text, role, tie, specific: eventsNamedBy(hit.phrase, knowledge) === 1, ...(dateText ? { dateText } : {}) });
    }
  }
  return found;
}

/**
 * The occasion of a meeting whose report names no place for it, only an event ("met on the
 * sidelines of the regional meetings on Thursday" under a RIVERTON/NPA dateline): the one
 * event of that name whose days include the report's day and month, in the page's year when it
 * prints one. Null unless exactly one place fits.
 */
export function occasionElsewhere(doc: ReportDocument, meetings: MeetingSentence[], knowledge: Knowledge): { event: ReferenceEvent; place: Place; sentence: Sentence; cue: string } | null {
  const days = [
    ...doc.datelines.filter((d) => d.opensBody).flatMap((d) => findDateMentions(d.rest, knowledge.words)),
    ...meetings.flatMap((m) => findDateMentions(m.sentence.text, knowledge.words)),
  ].filter((d) => d.month !== undefined && d.day !== undefined);
  if (days.length === 0) return null;
  const pageYears = new Set(doc.lines.flatMap((l) => findDateMentions(l.text, knowledge.words).filter((d) => d.kind === 'full').map((d) => d.year!)));
  const found = new Map<string, { event: ReferenceEvent; place: Place; sentence: Sentence; cue: string }>();
  for (const m of meetings) {
    if (!knowledge.words.occasionMarkers.test(m.sentence.text)) continue;
    for (const hit of knowledge.eventCues.findAll(m.sentence.text)) {
      const event = hit.value;
      if (pageYears.size > 0 && !pageYears.has(fromIso(event.start).year)) continue;
      const start = fromIso(event.start);
      const fits = days.some((d) => d.year === undefined || d.year === start.year) && dateFits({ ...event, start: shift(event.start, -1), end: shift(event.end, 1) }, days.map((d) => ({ ...d, year: d.year ?? start.year })));
      if (fits) found.set(event.place, { event, place: knowledge.placeById.get(event.place)!, sentence: m.sentence, cue: hit.text });
    }
  }
  return found.size === 1 ? [...found.values()][0]! : null;
}

function shift(iso: string, days: number): string {
  return toIso(addDays(fromIso(iso), days));
}
