/**
 * The timeline as a view model: one bar per year from the first year with meetings to the last,
 * years without any included so that gaps show, each bar labelled with its year and count and,
 * when it has meetings, a link to its year page.
 */
import { meetingsPhrase } from './words.ts';

export interface YearCounts {
  /** Meetings per year, only years with at least one. */
  counts: ReadonlyMap<number, number>;
  /** Meetings whose date is not settled: they belong to no bar. */
  undated: number;
}

/** Count meetings per year from their dates (`YYYY-MM-DD` or null). */
export function countByYear(dates: Iterable<string | null>): YearCounts {
  const counts = new Map<number, number>();
  let undated = 0;
  for (const date of dates) {
    const year = date ? Number(date.slice(0, 4)) : NaN;
    if (!Number.isInteger(year)) {
      undated++;
      continue;
    }
    counts.set(year, (counts.get(year) ?? 0) + 1);
  }
  return { counts, undated };
}

export interface YearBar {
  year: number;
  count: number;
  /** Left edge and width of the bar's column (the link's whole area), user units. */
  x: number;
  width: number;
  /** Bar rectangle. */
  barX: number;
  barY: number;
  barWidth: number;
  barHeight: number;
  /** Centre of the column, where the year and count are written. */
  cx: number;
  /** Baseline of the count label, just above the bar. */
  countY: number;
  /** The year page, or null for a year without meetings (it has no page). */
  href: string | null;
  /** "2023: 3 meetings" */
  label: string;
  current: boolean;
}

export interface YearBarsOptions {
  /** Link to a year's page, base path included. */
  yearHref: (year: number) => string;
  /** A year to highlight (default: none). */
  current?: number | null;
  /** Width of one year's column in user units (default: 44). */
  column?: number;
  /** Height of the tallest bar in user units (default: 96). */
  barArea?: number;
  /** The drawing is at least this many columns wide, so a lone bar is not a sliver (default: 6). */
  minColumns?: number;
}

export interface YearBarsModel {
  width: number;
  height: number;
  viewBox: string;
  /** y of the line the bars stand on; year labels sit below it. */
  baseline: number;
  /** y of the year labels' baseline. */
  yearY: number;
  bars: YearBar[];
  /** Meetings in all bars. */
  total: number;
  undated: number;
  first: number;
  last: number;
}

const top = 22; // room for the count above the tallest bar
const bottom = 26; // room for the year below the baseline

/** Null when no meeting has a year: there is nothing to draw. */
export function yearBars({ counts, undated }: YearCounts, options: YearBarsOptions): YearBarsModel | null {
  const { yearHref, current = null, column = 44, barArea = 96, minColumns = 6 } = options;
  const years = [...counts.keys()].filter((y) => (counts.get(y) ?? 0) > 0);
  if (years.length === 0) return null;
  const first = Math.min(...years);
  const last = Math.max(...years);
  const most = Math.max(...years.map((y) => counts.get(y)!));
  const barWidth = Math.round(column * 0.64);
  const baseline = top + barArea;
  const bars: YearBar[] = [];
  let total = 0;
  for (let year = first; year <= last; year++) {
    const count = counts.get(year) ?? 0;
    total += count;
    const x = (year - first) * column;
    // A bar for one meeting is never thinner than a line, however many the tallest has.
    const barHeight = count === 0 ? 0 : Math.max(3, Math.round((count / most) * barArea));
    bars.push({
      year,
      count,
      x,
      width: column,
      barX: x + (column - barWidth) / 2,
      barY: baseline - barHeight,
      barWidth,
      barHeight,
      cx: x + column / 2,
      countY: baseline - barHeight - 6,
      href: count > 0 ? yearHref(year) : null,
      label: `${year}: ${meetingsPhrase(count)}`,
      current: year === current,
    });
  }
  const width = Math.max(bars.length, minColumns) * column;
  const height = baseline + bottom;
  return { width, height, viewBox: `0 0 ${width} ${height}`, baseline, yearY: baseline + 18, bars, total, undated, first, last };
}
