/** Words a reader sees: dates, places, counts, and how a date was settled. */
import type { DateBasis, Meeting } from '../schema/meeting.ts';

const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

// Every page formats the dates of the meetings it links to: each date once per build.
const formatted = new Map<string, string>();

/** "2023-07-13" → "13 July 2023"; null → "Date not settled". */
export function formatDate(iso: string | null): string {
  if (!iso) return 'Date not settled';
  let text = formatted.get(iso);
  if (text === undefined) {
    const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
    text = `${d} ${months[m - 1]} ${y}`;
    formatted.set(iso, text);
  }
  return text;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** How each basis reads next to the date. */
const basisWords: Record<DateBasis, string> = {
  explicit: 'stated in the report',
  dateline: 'from the dateline',
  sidecar: 'year inferred from the publication date',
  weekday: 'year inferred from the weekday',
  knowledge: 'inferred from a known event',
  override: 'corrected by an editor',
  unresolved: 'date not settled',
};

export interface DateStatement {
  /** "13 July 2023" or "Date not settled". */
  text: string;
  /** ISO day for <time datetime>, or null. */
  iso: string | null;
  /** "year inferred from the weekday", "date not settled", … */
  basis: string;
  /** The converter's note: what in the text gave the date. */
  note: string;
  settled: boolean;
  /** True when the reader should know the date was inferred rather than stated. */
  inferred: boolean;
}

export function dateStatement(m: Pick<Meeting, 'date' | 'dateBasis' | 'dateNote'>): DateStatement {
  const settled = m.date !== null && m.dateBasis !== 'unresolved';
  return {
    text: formatDate(settled ? m.date : null),
    iso: settled ? m.date : null,
    basis: basisWords[m.dateBasis],
    note: m.dateNote,
    settled,
    inferred: ['sidecar', 'weekday', 'knowledge'].includes(m.dateBasis),
  };
}

/** "Riverton, Norland"; a country alone; or "Place not settled". */
export function placeLabel(m: Pick<Meeting, 'location'>): string {
  const { city, country } = m.location;
  if (city && country) return `${city}, ${country}`;
  return city ?? country ?? 'Place not settled';
}

/** Year of a meeting, or null when undated. */
export function yearOf(m: Pick<Meeting, 'date'>): string | null {
  return m.date ? m.date.slice(0, 4) : null;
}
