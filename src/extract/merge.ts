/**
 * One meeting, several reports: reports that agree on place, people and day become one record
 * with every source. A report with a full date settles the date of one without. Slugs depend
 * only on the records, never on the order seeds were read.
 */
import type { Knowledge } from '../knowledge/index.ts';
import { dateBases, meetingSchema, type Evidence, type Meeting, type Participant } from '../schema/meeting.ts';
import { fromIso } from './calendar.ts';
import { warningText } from './diagnostics.ts';
import type { DateFinding } from './dates.ts';
import type { ReportExtraction } from './index.ts';
import type { PlaceFinding } from './places.ts';
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

/**
 * What grouping reports into meetings and naming the meetings read of a report: a few fields of
 * its extraction, small enough for the convert cache to keep beside it and group with alone.
 */
export interface MergeFacts {
  seed: string;
  /** Hex digest of the seed's bytes: names undated meetings. */
  hash: string;
  place: { id: string; name: string } | null;
  placeHow: PlaceFinding['how'];
  participants: string[];
  date: string | null;
  /** Day and month the report gives, with or without a year. */
  dayMonth: { month: number; day: number } | null;
  basis: DateFinding['basis'];
}

export function mergeFactsOf(input: MergeInput): MergeFacts {
  const x = input.extraction;
  return {
    seed: x.seed,
    hash: input.hash,
    place: x.place.place ? { id: x.place.place.id, name: x.place.place.name } : null,
    placeHow: x.place.how,
    participants: x.participants.map((p) => p.id),
    date: x.date.date,
    dayMonth: x.date.dayMonth ?? (x.date.date ? { month: fromIso(x.date.date).month, day: fromIso(x.date.date).day } : null),
    basis: x.date.basis,
  };
}

function sameMeeting(a: MergeFacts, b: MergeFacts): boolean {
  const pa = a.place?.id;
  const pb = b.place?.id;
  if (!pa || pa !== pb) return false;
  const ids = new Set(a.participants);
  const shared = b.participants.filter((id) => ids.has(id)).length;
  if (shared < Math.min(2, a.participants.length, b.participants.length)) return false;
  if (a.date && b.date) return a.date === b.date;
  const ma = a.dayMonth;
  const mb = b.dayMonth;
  return !!ma && !!mb && ma.month === mb.month && ma.day === mb.day;
}

function titleOf(participants: Participant[], city: string | null): string {
  const names = participants.map((p) => p.name);
  const who = names.length >= 2 ? `${names[0]} meets ${names.slice(1).join(' and ')}` : names.length === 1 ? `${names[0]} meets a counterpart` : 'A meeting';
  return city ? `${who} in ${city}` : who;
}

/** A meeting: the seeds behind it (sorted) and its slug. */
export interface MeetingPlan {
  seeds: string[];
  slug: string;
}

/**
 * Group reports into meetings and name each: the meetings in slug order. Depends only on the
 * reports' facts and the ledger (`heldSlugs`, see assignDistinctSlugs), never on reading order.
 */
export function planMeetings(facts: readonly MergeFacts[], heldSlugs: ReadonlyMap<string, string> = new Map()): MeetingPlan[] {
  const sorted = [...facts].sort((a, b) => (a.seed < b.seed ? -1 : 1));
  // Union-find over the sorted reports: the grouping does not depend on reading order.
  const parent = sorted.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  // Only reports at one place on one day (or day and month) can be one meeting (sameMeeting), so
  // only those pairs are compared: the same unions as over all pairs, without n² comparisons.
  const candidates = new Map<string, number[]>();
  const keysOf = (x: MergeFacts): string[] => {
    const place = x.place?.id;
    if (!place) return [];
    return [...(x.date ? [`${place}\0${x.date}`] : []), ...(x.dayMonth ? [`${place}\0${x.dayMonth.month}-${x.dayMonth.day}`] : [])];
  };
  sorted.forEach((f, i) => {
    for (const key of keysOf(f)) candidates.get(key)?.push(i) ?? candidates.set(key, [i]);
  });
  for (let i = 0; i < sorted.length; i++) {
    for (const key of keysOf(sorted[i]!)) {
      for (const j of candidates.get(key)!) {
        if (j > i && sameMeeting(sorted[i]!, sorted[j]!)) parent[find(j)] = find(i);
      }
    }
  }
  const groups = new Map<number, MergeFacts[]>();
  sorted.forEach((f, i) => {
    const root = find(i);
    groups.get(root)?.push(f) ?? groups.set(root, [f]);
  });
  const planned = [...groups.values()].map((members) => ({ seeds: members.map((m) => m.seed), slug: slugBase(members) }));
  assignDistinctSlugs(planned, heldSlugs);
  return planned;
}

/** A meeting's slug before distinct suffixes: its date and place, or undated, its place and first seed's hash. */
function slugBase(members: MergeFacts[]): string {
  // The same reports settle date and place as in buildMeeting: the first of the best basis.
  const dated = [...members].sort((a, b) => basisRank(a.basis) - basisRank(b.basis))[0]!;
  const placed = [...members].sort((a, b) => placeRank(a.placeHow) - placeRank(b.placeHow))[0]!;
  const city = placed.place?.name ?? null;
  const citySlug = placed.place?.id ?? (city ? slugPart(city) : 'unknown-place');
  return dated.date ? `${dated.date}-${citySlug}` : `undated-${citySlug}-${members[0]!.hash.slice(0, 6)}`;
}

/**
 * Group reports into meetings and build each meeting's record.
 * `heldSlugs` (seed → the slug its meeting was last published under, from the permalink ledger)
 * keeps citations stable: where two meetings share a day and a place, each keeps the suffix it
 * was published with, and a newcomer takes the next free one rather than an older meeting's URL.
 */
export function assembleMeetings(inputs: MergeInput[], knowledge: Knowledge, heldSlugs: ReadonlyMap<string, string> = new Map()): AssembledMeeting[] {
  const meetings = inputs.filter((i) => i.extraction.isMeeting);
  const bySeed = new Map(meetings.map((i) => [i.extraction.seed, i]));
  return planMeetings(meetings.map(mergeFactsOf), heldSlugs).map((plan) => buildMeeting(plan, (seed) => bySeed.get(seed)!, knowledge));
}

/**
 * Distinct slugs: two meetings on one day in one city get -2, -3 …. A meeting first keeps a slug
 * of its own base that its seeds were published under; the rest take the first free suffix, in
 * the order of their first seed. Depends only on the meetings and the ledger, not on reading order.
 */
function assignDistinctSlugs(planned: MeetingPlan[], heldSlugs: ReadonlyMap<string, string>): void {
  planned.sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : a.seeds[0]! < b.seeds[0]! ? -1 : 1));
  const byBase = new Map<string, MeetingPlan[]>();
  for (const a of planned) byBase.get(a.slug)?.push(a) ?? byBase.set(a.slug, [a]);
  for (const [base, group] of byBase) {
    const ofBase = (slug: string) => slug === base || (slug.startsWith(`${base}-`) && /^[2-9]\d*$|^\d{2,}$/.test(slug.slice(base.length + 1)));
    const taken = new Set<string>();
    const waiting: MeetingPlan[] = [];
    for (const a of group) {
      const held = [...new Set(a.seeds.map((seed) => heldSlugs.get(seed)).filter((s): s is string => !!s && ofBase(s)))].sort();
      const keep = held.find((s) => !taken.has(s));
      if (keep) {
        a.slug = keep;
        taken.add(keep);
      } else waiting.push(a);
    }
    for (const a of waiting) {
      let n = 1;
      let slug = base;
      while (taken.has(slug)) slug = `${base}-${++n}`;
      a.slug = slug;
      taken.add(slug);
    }
  }
  planned.sort((a, b) => (a.slug < b.slug ? -1 : 1));
}

/** A planned meeting's record, from its seeds' reports (`inputOf`), validated by the schema. */
export function buildMeeting(plan: MeetingPlan, inputOf: (seed: string) => MergeInput, knowledge: Knowledge): AssembledMeeting {
  const members = plan.seeds.map(inputOf);
  const xs = members.map((m) => m.extraction);
  const first = xs[0]!;
  const dated = [...xs].sort((a, b) => basisRank(a.date.basis) - basisRank(b.date.basis))[0]!;
  const placed = [...xs].sort((a, b) => placeRank(a.place.how) - placeRank(b.place.how))[0]!;

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
    slug: plan.slug,
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
    meeting: meetingSchema.parse(meeting),
    seeds: xs.map((x) => x.seed),
    sections: xs.map((x) => ({
      seed: x.seed,
      heading: [x.outlet ?? 'Unattributed report', x.headline].filter(Boolean).join(': '),
      paragraphs: x.paragraphs,
    })),
  };
}

function placeRank(how: PlaceFinding['how']): number {
  return ['meeting-sentence', 'occasion', 'dateline', 'unresolved'].indexOf(how);
}
