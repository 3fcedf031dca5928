/**
 * One meeting, several reports: reports that agree on place, people and day become one record
 * with every source. A report with a full date settles the date of one without. Slugs depend
 * only on the records, never on the order seeds were read.
 */
import type { Knowledge } from '../knowledge/index.ts';
import { dateBases, meetingSchema, type Evidence, type Meeting, type Participant } from '../schema/meeting.ts';
import { fromIso } from './calendar.ts';
import { warningText } from './diagnostics.ts';
import type { ReportExtraction } from './index.ts';
import { orderTopics } from './topics.ts';
import { slugPart } from './slug.ts';

export interface MergeInput {
  extraction: ReportExtraction;
  /** Hex digest of the seed's bytes: names undated meetings. */
  hash: string;
}

export interface AssembledMeeting {
  meeting: Meeting;
  /** Seeds behind it, sorted. */
  seeds: string[];
  /** Paragraphs of each source, for the body. */
  sections: { seed: string; heading: string; paragraphs: string[] }[];
}

const basisRank = (b: string) => dateBases.indexOf(b as (typeof dateBases)[number]);

/** The day and month a report gives, with or without a year. */
function dayMonthOf(x: ReportExtraction): { month: number; day: number } | null {
  return x.date.dayMonth ?? (x.date.date ? { month: fromIso(x.date.date).month, day: fromIso(x.date.date).day } : null);
}

function sameMeeting(a: ReportExtraction, b: ReportExtraction): boolean {
  const pa = a.place.place?.id;
  const pb = b.place.place?.id;
  if (!pa || pa !== pb) return false;
  const ids = new Set(a.participants.map((p) => p.id));
  const shared = b.participants.filter((p) => ids.has(p.id)).length;
  if (shared < Math.min(2, a.participants.length, b.participants.length)) return false;
  const da = a.date.date;
  const db = b.date.date;
  if (da && db) return da === db;
  const ma = dayMonthOf(a);
  const mb = dayMonthOf(b);
  return !!ma && !!mb && ma.month === mb.month && ma.day === mb.day;
}


function titleOf(participants: Participant[], city: string | null): string {
  const names = participants.map((p) => p.name);
  const who = names.length >= 2 ? `${names[0]} meets ${names.slice(1).join(' and ')}` : names.length === 1 ? `${names[0]} meets a counterpart` : 'A meeting';
  return city ? `${who} in ${city}` : who;
}

/**
 * Group reports into meetings and build each meeting's record.
 * `heldSlugs` (seed → the slug its meeting was last published under, from the permalink ledger)
 * keeps citations stable: where two meetings share a day and a place, each keeps the suffix it
 * was published with, and a newcomer takes the next free one rather than an older meeting's URL.
 */
export function assembleMeetings(inputs: MergeInput[], knowledge: Knowledge, heldSlugs: ReadonlyMap<string, string> = new Map()): AssembledMeeting[] {
  const sorted = [...inputs].filter((i) => i.extraction.isMeeting).sort((a, b) => (a.extraction.seed < b.extraction.seed ? -1 : 1));
  // Union-find over the sorted reports: the grouping does not depend on reading order.
  const parent = sorted.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  // Only reports at one place on one day (or day and month) can be one meeting (sameMeeting), so
  // only those pairs are compared: the same unions as over all pairs, without n² comparisons.
  const candidates = new Map<string, number[]>();
  const keysOf = (x: ReportExtraction): string[] => {
    const place = x.place.place?.id;
    if (!place) return [];
    const dm = dayMonthOf(x);
    return [...(x.date.date ? [`${place}\0${x.date.date}`] : []), ...(dm ? [`${place}\0${dm.month}-${dm.day}`] : [])];
  };
  sorted.forEach((input, i) => {
    for (const key of keysOf(input.extraction)) candidates.get(key)?.push(i) ?? candidates.set(key, [i]);
  });
  for (let i = 0; i < sorted.length; i++) {
    for (const key of keysOf(sorted[i]!.extraction)) {
      for (const j of candidates.get(key)!) {
        if (j > i && sameMeeting(sorted[i]!.extraction, sorted[j]!.extraction)) parent[find(j)] = find(i);
      }
    }
  }
  const groups = new Map<number, MergeInput[]>();
  sorted.forEach((input, i) => {
    const root = find(i);
    groups.set(root, [...(groups.get(root) ?? []), input]);
  });

  const assembled = [...groups.values()].map((members) => buildMeeting(members, knowledge));
  assignDistinctSlugs(assembled, heldSlugs);
  return assembled.map((a) => ({ ...a, meeting: meetingSchema.parse(a.meeting) }));
}

/**
 * Distinct slugs: two meetings on one day in one city get -2, -3 …. A meeting first keeps a slug
 * of its own base that its seeds were published under; the rest take the first free suffix, in
 * the order of their first seed. Depends only on the meetings and the ledger, not on reading order.
 */
function assignDistinctSlugs(assembled: AssembledMeeting[], heldSlugs: ReadonlyMap<string, string>): void {
  assembled.sort((a, b) => (a.meeting.slug < b.meeting.slug ? -1 : a.meeting.slug > b.meeting.slug ? 1 : a.seeds[0]! < b.seeds[0]! ? -1 : 1));
  const byBase = new Map<string, AssembledMeeting[]>();
  for (const a of assembled) byBase.get(a.meeting.slug)?.push(a) ?? byBase.set(a.meeting.slug, [a]);
  for (const [base, group] of byBase) {
    const ofBase = (slug: string) => slug === base || (slug.startsWith(`${base}-`) && /^[2-9]\d*$|^\d{2,}$/.test(slug.slice(base.length + 1)));
    const taken = new Set<string>();
    const waiting: AssembledMeeting[] = [];
    for (const a of group) {
      const held = [...new Set(a.seeds.map((seed) => heldSlugs.get(seed)).filter((s): s is string => !!s && ofBase(s)))].sort();
      const keep = held.find((s) => !taken.has(s));
      if (keep) {
        a.meeting.slug = keep;
        taken.add(keep);
      } else waiting.push(a);
    }
    for (const a of waiting) {
      let n = 1;
      let slug = base;
      while (taken.has(slug)) slug = `${base}-${++n}`;
      a.meeting.slug = slug;
      taken.add(slug);
    }
  }
  assembled.sort((a, b) => (a.meeting.slug < b.meeting.slug ? -1 : 1));
}

function buildMeeting(members: MergeInput[], knowledge: Knowledge): AssembledMeeting {
  const xs = members.map((m) => m.extraction);
  const first = xs[0]!;
  const dated = [...xs].sort((a, b) => basisRank(a.date.basis) - basisRank(b.date.basis))[0]!;
  const placed = [...xs].sort((a, b) => placeRank(a) - placeRank(b))[0]!;

  const participants: Participant[] = [];
  for (const x of xs) for (const p of x.participants) if (!participants.some((q) => q.id === p.id)) participants.push(p);
  // Roles follow the settled date, whichever report settled it.
  const withRoles = participants.map((p) => {
    const fromDated = dated.participants.find((q) => q.id === p.id);
    return fromDated ?? p;
  });

  const city = placed.place.place?.name ?? null;
  const country = placed.place.place?.country ?? placed.place.country;
  const date = dated.date.date;
  const citySlug = placed.place.place?.id ?? (city ? slugPart(city) : 'unknown-place');
  const slug = date ? `${date}-${citySlug}` : `undated-${citySlug}-${members[0]!.hash.slice(0, 6)}`;

  let dateNote = dated.date.note;
  if (xs.length > 1 && dated !== first && date) dateNote = `${dateNote} (from the report ${dated.seed})`;
  const warnings = [...new Set(xs.flatMap((x) => x.diagnostics.filter((d) => d.severity !== 'info').map(warningText)))];
  if (date) {
    // A report without a year is settled by its partner: its unresolved-year warning is answered.
    for (const x of xs) if (x !== dated && x.date.basis === 'unresolved') warnings.push(`date/settled-by-merge: ${x.seed} gives no year; ${dated.seed} settles it (${date})`);
  }
  const filteredWarnings = date ? warnings.filter((w) => !w.startsWith('date/year-unresolved') && !w.startsWith('date/unresolved') && !w.startsWith('date/day-unresolved')) : warnings;

  const ev = (seed: string, items: { line: number; text: string }[]): Evidence[] => items.map((e) => ({ seed, line: e.line, text: e.text }));
  const meeting: Meeting = {
    slug,
    title: titleOf(withRoles, city),
    date,
    dateBasis: dated.date.basis,
    dateNote,
    location: { city, country },
    locationNote: placed.place.note,
    placeId: placed.place.place?.id ?? null,
    occasion: xs.find((x) => x.occasion.eventId)?.occasion.occasion ?? xs.find((x) => x.occasion.occasion)?.occasion.occasion ?? null,
    participants: withRoles,
    topics: orderTopics(xs.flatMap((x) => x.topics.map((t) => t.topic)), knowledge),
    sources: xs.map((x) => ({ seed: x.seed, outlet: x.outlet, url: x.url, published: x.published, headline: x.headline })),
    summary: first.summary,
    warnings: filteredWarnings.sort(),
    evidence: {
      date: ev(dated.seed, dated.date.evidence),
      location: ev(placed.seed, placed.place.evidence),
      participants: xs.flatMap((x) => ev(x.seed, x.participantEvidence)),
      occasion: xs.flatMap((x) => ev(x.seed, x.occasion.evidence)).slice(0, 1),
      topics: xs.flatMap((x) => x.topics.map((t) => ({ seed: x.seed, line: t.line, text: t.text, topic: t.topic, cue: t.cue }))),
    },
  };
  return {
    meeting,
    seeds: xs.map((x) => x.seed),
    sections: xs.map((x) => ({
      seed: x.seed,
      heading: [x.outlet ?? 'Unattributed report', x.headline].filter(Boolean).join(': '),
      paragraphs: x.paragraphs,
    })),
  };
}

function placeRank(x: ReportExtraction): number {
  return ['meeting-sentence', 'occasion', 'dateline', 'unresolved'].indexOf(x.place.how);
}
