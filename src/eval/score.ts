/**
 * Scoring a conversion against truth: per field, how many records are right, and for each miss
 * what was expected and what came out. Pure: the eval command reads files and prints the result.
 * Dates are judged as a researcher would: a wrong date is worse than none, so `unresolved`
 * is counted apart from WRONG.
 */
import type { ConversionResult } from '../convert/collection.ts';
import type { Meeting } from '../schema/meeting.ts';
import { seedIdOf, type TruthEntry } from './truth.ts';

export interface FieldRow {
  /** What is measured: "date exact", "city". */
  field: string;
  right: number;
  total: number;
  /** The goal, for the table: a minimum share (0.9), or `none` when any count is a failure. */
  target: { atLeast: number } | { none: true } | { all: true } | null;
}

export interface Miss {
  seed: string;
  field: string;
  expected: string;
  got: string;
}

export interface EvalResult {
  rows: FieldRow[];
  misses: Miss[];
  /** Whether every row meets its target. */
  passed: boolean;
}

const norm = (s: string | null | undefined) =>
  (s ?? '').normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

const show = (v: unknown) => (v === null || v === undefined ? 'null' : Array.isArray(v) ? `[${v.join(', ')}]` : String(v));

/** The record and per-seed view of one seed in a conversion. */
interface SeedOutcome {
  status: 'converted' | 'merged' | 'skipped' | 'rejected' | 'absent';
  meeting: Meeting | null;
  reasons: string[];
  /** Topics this seed's own text gave (its evidence in the record). */
  topics: Set<string>;
  outlet: string | null;
}

function outcomeOf(seed: string, result: ConversionResult): SeedOutcome {
  const entry = result.report.find((r) => r.seed === seed);
  if (!entry) return { status: 'absent', meeting: null, reasons: [], topics: new Set(), outlet: null };
  const meeting = entry.slug ? (result.meetings.find((m) => m.meeting.slug === entry.slug)?.meeting ?? null) : null;
  return {
    status: entry.status,
    meeting,
    reasons: entry.reasons,
    topics: new Set(meeting?.evidence.topics.filter((t) => t.seed === seed).map((t) => t.topic) ?? []),
    outlet: meeting?.sources.find((s) => s.seed === seed)?.outlet ?? null,
  };
}

/**
 * Score a conversion. `truth` entries name files (`d01.txt`); `unlisted` are seed ids of files in
 * the corpus that truth leaves out on purpose (bad files): each must be reported, not converted.
 */
export function scoreConversion(truth: TruthEntry[], result: ConversionResult, unlisted: string[] = []): EvalResult {
  const misses: Miss[] = [];
  const miss = (seed: string, field: string, expected: unknown, got: unknown) => misses.push({ seed, field, expected: show(expected), got: show(got) });
  const count = { isMeeting: 0, dateExact: 0, dateUnresolved: 0, dateWrong: 0, basis: 0, basisTotal: 0, city: 0, country: 0, participants: 0, outlet: 0 };
  let meetings = 0;
  let topicsWanted = 0;
  let topicsFound = 0;
  let forbidden = 0;
  let forbiddenChecked = 0;
  let pairs = 0;
  let pairsMerged = 0;

  for (const t of truth) {
    const seed = seedIdOf(t.seed);
    const o = outcomeOf(seed, result);
    const recorded = o.status === 'converted' || o.status === 'merged';
    if (recorded === t.isMeeting) count.isMeeting++;
    else miss(seed, 'isMeeting', t.isMeeting, `${o.status}${o.reasons.length ? ` (${o.reasons[0]})` : ''}`);

    const m = o.meeting;
    for (const topic of t.mustNotTopics) {
      forbiddenChecked++;
      if (o.topics.has(topic)) {
        forbidden++;
        miss(seed, 'forbidden topic', `not ${topic}`, topic);
      }
    }
    if (!t.isMeeting) continue;
    meetings++;

    // Date: exact, unresolved (null where a day was due) or WRONG (a different day).
    const expectedDate = t.yearDeterminable ? t.date : null;
    const got = m?.date ?? null;
    if (got === expectedDate || (got !== null && got === t.date)) count.dateExact++;
    else if (got === null) {
      count.dateUnresolved++;
      miss(seed, 'date (unresolved)', expectedDate, `null — ${m?.dateNote ?? o.status}`);
    } else {
      count.dateWrong++;
      miss(seed, 'date WRONG', expectedDate, `${got} (${m?.dateBasis}: ${m?.dateNote})`);
    }
    if (t.dateBasis && t.dateBasis !== 'none') {
      count.basisTotal++;
      // The basis of this report's own reading: a merged record shows its partner's.
      const own = result.extractions.find((x) => x.seed === seed)?.date.basis ?? null;
      if (own === t.dateBasis) count.basis++;
      else miss(seed, 'dateBasis', t.dateBasis, own);
    }

    const cityNames = new Set([t.city, ...t.cityAliases].filter((c): c is string => !!c).map(norm));
    const city = m?.location.city ?? null;
    if ((t.city === null && city === null) || (city !== null && cityNames.has(norm(city)))) count.city++;
    else miss(seed, 'city', t.city, city);

    const country = m?.location.country ?? null;
    if (norm(country) === norm(t.country)) count.country++;
    else miss(seed, 'country', t.country, country);

    const people = (m?.participants ?? []).map((p) => p.name);
    const want = new Set(t.participants.map(norm));
    if (people.length === want.size && people.every((p) => want.has(norm(p)))) count.participants++;
    else miss(seed, 'participants', t.participants, people);

    if (norm(o.outlet) === norm(t.outlet)) count.outlet++;
    else miss(seed, 'outlet', t.outlet, o.outlet);

    topicsWanted += t.mustTopics.length;
    const lost = t.mustTopics.filter((topic) => !o.topics.has(topic));
    topicsFound += t.mustTopics.length - lost.length;
    if (lost.length) miss(seed, 'topics missed', lost, [...o.topics].sort());

    if (t.sameMeetingAs) {
      const other = outcomeOf(seedIdOf(t.sameMeetingAs), result);
      if (other.status !== 'absent') {
        pairs++;
        if (m && other.meeting && m.slug === other.meeting.slug) pairsMerged++;
        else miss(seed, 'duplicate', `one record with ${seedIdOf(t.sameMeetingAs)}`, `${m?.slug ?? o.status} / ${other.meeting?.slug ?? other.status}`);
      }
    }
  }

  let badReported = 0;
  for (const seed of unlisted) {
    const o = outcomeOf(seed, result);
    if ((o.status === 'rejected' || o.status === 'skipped') && o.reasons.length > 0) badReported++;
    else miss(seed, 'bad file', 'rejected with a reason', o.status);
  }

  const atLeast = (share: number) => ({ atLeast: share });
  const rows: FieldRow[] = [
    { field: 'isMeeting / skip', right: count.isMeeting, total: truth.length, target: { all: true } },
    { field: 'date exact', right: count.dateExact, total: meetings, target: atLeast(0.9) },
    { field: 'date unresolved', right: count.dateUnresolved, total: meetings, target: null },
    { field: 'date WRONG', right: count.dateWrong, total: meetings, target: { none: true } },
    { field: 'dateBasis agrees', right: count.basis, total: count.basisTotal, target: null },
    { field: 'city', right: count.city, total: meetings, target: atLeast(0.9) },
    { field: 'country', right: count.country, total: meetings, target: atLeast(0.9) },
    { field: 'participants', right: count.participants, total: meetings, target: atLeast(0.9) },
    { field: 'outlet', right: count.outlet, total: meetings, target: null },
    { field: 'topic recall', right: topicsFound, total: topicsWanted, target: atLeast(0.9) },
    { field: 'forbidden topics', right: forbidden, total: forbiddenChecked, target: { none: true } },
    { field: 'duplicates merged', right: pairsMerged, total: pairs, target: { all: true } },
    { field: 'bad files reported', right: badReported, total: unlisted.length, target: { all: true } },
  ];
  return { rows, misses, passed: rows.every(meetsTarget) };
}

export function meetsTarget(row: FieldRow): boolean {
  if (!row.target) return true;
  if ('none' in row.target) return row.right === 0;
  if ('all' in row.target) return row.right === row.total;
  return row.total === 0 || row.right / row.total >= row.target.atLeast;
}

/** The table the eval command prints: one row a field, with share and target. */
export function formatTable(result: EvalResult): string {
  const lines: string[] = [];
  const pct = (r: FieldRow) => (r.total === 0 ? '   -  ' : `${((100 * r.right) / r.total).toFixed(1).padStart(5)}%`);
  const goal = (r: FieldRow) =>
    !r.target ? '' : 'none' in r.target ? 'none' : 'all' in r.target ? 'all' : `≥ ${Math.round(r.target.atLeast * 100)}%`;
  lines.push(`${'field'.padEnd(20)} ${'count'.padStart(9)} ${'share'.padStart(6)}  ${'target'.padEnd(6)}  ok`);
  lines.push('-'.repeat(52));
  for (const r of result.rows) {
    const ok = r.target ? (meetsTarget(r) ? 'yes' : 'NO') : '';
    lines.push(`${r.field.padEnd(20)} ${`${r.right}/${r.total}`.padStart(9)} ${pct(r)}  ${goal(r).padEnd(6)}  ${ok}`);
  }
  return lines.join('\n');
}

export function formatMisses(misses: Miss[]): string {
  return misses.map((m) => `  ${m.seed}  ${m.field}: expected ${m.expected}, got ${m.got}`).join('\n');
}
