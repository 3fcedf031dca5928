/**
 * The meeting page's view model: facts with the words behind them, neighbours in time, related
 * meetings, and the record's machine-readable forms (citation, BibTeX, JSON-LD). Pure.
 */
import type { Evidence, Meeting } from '../schema/meeting.ts';
import { dateStatement, formatDate, placeLabel, type DateStatement } from './format.ts';
import { webUrl } from './paths.ts';
import { sourceTexts, type SourceText } from './source-text.ts';
import { byDateDesc, placeKey, topicLabeller, type Knowledge } from './taxonomy.ts';

/** A sentence split around the words that gave a value, for <mark>. */
export type Highlighted = { text: string; mark: boolean }[];

/** Mark the first occurrence of `cue` in `text` (as written, else ignoring case); no cue, no mark. */
export function highlight(text: string, cue: string | undefined): Highlighted {
  if (!cue) return [{ text, mark: false }];
  let at = text.indexOf(cue);
  if (at < 0) at = text.toLowerCase().indexOf(cue.toLowerCase());
  if (at < 0) return [{ text, mark: false }];
  return [
    { text: text.slice(0, at), mark: false },
    { text: text.slice(at, at + cue.length), mark: true },
    { text: text.slice(at + cue.length), mark: false },
  ].filter((p) => p.text.length > 0);
}

export interface TopicWithEvidence {
  slug: string;
  label: string;
  /** Distinct sentences that support the topic, in text order. */
  evidence: (Evidence & { cue: string })[];
}

export interface SourceView {
  seed: string;
  outlet: string;
  headline: string | null;
  /** Only http(s) URLs survive. */
  url: string | null;
  published: string | null;
  publishedText: string | null;
}

export interface MeetingLink {
  slug: string;
  title: string;
  date: string;
  place: string;
}

export interface MeetingView {
  date: DateStatement;
  place: { label: string; id: string | null; note: string; evidence: Evidence[] };
  occasion: { text: string; evidence: Evidence[] } | null;
  participants: { id: string; name: string; role: string | null; country: string | null }[];
  participantEvidence: Evidence[];
  dateEvidence: Evidence[];
  topics: TopicWithEvidence[];
  sources: SourceView[];
}

function distinctEvidence<E extends Evidence>(list: E[]): E[] {
  const seen = new Set<string>();
  return list.filter((e) => {
    const key = `${e.seed}:${e.line}:${e.text}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function meetingView(m: Meeting, k: Knowledge): MeetingView {
  const label = topicLabeller(k);
  return {
    date: dateStatement(m),
    place: { label: placeLabel(m), id: placeKey(m), note: m.locationNote, evidence: distinctEvidence(m.evidence.location) },
    occasion: m.occasion ? { text: m.occasion, evidence: distinctEvidence(m.evidence.occasion) } : null,
    participants: m.participants.map((p) => ({ id: p.id, name: p.name, role: p.role, country: p.country })),
    participantEvidence: distinctEvidence(m.evidence.participants),
    dateEvidence: distinctEvidence(m.evidence.date),
    topics: m.topics.map((slug) => ({
      slug,
      label: label(slug),
      evidence: distinctEvidence(m.evidence.topics.filter((e) => e.topic === slug)),
    })),
    sources: m.sources.map((s) => ({
      seed: s.seed,
      outlet: s.outlet ?? 'Unattributed report',
      headline: s.headline,
      url: webUrl(s.url),
      published: s.published,
      publishedText: s.published ? formatDate(s.published) : null,
    })),
  };
}

function link(m: Meeting): MeetingLink {
  return { slug: m.slug, title: m.title, date: formatDate(m.date), place: placeLabel(m) };
}

/**
 * Indexes over one archive, built once and reused for every meeting page: on thousands of
 * meetings, scanning the whole archive per page would make the build quadratic.
 */
interface ArchiveIndex {
  /** Dated meetings, oldest first, and each slug's position. */
  timeline: Meeting[];
  position: Map<string, number>;
  /** Each meeting's position in the archive. */
  ordinal: Map<Meeting, number>;
  byOccasion: Map<string, Meeting[]>;
  /** Each meeting's date as a day count (null when undated), parsed once rather than per comparison. */
  day: Map<Meeting, number | null>;
  /** Each topic's bit, and each meeting's topics as a row of `words` 32-bit words (row i = archive position i). */
  topicBit: Map<string, number>;
  topicMasks: Uint32Array;
  words: number;
  /** Each meeting's place key, made once. */
  place: Map<Meeting, string | null>;
  /** The most participants any one meeting lists: bounds what shared people can add to a score. */
  mostParticipants: number;
}
const indexes = new WeakMap<readonly Meeting[], ArchiveIndex>();

function indexOf(all: readonly Meeting[]): ArchiveIndex {
  let index = indexes.get(all);
  if (!index) {
    const timeline = all.filter((x) => x.date).sort(byDateDesc).reverse();
    const byOccasion = new Map<string, Meeting[]>();
    const topicBit = new Map<string, number>();
    for (const x of all) {
      for (const t of x.topics) if (!topicBit.has(t)) topicBit.set(t, topicBit.size);
      if (x.occasion) (byOccasion.get(x.occasion) ?? byOccasion.set(x.occasion, []).get(x.occasion)!).push(x);
    }
    const words = Math.max(1, Math.ceil(topicBit.size / 32));
    const topicMasks = new Uint32Array(all.length * words);
    all.forEach((x, i) => topicMask(x.topics, topicBit, topicMasks.subarray(i * words, (i + 1) * words)));
    const day = new Map(all.map((x) => [x, dayNumber(x.date)]));
    const ordinal = new Map(all.map((x, i) => [x, i]));
    const place = new Map(all.map((x) => [x, placeKey(x)]));
    const mostParticipants = all.reduce((most, x) => Math.max(most, x.participants.length), 0);
    index = { timeline, position: new Map(timeline.map((x, i) => [x.slug, i])), ordinal, byOccasion, day, topicBit, topicMasks, words, place, mostParticipants };
    indexes.set(all, index);
  }
  return index;
}

/** The meetings just before and after in time; undated meetings sit outside the timeline. */
export function neighboursInTime(all: readonly Meeting[], m: Meeting): { earlier: MeetingLink | null; later: MeetingLink | null } {
  const { timeline, position } = indexOf(all);
  const i = m.date ? (position.get(m.slug) ?? -1) : -1;
  if (i < 0) return { earlier: null, later: null };
  return {
    earlier: i > 0 ? link(timeline[i - 1]!) : null,
    later: i < timeline.length - 1 ? link(timeline[i + 1]!) : null,
  };
}

function dayNumber(iso: string | null): number | null {
  return iso ? Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86_400_000 : null;
}

interface Candidate {
  x: Meeting;
  score: number;
  distance: number;
  why: string;
}

/** a before b: higher score, then nearer in time, then slug. */
function better(a: Candidate, b: Candidate): number {
  return b.score - a.score || a.distance - b.distance || (a.x.slug < b.x.slug ? -1 : a.x.slug > b.x.slug ? 1 : 0);
}

/**
 * Related meetings: same occasion first, then most shared topics (shared participants and place
 * count a little); ties go to the nearest in time. Meetings sharing nothing are not related.
 */
export function relatedMeetings(all: readonly Meeting[], m: Meeting, limit = 5): (MeetingLink & { why: string })[] {
  const { ordinal, byOccasion, day: days, topicBit, topicMasks, words, place: places, mostParticipants } = indexOf(all);
  // Shared topics of every meeting with this one, from the topic bit masks: one pass over a
  // typed array per page instead of walking each topic's member list (on 10,000 meetings most
  // share a topic with most others).
  const mine = topicMask(m.topics, topicBit, new Uint32Array(words));
  // Meetings by shared-topic count, as linked lists in typed arrays: first[n] is one meeting
  // sharing n topics, next[i] the following one (-1 ends a list).
  const counts = new Uint8Array(all.length);
  const first = new Int32Array(words * 32 + 1).fill(-1);
  const next = new Int32Array(all.length);
  let mostShared = 0;
  for (let i = all.length - 1; i >= 0; i--) {
    let shared = 0;
    for (let w = 0; w < words; w++) shared += bitCount(topicMasks[i * words + w]! & mine[w]!);
    counts[i] = shared;
    if (shared === 0) continue;
    next[i] = first[shared]!;
    first[shared] = i;
    if (shared > mostShared) mostShared = shared;
  }
  const sameOccasion = m.occasion ? (byOccasion.get(m.occasion) ?? []) : [];
  const day = dayNumber(m.date);
  const people = new Set(m.participants.map((p) => p.id));
  const place = places.get(m) ?? placeKey(m);
  const placeBonus = place !== null ? 1 : 0;
  const best: Candidate[] = [];
  const worst = () => (best.length === limit ? best[limit - 1]!.score : -1);
  const consider = (x: Meeting, sharedTopics: number, occasion: boolean) => {
    if (x === m || x.slug === m.slug) return;
    let sharedPeople = 0;
    for (const p of x.participants) if (people.has(p.id)) sharedPeople++;
    const samePlace = place !== null && (places.get(x) ?? placeKey(x)) === place;
    const score = (occasion ? 100 : 0) + sharedTopics * 3 + sharedPeople + (samePlace ? 1 : 0);
    if (score < worst()) return; // cannot enter the best few whatever its distance
    const d = days.get(x) ?? dayNumber(x.date);
    const candidate: Candidate = {
      x,
      score,
      distance: day !== null && d !== null ? Math.abs(day - d) : Number.MAX_SAFE_INTEGER,
      why: occasion ? 'same occasion' : `${sharedTopics} shared ${sharedTopics === 1 ? 'topic' : 'topics'}`,
    };
    // Keep the best few in one pass rather than sorting every candidate.
    if (best.length === limit && better(candidate, best[limit - 1]!) >= 0) return;
    const at = best.findIndex((b) => better(candidate, b) < 0);
    best.splice(at === -1 ? best.length : at, 0, candidate);
    if (best.length > limit) best.pop();
  };
  // The order candidates are seen in does not change the result (`better` is a total order), so
  // the likeliest go first, and the rest stop once no score they could reach beats the fifth best.
  const sharedTopics = (x: Meeting) => {
    const i = ordinal.get(x);
    return i === undefined ? 0 : counts[i]!;
  };
  for (const x of sameOccasion) consider(x, sharedTopics(x), true);
  for (let n = mostShared; n > 0; n--) {
    if (3 * n + mostParticipants + placeBonus < worst()) break;
    for (let i = first[n]!; i !== -1; i = next[i]!) {
      const x = all[i]!;
      if (m.occasion && x.occasion === m.occasion) continue;
      if (3 * n + x.participants.length + placeBonus < worst()) continue;
      consider(x, n, false);
    }
  }
  return best.map((c) => ({ ...link(c.x), why: c.why }));
}

/** Sets the bits of `topics` (those the archive knows) in `mask`; returns it. */
function topicMask(topics: readonly string[], topicBit: Map<string, number>, mask: Uint32Array): Uint32Array {
  for (const t of topics) {
    const bit = topicBit.get(t);
    if (bit !== undefined) mask[bit >>> 5] = mask[bit >>> 5]! | (1 << (bit & 31));
  }
  return mask;
}

/** The number of set bits in a 32-bit word. */
function bitCount(v: number): number {
  v -= (v >>> 1) & 0x55555555;
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

export interface MeetingPageModel {
  view: MeetingView;
  earlier: MeetingLink | null;
  later: MeetingLink | null;
  related: (MeetingLink & { why: string })[];
  /** The cleaned text of each report. */
  texts: SourceText[];
  /** Seed id → number of its report on the page; empty when the body's sections do not match the sources. */
  reports: Record<string, number>;
}

export function meetingPageModel(m: Meeting, all: readonly Meeting[], k: Knowledge, body = ''): MeetingPageModel {
  const texts = sourceTexts(body);
  // The converter writes one section per source, in the order of `sources`.
  const reports: Record<string, number> = texts.length === m.sources.length ? Object.fromEntries(m.sources.map((s, i) => [s.seed, i + 1])) : {};
  return { view: meetingView(m, k), ...neighboursInTime(all, m), related: relatedMeetings(all, m), texts, reports };
}
