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
import { findEvents } from './events.ts';
import { findMeetingSentences, primaryMeetingSentence } from './meeting.ts';
import { findOccasion, type OccasionFinding } from './occasion.ts';
import { findOutlet } from './outlet.ts';
import { roleOn } from './people.ts';
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

export function extractMeeting(doc: ReportDocument, context: ExtractContext): ReportExtraction {
  const { knowledge, seed, sidecar } = context;
  const diagnostics: Diagnostic[] = [];
  const warn = (rule: string, message: string, at?: { line: number; column: number }) =>
    diagnostics.push(diagnostic(seed, rule, message, at));

  const meetings = findMeetingSentences(doc, knowledge);
  const primary = primaryMeetingSentence(meetings);
  const place = placeOfMeeting(doc, meetings, primary, knowledge);
  // Sentences about this meeting: the primary one and those naming its people (not Xi meeting Putin).
  const ids = new Set(primary?.people.map((p) => p.id) ?? []);
  const ours = meetings.filter((m) => m === primary || m.people.filter((p) => ids.has(p.id)).length >= Math.min(2, ids.size));
  const events = findEvents(doc, ours, place.place, knowledge);

  const people = new Map<string, (typeof meetings)[number]['people'][number]>();
  for (const m of primary ? [primary, ...meetings.filter((x) => x !== primary && x.sentence.zone === 'headline' && primary.names < 2)] : []) {
    for (const p of m.people) if (!people.has(p.id)) people.set(p.id, p);
  }
  const known = [...people.values()].flatMap((p) => (p.known ? [p.known] : []));

  const sidecarDate = [sidecar?.published, sidecar?.retrieved].find((d): d is string => !!d && isoDay.test(d)) ?? null;
  const date = resolveMeetingDate(doc, primary, meetings, events, { known }, { sidecarDate, corpusReferenceDate: context.corpusReferenceDate }, knowledge, place.place?.id ?? null);
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
