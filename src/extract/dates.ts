/**
 * resolveMeetingDate: which day the meeting took place, and how we know. Parsers (date-mentions)
 * propose; the refiners below settle, in order of strength:
 *   explicit  – the report states day, month and year for the meeting;
 *   dateline  – day and month from the report, year from its dateline or its own page stamp
 *               (a display date, a publication stamp, a copyright year agreeing with the weekday);
 *   sidecar   – day and month from the report, year from the sidecar's publication date;
 *   weekday   – day, month and weekday: the latest year not after the document's reference date
 *               in which that day was that weekday (and the participants were in office);
 *   knowledge – a dated reference event the report names (content/events.yaml);
 *   unresolved – none of these: the date stays null, with a warning. Never a guess.
 * What the text stated is kept apart from what was implied: each result says which parts were stated.
 */
import type { Knowledge } from '../knowledge/index.ts';
import type { Person } from '../knowledge/schema.ts';
import type { DateBasis } from '../schema/meeting.ts';
import {
  addDays, compareDays, daysBetween, type Day, formatDay, formatDayMonth, fromIso, isValidDay, toIso, weekdayNames, weekdayOf,
} from './calendar.ts';
import { blankAsides } from './clauses.ts';
import { findDateMentions, type DateMention } from './date-mentions.ts';
import type { ReportDocument, Zone } from './document.ts';
import { occasionEvents, type EventMention } from './events.ts';
import type { MeetingSentence } from './meeting.ts';
import { inOfficeOn } from './people.ts';

export interface LocatedDate extends DateMention {
  line: number;
  column: number;
  zone: Zone | 'dateline';
  chrome: boolean;
  /** The whole line or sentence the mention stands in. */
  context: string;
}

export interface DateFinding {
  date: string | null;
  basis: DateBasis;
  note: string;
  /** Which parts of the date the text stated outright (chrono's known vs implied values). */
  stated: { day: boolean; month: boolean; year: boolean };
  evidence: { line: number; text: string }[];
  /** Problems a reader should know of: rule and message, with the line they concern. */
  warnings: { rule: string; message: string; line: number; column: number }[];
  /** Day and month the report gives without a year, for merging with other reports. */
  dayMonth: { month: number; day: number } | null;
}

export interface DateContext {
  /** The document's own publication or retrieval date from its sidecar. */
  sidecarDate: string | null;
  /** Latest full date anywhere in the collection: the reference when a report has none. */
  corpusReferenceDate: string | null;
}

/**
 * Each document's dates, found once: reading a report finds its latest date, extracting it
 * later (after every report is read) finds the meeting's, both from all its lines. Copies go
 * out, so no caller sees another's changes.
 */
const located = new WeakMap<Knowledge, WeakMap<ReportDocument, LocatedDate[]>>();

/** Every date mention in the document, lines and datelines, with its zone. */
export function locateDates(doc: ReportDocument, knowledge: Knowledge): LocatedDate[] {
  let ofKnowledge = located.get(knowledge);
  if (!ofKnowledge) located.set(knowledge, (ofKnowledge = new WeakMap()));
  let found = ofKnowledge.get(doc);
  if (!found) ofKnowledge.set(doc, (found = scanDates(doc, knowledge)));
  return found.map((m) => ({ ...m }));
}

function scanDates(doc: ReportDocument, knowledge: Knowledge): LocatedDate[] {
  const out: LocatedDate[] = [];
  for (const line of doc.lines) {
    for (const m of findDateMentions(line.text, knowledge.words)) {
      const inDateline = doc.datelines.some((d) => d.line === line.line && (d.opensBody ? d.text.includes(m.text) && line.text.indexOf(m.text) < d.text.length + 2 : true));
      out.push({ ...m, line: line.line, column: line.column + m.index, zone: inDateline ? 'dateline' : line.zone, chrome: line.chrome, context: line.text });
    }
  }
  return out;
}

/** The latest full date a document prints anywhere: its reference date for the corpus. */
export function latestFullDate(doc: ReportDocument, knowledge: Knowledge): string | null {
  let latest: string | null = null;
  for (const m of locateDates(doc, knowledge)) {
    if (m.kind !== 'full') continue;
    const iso = toIso({ year: m.year!, month: m.month!, day: m.dayEnd ?? m.day! });
    if (!latest || iso > latest) latest = iso;
  }
  return latest;
}

const quote = (text: string) => `"${text.trim()}"`;

function dayOf(m: DateMention, year = m.year): Day | null {
  if (year === undefined || m.month === undefined || m.day === undefined) return null;
  return isValidDay(year, m.month, m.day) ? { year, month: m.month, day: m.day } : null;
}

/** A page's own stamp: a date standing in the header or footer, not in the report's sentences. */
function isStamp(m: LocatedDate): boolean {
  return m.zone === 'header' || m.zone === 'footer' || m.chrome;
}

interface Participants {
  known: Person[];
}

function inOffice(day: Day, who: Participants): boolean {
  return who.known.every((p) => inOfficeOn(p, toIso(day)));
}

export function resolveMeetingDate(
  doc: ReportDocument,
  primary: MeetingSentence | null,
  meetings: MeetingSentence[],
  events: EventMention[],
  participants: Participants,
  context: DateContext,
  knowledge: Knowledge,
  /** Gazetteer id of the meeting's place, when settled. */
  placeId: string | null = null,
): DateFinding {
  const all = locateDates(doc, knowledge);
  const warnings: DateFinding['warnings'] = [];
  const occasions = occasionEvents(events);
  const participantIds = new Set(primary?.people.map((p) => p.id) ?? []);
  // Sentences that report this meeting: the primary one, then others naming the same people.
  const sameMeeting = meetings.filter(
    (m) => m === primary || m.people.filter((p) => participantIds.has(p.id)).length >= Math.min(2, participantIds.size),
  );
  // Days in an aside about a person ("who flew in on Sunday") are not the meeting's.
  const inSentence = (m: MeetingSentence) => findDateMentions(blankAsides(m.sentence.text, knowledge.words), knowledge.words).map((d) => ({ ...d, sentence: m }));

  const sentenceDates = sameMeeting.flatMap(inSentence);
  const stated = sentenceDates.find((d) => d.kind === 'full' || d.kind === 'dayMonth');
  const weekdayMention = sentenceDates.find((d) => d.kind === 'weekday');
  const weekday = weekdayMention?.weekday;
  const datelineDates = all.filter((d) => d.zone === 'dateline' && (d.kind === 'full' || d.kind === 'dayMonth'));
  const datelineDate = datelineDates[0];

  const result = (date: Day | null, basis: DateBasis, note: string, evidence: { line: number; text: string }[], statedParts: DateFinding['stated'], dm: DateFinding['dayMonth']): DateFinding => {
    if (date && weekday !== undefined && weekdayOf(date) !== weekday && weekdayMention) {
      warnings.push({
        rule: 'date/weekday-mismatch',
        message: `${formatDay(date)} was a ${weekdayNames[weekdayOf(date)]}, but the report says "${weekdayMention.text}"`,
        line: weekdayMention.sentence.sentence.line,
        column: weekdayMention.sentence.sentence.column,
      });
    }
    if (date && occasions.length > 0 && !occasions.some((o) => withinEvent(date, o, 2))) {
      const o = occasions[0]!;
      warnings.push({
        rule: 'date/outside-occasion',
        message: `${formatDay(date)} is outside ${o.event.name} (${o.event.start} to ${o.event.end})`,
        line: o.sentence.line,
        column: o.sentence.column,
      });
    }
    return { date: date ? toIso(date) : null, basis, note, stated: statedParts, evidence, warnings, dayMonth: dm };
  };

  type Quoted = LocatedDate | { line: number; context?: string; text: string } | { sentence: MeetingSentence; text: string };
  const evidenceOf = (...ms: (Quoted | undefined)[]) =>
    ms.filter((m): m is Quoted => !!m).map((m) =>
      'sentence' in m ? { line: m.sentence.sentence.line, text: m.sentence.sentence.text } : { line: m.line, text: ('context' in m && m.context) || m.text },
    );

  // Day and month of the meeting: from a sentence reporting it, else from the dateline.
  const dmSource = stated ?? datelineDate;
  if (dmSource?.kind === 'full') {
    const day = dayOf(dmSource)!;
    const fromDateline = !stated;
    const where = fromDateline ? `the dateline ${quote(dmSource.text)}` : `the report: ${quote(dmSource.text)}`;
    return result(day, fromDateline ? 'dateline' : 'explicit', `Stated in ${where}.`, evidenceOf(dmSource as LocatedDate), { day: true, month: true, year: true }, { month: day.month, day: day.day });
  }

  if (dmSource && dmSource.month !== undefined && dmSource.day !== undefined) {
    const { month, day } = dmSource;
    const dm = { month, day };
    const dmText = quote(dmSource.text);
    const statedParts = { day: true, month: true, year: false };
    // 1. The same day and month with a year, elsewhere in the document.
    const sameDay = all.filter((d) => d.kind === 'full' && d.month === month && (d.day === day || (d.day! <= day && (d.dayEnd ?? 0) >= day)));
    // A place-and-date sign-off after the report ("Ривертон, 9 апреля 2024 года") is the report's own words.
    const isSignOff = (d: LocatedDate) => d.zone === 'dateline' && doc.lines.some((l) => l.line === d.line && l.zone === 'footer' && !l.chrome);
    const inText = sameDay.find((d) => (!isStamp(d) && d.zone !== 'dateline') || isSignOff(d));
    const onPage = sameDay.find((d) => isStamp(d) || d.zone === 'dateline');
    if (inText) {
      return result({ year: inText.year!, month, day }, 'explicit', `${dmText}; the year from the report's own words ${quote(inText.text)} (line ${inText.line}).`, evidenceOf(dmSource as LocatedDate, inText), { day: true, month: true, year: true }, dm);
    }
    if (onPage) {
      return result({ year: onPage.year!, month, day }, 'dateline', `${dmText}; the year from the page's date ${quote(onPage.text)} (line ${onPage.line}).`, evidenceOf(dmSource as LocatedDate, onPage), statedParts, dm);
    }
    // 2. A year stamp (copyright, "2024 года") that the weekday confirms.
    if (weekday !== undefined) {
      const yearStamp = all.find((d) => d.kind === 'year' && isValidDay(d.year!, month, day) && weekdayOf({ year: d.year!, month, day }) === weekday);
      if (yearStamp) {
        return result({ year: yearStamp.year!, month, day }, 'dateline', `${dmText}; the year from the page's ${quote(yearStamp.text)} (line ${yearStamp.line}), confirmed by "${weekdayMention!.text}": ${formatDay({ year: yearStamp.year!, month, day })} was a ${weekdayNames[weekday]}.`, evidenceOf(dmSource as LocatedDate, yearStamp), statedParts, dm);
      }
    }
    // 3. The sidecar's publication date: the latest such day not after it.
    if (context.sidecarDate) {
      const pub = fromIso(context.sidecarDate);
      let year = pub.year;
      if (compareDays({ year, month, day }, pub) > 0) year -= 1;
      const candidate = { year, month, day };
      if (isValidDay(year, month, day) && daysBetween(candidate, pub) <= 300 && (weekday === undefined || weekdayOf(candidate) === weekday)) {
        return result(candidate, 'sidecar', `${dmText}; the year from the sidecar's date ${context.sidecarDate}, the latest ${formatDayMonth(month, day)} not after it.`, evidenceOf(dmSource as LocatedDate), statedParts, dm);
      }
    }
    // 4. The weekday: the latest year not after the reference date with that weekday — unless a
    //    dated event at the meeting's place fits the same day and weekday in another year: an
    //    event the report names is better evidence than the latest year that happens to fit.
    const byEvent = yearFromEvents(events, month, day, weekday, placeId);
    const fromEvent = () => result(byEvent!.day, 'knowledge', `${dmText}; ${byEvent!.why}`, evidenceOf(dmSource as LocatedDate, { line: byEvent!.mention.sentence.line, text: byEvent!.mention.sentence.text }), statedParts, dm);
    const own = ownReferenceDate(all);
    const reference = own ?? context.corpusReferenceDate;
    if (weekday !== undefined && reference) {
      const ref = fromIso(reference);
      for (let year = ref.year; year >= ref.year - 30; year--) {
        const candidate = { year, month, day };
        if (!isValidDay(year, month, day) || compareDays(candidate, ref) > 0) continue;
        if (weekdayOf(candidate) !== weekday) continue;
        if (!inOffice(candidate, participants)) continue;
        if (byEvent && byEvent.day.year !== year) return fromEvent();
        return result(candidate, 'weekday', `${dmText} and "${weekdayMention!.text}": ${formatDayMonth(month, day)} was a ${weekdayNames[weekday]} in ${year}, the latest such year not after ${formatDay(ref)} (the ${own === null ? "collection's latest date" : "page's own date"}).`, evidenceOf(dmSource as LocatedDate, weekdayMention), statedParts, dm);
      }
    }
    // 5. A dated event the report names.
    if (byEvent) return fromEvent();
    warnings.push({ rule: 'date/year-unresolved', message: `${dmText} has no year, and nothing in the report settles it`, line: (dmSource as LocatedDate).line ?? primary?.sentence.line ?? 0, column: (dmSource as LocatedDate).column ?? primary?.sentence.column ?? 0 });
    return result(null, 'unresolved', `${dmText} has no year, and nothing in the report settles it.`, evidenceOf(dmSource as LocatedDate), statedParts, dm);
  }

  // No day and month for the meeting. A stamp and the meeting's weekday: the latest such day.
  const stamp = all.find((d) => d.kind === 'full' && (isStamp(d) || d.zone === 'dateline'));
  if (weekday !== undefined && stamp) {
    const stampDay = dayOf(stamp)!;
    const back = (weekdayOf(stampDay) - weekday + 7) % 7;
    const candidate = addDays(stampDay, -back);
    const fitsOccasion = occasions.length === 0 || occasions.some((o) => withinEvent(candidate, o, 2));
    if (fitsOccasion && inOffice(candidate, participants)) {
      const how = back === 0 ? 'the same day' : `${back} day${back > 1 ? 's' : ''} before it`;
      return result(candidate, 'dateline', `${quote(weekdayMention!.text)} in the report, dated ${quote(stamp.text)} (line ${stamp.line}): ${how}.`, evidenceOf(stamp, weekdayMention), { day: false, month: false, year: false }, null);
    }
  }
  // "Met yesterday" / "today" in a report that prints its own date.
  if (weekday === undefined && stamp) {
    for (const [words, offset, how] of [[knowledge.words.yesterdayWords, -1, 'the day before'], [knowledge.words.todayWords, 0, 'the same day']] as const) {
      const said = sameMeeting.map((m) => ({ m, hit: words.find(blankAsides(m.sentence.text, knowledge.words))[0] })).find((x) => x.hit);
      if (!said) continue;
      const candidate = addDays(dayOf(stamp)!, offset);
      if ((occasions.length === 0 || occasions.some((o) => withinEvent(candidate, o, 2))) && inOffice(candidate, participants)) {
        return result(candidate, 'dateline', `${quote(said.hit!.text)} in the report, dated ${quote(stamp.text)} (line ${stamp.line}): ${how}.`, [{ line: stamp.line, text: stamp.context }, { line: said.m.sentence.line, text: said.m.sentence.text }], { day: false, month: false, year: false }, null);
      }
    }
  }
  // An occasion from the events file: its single day, or the one day of it on the weekday given.
  // Several events of a series at one place (a regional group's meetings in July, its summit in the autumn)
  // are told apart only by the page's own year; otherwise the day stays open.
  let occasion = occasions.length === 1 ? occasions[0]! : null;
  if (occasions.length > 1) {
    const pageYears = new Set(all.filter((d) => d.year !== undefined && (isStamp(d) || d.zone === 'dateline')).map((d) => d.year!));
    const ofYear = occasions.filter((o) => pageYears.has(fromIso(o.event.start).year));
    if (ofYear.length === 1) occasion = ofYear[0]!;
  }
  if (occasion) {
    const start = fromIso(occasion.event.start);
    const end = fromIso(occasion.event.end);
    const span = daysBetween(start, end);
    const named = `${occasion.event.name}, ${formatDay(start)}${span > 0 ? ` to ${formatDay(end)}` : ''}`;
    const cue = { line: occasion.sentence.line, text: occasion.sentence.text };
    if (span === 0) {
      return result(start, 'knowledge', `At ${named} (content/events.yaml), named as ${quote(occasion.cue)} (line ${occasion.sentence.line}).`, [cue], { day: false, month: false, year: false }, null);
    }
    for (const w of reportWeekdays(doc, knowledge)) {
      const days = Array.from({ length: span + 1 }, (_, i) => addDays(start, i)).filter((d) => weekdayOf(d) === w.weekday);
      if (days.length === 1) {
        return result(days[0]!, 'knowledge', `At ${named} (content/events.yaml); of its days only ${formatDay(days[0]!)} was a ${weekdayNames[w.weekday]}: ${quote(w.phrase)} (line ${w.line}).`, [cue, { line: w.line, text: w.context }], { day: false, month: false, year: false }, null);
      }
    }
    warnings.push({ rule: 'date/day-unresolved', message: `the meeting was at ${named}, but the report does not say on which day`, line: occasion.sentence.line, column: occasion.sentence.column });
    return result(null, 'unresolved', `At ${named}; the report does not say on which day.`, [cue], { day: false, month: false, year: false }, null);
  }
  if (occasions.length > 1) {
    const o = occasions[0]!;
    const list = occasions.map((x) => `${x.event.start}`).join(', ');
    warnings.push({ rule: 'date/event-ambiguous', message: `${quote(o.cue)} fits several events in content/events.yaml (${list}); nothing in the report tells which`, line: o.sentence.line, column: o.sentence.column });
    return result(null, 'unresolved', `${quote(o.cue)} fits several dated events (${list}); the report does not say which.`, [{ line: o.sentence.line, text: o.sentence.text }], { day: false, month: false, year: false }, null);
  }
  const at = primary?.sentence ?? { line: 0, column: 0 };
  warnings.push({ rule: 'date/unresolved', message: 'the report gives no date for the meeting', line: at.line, column: at.column });
  return result(null, 'unresolved', 'The report gives no date for the meeting.', primary ? [{ line: primary.sentence.line, text: primary.sentence.text }] : [], { day: false, month: false, year: false }, null);
}

/** The page's own latest full date (display date, publication stamp): its reference date. */
function ownReferenceDate(all: LocatedDate[]): string | null {
  let latest: string | null = null;
  for (const m of all) {
    if (m.kind !== 'full' || !(isStamp(m) || m.zone === 'dateline')) continue;
    const iso = toIso({ year: m.year!, month: m.month!, day: m.day! });
    if (!latest || iso > latest) latest = iso;
  }
  return latest;
}

/** Weekdays in sentences of the report that are not about the future: "said on Thursday". */
function reportWeekdays(doc: ReportDocument, knowledge: Knowledge): { weekday: number; line: number; context: string; phrase: string }[] {
  const out: { weekday: number; line: number; context: string; phrase: string }[] = [];
  for (const s of doc.sentences) {
    if (s.zone !== 'body' || knowledge.words.notYetMarkers.test(s.text) || knowledge.words.futureMarkers.test(s.text)) continue;
    for (const m of findDateMentions(s.text, knowledge.words)) {
      if (m.kind === 'weekday') out.push({ weekday: m.weekday!, line: s.line, context: s.text, phrase: phraseAround(s.text, m) });
    }
  }
  return out;
}

/** The mention with the word before it ("on Thursday", "в четверг"): enough for a reader to find it. */
function phraseAround(text: string, m: { index: number; end: number }): string {
  const before = text.slice(0, m.index).trimEnd().split(/\s+/).at(-1) ?? '';
  return `${/^[\p{L}]{1,4}$/u.test(before) ? `${before} ` : ''}${text.slice(m.index, m.end)}`;
}

/** Whether a day falls within an event, give or take `slack` days. */
function withinEvent(day: Day, e: EventMention, slack: number): boolean {
  return compareDays(day, addDays(fromIso(e.event.start), -slack)) >= 0 && compareDays(day, addDays(fromIso(e.event.end), slack)) <= 0;
}

/**
 * A year from events: an event at the meeting's place whose days (give or take one) include the
 * day and month — one year only, after the weekday has had its say — or an earlier event recalled
 * as "this March".
 */
function yearFromEvents(events: EventMention[], month: number, day: number, weekday: number | undefined, placeId: string | null): { day: Day; why: string; mention: EventMention } | null {
  const atPlace = events.filter((e) => e.role === 'occasion' || (placeId !== null && e.event.place === placeId));
  let fits: { day: Day; mention: EventMention }[] = [];
  for (const e of atPlace) {
    for (const year of new Set([fromIso(e.event.start).year, fromIso(e.event.end).year])) {
      if (!isValidDay(year, month, day)) continue;
      const candidate = { year, month, day };
      if (withinEvent(candidate, e, 1) && !fits.some((f) => f.mention.event.id === e.event.id)) fits.push({ day: candidate, mention: e });
    }
  }
  if (fits.some((f) => f.mention.specific)) fits = fits.filter((f) => f.mention.specific);
  if (weekday !== undefined) fits = fits.filter((f) => weekdayOf(f.day) === weekday);
  const years = new Set(fits.map((f) => f.day.year));
  if (years.size === 1) {
    const { day: found, mention: e } = fits[0]!;
    return { day: found, why: `the year from ${e.event.name} (${e.event.start} to ${e.event.end}, content/events.yaml), named as ${quote(e.cue)} (line ${e.sentence.line}).`, mention: e };
  }
  if (years.size > 1) return null;
  // Only "this March" ties a recalled event to the meeting's year; a dated mention of it does not.
  const recalled = events.filter((x) => x.role === 'reference' && x.tie === 'this-month');
  const recalledYears = new Set<number>();
  let first: { day: Day; why: string; mention: EventMention } | null = null;
  for (const e of recalled) {
    const start = fromIso(e.event.start);
    const candidate = { year: start.year, month, day };
    if (!isValidDay(candidate.year, month, day) || compareDays(candidate, start) < 0) continue;
    recalledYears.add(candidate.year);
    first ??= {
      day: candidate,
      why: `the year from ${quote(e.dateText ?? '')} with ${quote(e.cue)} (line ${e.sentence.line}): ${e.event.name}, ${e.event.start} (content/events.yaml).`,
      mention: e,
    };
  }
  return recalledYears.size === 1 ? first : null;
}
