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
  /** Each topic's meetings as a set of positions in the archive: bit i%32 of word i>>5. */
  topicBits: Map<string, Uint32Array>;
  /**
   * Per position in the archive, as numbers: what scoring a candidate reads, without touching the
   * record. People and places are numbered in `personNumber` and `placeNumbers`; an undated
   * meeting's day is NaN.
   */
  /** Each meeting's participants: people[peopleStart[i] … peopleStart[i + 1]). */
  people: Int32Array;
  peopleStart: Int32Array;
  placeNumber: Int32Array;
  dayOf: Float64Array;
  /** Each slug's position in the archive, and each meeting's occasion as a number (-1: none), numbered in `occasionNumbers`. */
  slugPosition: Map<string, number>;
  occasionNumber: Int32Array;
  occasionNumbers: Map<string, number>;
  personNumber: Map<string, number>;
  placeNumbers: Map<string, number>;
  /** Work space for one relatedMeetings call at a time (it is synchronous): shared-topic counts as bit planes. */
  planes: Uint32Array[];
  /** The most participants any one meeting lists: bounds what shared people can add to a score. */
  mostParticipants: number;
}
const indexes = new WeakMap<readonly Meeting[], ArchiveIndex>();

function indexOf(all: readonly Meeting[]): ArchiveIndex {
  let index = indexes.get(all);
  if (!index) {
    const timeline = all.filter((x) => x.date).sort(byDateDesc).reverse();
    const byTopic = new Map<string, number[]>();
    const byOccasion = new Map<string, Meeting[]>();
    all.forEach((x, i) => {
      for (const t of new Set(x.topics)) (byTopic.get(t) ?? byTopic.set(t, []).get(t)!).push(i);
      if (x.occasion) (byOccasion.get(x.occasion) ?? byOccasion.set(x.occasion, []).get(x.occasion)!).push(x);
    });
    const ordinal = new Map(all.map((x, i) => [x, i]));
    const words = (all.length + 31) >>> 5;
    const topicBits = new Map([...byTopic].map(([t, list]) => {
      const bits = new Uint32Array(words);
      for (const i of list) bits[i >>> 5]! |= 1 << (i & 31);
      return [t, bits] as const;
    }));
    const mostParticipants = all.reduce((most, x) => Math.max(most, x.participants.length), 0);
    const personNumber = new Map<string, number>();
    const placeNumbers = new Map<string, number>();
    const numbered = (names: Map<string, number>, name: string) => names.get(name) ?? names.set(name, names.size).get(name)!;
    const peopleStart = new Int32Array(all.length + 1);
    all.forEach((x, i) => (peopleStart[i + 1] = peopleStart[i]! + x.participants.length));
    const people = Int32Array.from(all.flatMap((x) => x.participants.map((p) => numbered(personNumber, p.id))));
    const placeNumber = Int32Array.from(all, (x) => {
      const key = placeKey(x);
      return key === null ? -1 : numbered(placeNumbers, key);
    });
    const dayOf = Float64Array.from(all, (x) => dayNumber(x.date) ?? Number.NaN);
    const occasionNumbers = new Map<string, number>();
    const occasionNumber = Int32Array.from(all, (x) => (x.occasion ? numbered(occasionNumbers, x.occasion) : -1));
    index = {
      timeline,
      position: new Map(timeline.map((x, i) => [x.slug, i])),
      ordinal,
      byOccasion,
      topicBits,
      people,
      peopleStart,
      placeNumber,
      dayOf,
      slugPosition: new Map(all.map((x, i) => [x.slug, i])),
      occasionNumber,
      occasionNumbers,
      personNumber,
      placeNumbers,
      planes: [],
      mostParticipants,
    };
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
  const { ordinal, byOccasion, topicBits, people, peopleStart, placeNumber, dayOf, slugPosition, occasionNumber, occasionNumbers, personNumber, placeNumbers, planes, mostParticipants } = indexOf(all);
  // Shared topics counted for every meeting at once, 32 at a time: the count's bits as planes
  // (planes[p], bit p of each meeting's count), each topic's set added in with its carries.
  // This reads a few words per meeting, and nothing the size of the archive is made per page.
  const sets = [...new Set(m.topics)].flatMap((t) => topicBits.get(t) ?? []);
  const words = (all.length + 31) >>> 5;
  const planeCount = 32 - Math.clz32(sets.length);
  while (planes.length < planeCount) planes.push(new Uint32Array(words));
  for (let p = 0; p < planeCount; p++) planes[p]!.fill(0);
  for (const bits of sets) {
    for (let w = 0; w < words; w++) {
      let carry = bits[w]!;
      for (let p = 0; carry !== 0 && p < planeCount; p++) {
        const plane = planes[p]!;
        const was = plane[w]!;
        plane[w] = was ^ carry;
        carry = was & carry;
      }
    }
  }
  const sharedTopicsOf = (i: number) => {
    let n = 0;
    for (let p = 0; p < planeCount; p++) n |= ((planes[p]![i >>> 5]! >>> (i & 31)) & 1) << p;
    return n;
  };
  const sameOccasion = m.occasion ? (byOccasion.get(m.occasion) ?? []) : [];
  // This meeting in the same numbers (it need not be in the archive: someone the archive does
  // not know matches no one, and neither does a place it does not know).
  const day = dayNumber(m.date) ?? Number.NaN;
  const mine = m.participants.map((p) => personNumber.get(p.id) ?? -1);
  const place = placeKey(m);
  const placeNo = place === null ? -1 : (placeNumbers.get(place) ?? -2);
  const placeBonus = place !== null ? 1 : 0;
  const best: Candidate[] = [];
  const worst = () => (best.length === limit ? best[limit - 1]!.score : -1);
  // Read from the index's arrays, not the records: this runs for thousands of candidates a page.
  const myOccasion = m.occasion ? (occasionNumbers.get(m.occasion) ?? -2) : -2;
  const self = ordinal.get(m) ?? slugPosition.get(m.slug) ?? -1;
  const consider = (i: number, sharedTopics: number, occasion: boolean) => {
    if (i === self) return;
    let sharedPeople = 0;
    for (let k = peopleStart[i]!; k < peopleStart[i + 1]!; k++) if (mine.includes(people[k]!)) sharedPeople++;
    const samePlace = place !== null && placeNumber[i] === placeNo;
    const score = (occasion ? 100 : 0) + sharedTopics * 3 + sharedPeople + (samePlace ? 1 : 0);
    const d = dayOf[i]!;
    const distance = Number.isNaN(day) || Number.isNaN(d) ? Number.MAX_SAFE_INTEGER : Math.abs(day - d);
    // Keep the best few in one pass rather than sorting every candidate; most are turned away
    // here, on score and distance, before anything is made for them.
    if (best.length === limit) {
      const last = best[limit - 1]!;
      if (score < last.score || (score === last.score && distance > last.distance)) return;
    }
    const candidate: Candidate = { x: all[i]!, score, distance, why: occasion ? 'same occasion' : `${sharedTopics} shared ${sharedTopics === 1 ? 'topic' : 'topics'}` };
    if (best.length === limit && better(candidate, best[limit - 1]!) >= 0) return;
    const at = best.findIndex((b) => better(candidate, b) < 0);
    best.splice(at === -1 ? best.length : at, 0, candidate);
    if (best.length > limit) best.pop();
  };
  // The order candidates are seen in does not change the result (`better` is a total order), so
  // the likeliest go first, and the rest stop once no score they could reach beats the fifth best.
  for (const x of sameOccasion) {
    const i = ordinal.get(x)!;
    consider(i, sharedTopicsOf(i), true);
  }
  for (let n = sets.length; n > 0; n--) {
    if (3 * n + mostParticipants + placeBonus < worst()) break;
    for (let w = 0; w < words; w++) {
      // The meetings of word w that share exactly n topics.
      let found = ~0;
      for (let p = 0; p < planeCount; p++) found &= (n >>> p) & 1 ? planes[p]![w]! : ~planes[p]![w]!;
      while (found !== 0) {
        const low = found & -found;
        found ^= low;
        const i = (w << 5) | (31 - Math.clz32(low));
        if (occasionNumber[i] === myOccasion) continue;
        if (3 * n + peopleStart[i + 1]! - peopleStart[i]! + placeBonus < worst()) continue;
        consider(i, n, false);
      }
    }
  }
  return best.map((c) => ({ ...link(c.x), why: c.why }));
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
