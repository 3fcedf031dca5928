/**
 * extractMeeting: one report's text → what it says about one meeting. The pipeline, in order:
 *   clean → document (zones, headline, datelines, sentences) → meeting sentences → place →
 *   events (needs the place) → date (needs events and people) → occasion → people's roles
 *   (need the date) → outlet → topics → summary.
 * Pure: no files, no clock, no console. The converter does the I/O around it.
 */
import type { Knowledge } from '../knowledge/index.ts';
import type { Participant } from '../schema/meeting.ts';
import { cleanText } from './clean.ts';
import { latestFullDate, resolveMeetingDate, type DateFinding } from './dates.ts';
import { diagnostic, type Diagnostic } from './diagnostics.ts';
import { readDocument, type ReportDocument } from './document.ts';
import { findEvents, occasionElsewhere } from './events.ts';
import { findMeetingSentences, primaryMeetingSentence, type MeetingSentence } from './meeting.ts';
import { findOccasion, type OccasionFinding } from './occasion.ts';
import { findOutlet } from './outlet.ts';
import { findPeople, roleOn, type PersonMention } from './people.ts';
import { placeOfMeeting, type PlaceFinding } from './places.ts';
import { findTopics, type TopicHit } from './topics.ts';

export interface Sidecar {
  url?: string;
  outlet?: string;
  published?: string;
  retrieved?: string;
  language?: string;
}

export interface ExtractContext {
  seed: string;
  knowledge: Knowledge;
  sidecar: Sidecar | null;
  /** Latest full date in the whole collection (see `referenceDateOf`). */
  corpusReferenceDate: string | null;
}

export interface ReportExtraction {
  seed: string;
  isMeeting: boolean;
  /** Why it is not a meeting, when it is not. */
  reasons: string[];
  diagnostics: Diagnostic[];
  headline: string | null;
  outlet: string | null;
  url: string | null;
  published: string | null;
  date: DateFinding;
  place: PlaceFinding;
  occasion: OccasionFinding;
  participants: Participant[];
  participantEvidence: { line: number; text: string }[];
  topics: TopicHit[];
  summary: string;
  /** The report's text, cleaned, a paragraph per entry: the page's copy of the source. */
  paragraphs: string[];
}

/** Read a report's structure: the first step, also used to find the collection's reference date. */
export function readReport(seed: string, text: string, knowledge: Knowledge): ReportDocument {
  return readDocument(seed, cleanText(text, knowledge), knowledge);
}

/** The latest full date a report prints: the collection's reference date is the latest of these. */
export function referenceDateOf(doc: ReportDocument, knowledge: Knowledge): string | null {
  return latestFullDate(doc, knowledge);
}

const isoDay = /^\d{4}-\d{2}-\d{2}$/;
const quoteShort = (text: string) => `"${text}"`;

/**
 * The person a report calls "his Russian counterpart" in its meeting sentence and names in
 * another: the first person of that country (any other country when none is said) named in the
 * headline or body who is not only mentioned in passing.
 */
function counterpartNamedElsewhere(doc: ReportDocument, primary: MeetingSentence, namedId: string, knowledge: Knowledge): PersonMention | null {
  const cue = knowledge.words.counterpartWords.find(primary.sentence.text)[0]!;
  const before = primary.sentence.text.slice(Math.max(0, cue.index - 30), cue.index);
  const country = knowledge.countryAdjectives.find(before).at(-1)?.value.name ?? null;
  const named = primary.people.find((p) => p.id === namedId);
  const namedCountry = named?.known?.country ?? named?.statedCountry ?? null;
  for (const s of doc.sentences) {
    if (s === primary.sentence) continue;
    for (const p of findPeople(s.text, knowledge)) {
      if (p.id === namedId) continue;
      const of = p.known?.country ?? p.statedCountry;
      if (country ? of === country : of !== null && of !== namedCountry) return p;
    }
  }
  return null;
}

export function extractMeeting(doc: ReportDocument, context: ExtractContext): ReportExtraction {
  const { knowledge, seed, sidecar } = context;
  const diagnostics: Diagnostic[] = [];
  const warn = (rule: string, message: string, at?: { line: number; column: number }) =>
    diagnostics.push(diagnostic(seed, rule, message, at));

  const meetings = findMeetingSentences(doc, knowledge);
  const primary = primaryMeetingSentence(meetings);
  let place = placeOfMeeting(doc, meetings, primary, knowledge);
  // Sentences about this meeting: the primary one and those naming its people (not two others meeting each other).
  const ids = new Set(primary?.people.map((p) => p.id) ?? []);
  const ours = meetings.filter((m) => m === primary || m.people.filter((p) => ids.has(p.id)).length >= Math.min(2, ids.size));
  // No place in the sentences, only an event: a dated event names the place better than a dateline.
  if (place.how === 'dateline' || place.how === 'unresolved') {
    const at = occasionElsewhere(doc, ours, knowledge);
    if (at && at.place.id !== place.place?.id && (!place.country || place.how === 'dateline' || place.country === at.place.country)) {
      place = {
        place: at.place,
        country: at.place.country,
        how: 'occasion',
        evidence: [{ line: at.sentence.line, text: at.sentence.text }],
        note: `The meeting was at ${at.event.name} (${quoteShort(at.cue)}, line ${at.sentence.line}), held in ${at.place.name} on those days (content/events.yaml)${place.how === 'dateline' ? `; the dateline "${place.words}" is where the report was filed` : ''}.`,
        words: at.cue,
      };
    }
  }
  const events = findEvents(doc, ours, place.place, knowledge);

  const people = new Map<string, (typeof meetings)[number]['people'][number]>();
  for (const m of primary ? [primary, ...meetings.filter((x) => x !== primary && x.sentence.zone === 'headline' && primary.names < 2)] : []) {
    for (const p of m.people) if (!people.has(p.id)) people.set(p.id, p);
  }
  // "met his Russian counterpart": the counterpart named in another sentence of the report.
  if (primary && people.size === 1 && knowledge.words.counterpartWords.test(primary.sentence.text)) {
    const other = counterpartNamedElsewhere(doc, primary, [...people.keys()][0]!, knowledge);
    if (other) people.set(other.id, other);
  }
  const known = [...people.values()].flatMap((p) => (p.known ? [p.known] : []));

  const sidecarDate = [sidecar?.published, sidecar?.retrieved].find((d): d is string => !!d && isoDay.test(d)) ?? null;
  // The collection's reference date is read only if the report needs it (a caller may extract
  // before that date is known and learn whether it mattered: src/convert/seed.ts).
  const dateContext = { sidecarDate, get corpusReferenceDate() { return context.corpusReferenceDate; } };
  const date = resolveMeetingDate(doc, primary, meetings, events, { known }, dateContext, knowledge, place.place?.id ?? null);
  for (const w of date.warnings) warn(w.rule, w.message, w);

  const occasion = findOccasion(primary, meetings, events, knowledge);
  const participants: Participant[] = [...people.values()].map((p) => ({
    name: p.name,
    role: (p.known && (roleOn(p.known, date.date) ?? (new Set(p.known.roles.map((r) => r.title)).size === 1 ? p.known.roles[0]!.title : null))) ?? p.statedRole,
    country: p.known?.country ?? p.statedCountry,
    id: p.id,
  }));
  for (const p of participants) {
    if (!p.country) warn('people/country-unknown', `no country is known for ${p.name}`, primary?.sentence);
    if (!people.get(p.id)?.known) warn('people/not-in-people-file', `${p.name} is not in content/people.yaml; name and role are as the report prints them`, primary?.sentence);
  }
  if (participants.length === 1) warn('people/one-named', `only ${participants[0]!.name} is named; the other side of the meeting is not`, primary?.sentence);

  if (place.how === 'unresolved' && primary) warn('place/unresolved', place.note, primary.sentence);

  const outletFound = findOutlet(doc, knowledge);
  const outlet = sidecar?.outlet ?? outletFound.outlet;
  const topics = findTopics(doc, knowledge);

  const summarySentences = primary ? doc.sentences.filter((s) => s.zone === 'body' && s.lineIndex >= primary.sentence.lineIndex && s.column >= (s.lineIndex === primary.sentence.lineIndex ? primary.sentence.column : 0)) : [];
  let summary = summarySentences[0]?.text ?? primary?.sentence.text ?? '';
  const second = summarySentences[1]?.text;
  if (second && summary.length + second.length < 320) summary = `${summary} ${second}`;

  const paragraphs = doc.lines.filter((l) => !l.chrome && (l.zone === 'body' || l.zone === 'footer')).map((l) => l.text);

  const reasons: string[] = [];
  if (!primary) {
    const verbs = doc.sentences.some((s) => knowledge.words.meetingVerbs.test(s.text));
    reasons.push(
      verbs
        ? 'no sentence reports a meeting that took place between two named people (only mentions, plans or meetings of others)'
        : 'no sentence reports a meeting',
    );
  }

  return {
    seed,
    isMeeting: !!primary,
    reasons,
    diagnostics,
    headline: doc.headline,
    outlet,
    url: sidecar?.url && /^https?:\/\//i.test(sidecar.url) ? sidecar.url : null,
    published: sidecar?.published && isoDay.test(sidecar.published) ? sidecar.published : null,
    date,
    place,
    occasion,
    participants,
    participantEvidence: primary ? [{ line: primary.sentence.line, text: primary.sentence.text }] : [],
    topics,
    summary,
    paragraphs,
  };
}
