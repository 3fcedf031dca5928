/**
 * Date parsers: every way a report writes a day, a month, a weekday or a year, found with its
 * position. Parsers only propose mentions; `dates.ts` decides which one is the meeting's.
 */
import type { MergedLanguage } from '../knowledge/index.ts';
import { isValidDay } from './calendar.ts';

export type DateMentionKind = 'full' | 'dayMonth' | 'weekday' | 'year' | 'thisMonth';

export interface DateMention {
  kind: DateMentionKind;
  year?: number;
  month?: number;
  day?: number;
  /** Last day of a range ("13-14 July"). */
  dayEnd?: number;
  weekday?: number;
  /** A year from a copyright notice. */
  copyright?: boolean;
  text: string;
  index: number;
  end: number;
}

interface Parser {
  kind: DateMentionKind;
  re: RegExp;
  /** Whether its pattern needs an ASCII digit (`\d` is ASCII only, even with the `u` flag). */
  digits: boolean;
  /**
   * Part of its pattern, with its flags, that every match contains: a text without it is not
   * scanned. Found without the lookarounds and Unicode letter classes around it, a line is
   * ruled out several times faster than by the parser's own pattern.
   */
  needs?: RegExp;
  read: (m: RegExpMatchArray, words: MergedLanguage) => Partial<DateMention> | null;
}

const monthOf = (words: MergedLanguage, name: string) => words.months.get(name.toLowerCase().replace(/\.$/, ''));
/** English month and weekday names are capitalised; "may" in lower case is a verb. */
const properlyCased = (word: string) => !/^[a-z]/.test(word);

function parsers(words: MergedLanguage): Parser[] {
  const M = words.monthAlternation;
  const W = words.weekdayAlternation;
  const Y = words.yearWords.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  const yearTail = Y ? `(?:\\s*(?:${Y}))?` : '';
  const range = `(?:\\s*[-–]\\s*(\\d{1,2}))?`;
  const notLetter = '(?![\\p{L}])';
  // "9th April", "9th of April": an English ordinal before the month.
  const ordinal = '(?:st|nd|rd|th)?';
  const of = '(?:of\\s+)?';
  return [
    {
      kind: 'full',
      digits: true,
      re: /(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2})?Z?)?(?![\d-])/gu,
      read: (m) => ({ year: +m[1]!, month: +m[2]!, day: +m[3]! }),
    },
    {
      kind: 'full',
      digits: true,
      re: /(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\d.])/gu,
      read: (m) => ({ day: +m[1]!, month: +m[2]!, year: +m[3]! }),
    },
    {
      kind: 'full',
      digits: true,
      re: new RegExp(`(?<!\\d)(\\d{1,2})${ordinal}${range}\\s+${of}(${M})\\.?,?\\s+(\\d{4})${yearTail}(?!\\d)`, 'giu'),
      read: (m, w) => properlyCased(m[3]!) ? { day: +m[1]!, dayEnd: m[2] ? +m[2] : undefined, month: monthOf(w, m[3]!), year: +m[4]! } : null,
    },
    {
      kind: 'full',
      digits: true,
      re: new RegExp(`(?<![\\p{L}])(${M})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?${range},?\\s+(\\d{4})(?!\\d)`, 'giu'),
      read: (m, w) => properlyCased(m[1]!) ? { month: monthOf(w, m[1]!), day: +m[2]!, dayEnd: m[3] ? +m[3] : undefined, year: +m[4]! } : null,
    },
    {
      kind: 'year',
      digits: true,
      re: /(?:©|\(c\)|copyright)\s*(\d{4})(?!\d)/giu,
      read: (m) => ({ year: +m[1]!, copyright: true }),
    },
    ...(Y
      ? [{
          kind: 'year' as const,
      digits: true,
          re: new RegExp(`(?<![\\d.])(\\d{4})\\s*(?:${Y})${notLetter}`, 'giu'),
          read: (m: RegExpMatchArray) => ({ year: +m[1]! }),
        }]
      : []),
    {
      kind: 'dayMonth',
      digits: true,
      re: new RegExp(`(?<![\\d.])(\\d{1,2})${ordinal}${range}\\s+${of}(${M})\\.?${notLetter}`, 'giu'),
      read: (m, w) => properlyCased(m[3]!) ? { day: +m[1]!, dayEnd: m[2] ? +m[2] : undefined, month: monthOf(w, m[3]!) } : null,
    },
    {
      kind: 'dayMonth',
      digits: true,
      re: new RegExp(`(?<![\\p{L}])(${M})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?${range}(?![\\d:])`, 'giu'),
      read: (m, w) => properlyCased(m[1]!) ? { month: monthOf(w, m[1]!), day: +m[2]!, dayEnd: m[3] ? +m[3] : undefined } : null,
    },
    {
      kind: 'thisMonth',
      digits: false,
      needs: new RegExp(words.thisWords.join('|') || 'this', 'iu'),
      re: new RegExp(`(?<![\\p{L}])(?:${words.thisWords.join('|') || 'this'})\\s+(${words.fullMonthAlternation})${notLetter}`, 'giu'),
      read: (m, w) => properlyCased(m[1]!) ? { month: monthOf(w, m[1]!) } : null,
    },
    {
      kind: 'weekday',
      digits: false,
      needs: W ? new RegExp(W, 'iu') : undefined,
      re: new RegExp(`(?<![\\p{L}])(${W})${notLetter}`, 'giu'),
      read: (m, w) => properlyCased(m[1]!) ? { weekday: w.weekdays.get(m[1]!.toLowerCase()) } : null,
    },
  ];
}

const cache = new WeakMap<MergedLanguage, Parser[]>();

/** Every date mention in a piece of text; where two parsers overlap, the earlier (fuller) wins. */
export function findDateMentions(text: string, words: MergedLanguage): DateMention[] {
  let list = cache.get(words);
  if (!list) cache.set(words, (list = parsers(words)));
  const found: DateMention[] = [];
  // Most lines have no digit: only the weekday and "this month" parsers can match there.
  const hasDigit = /[0-9]/.test(text);
  for (const parser of list) {
    if ((parser.digits && !hasDigit) || (parser.needs && !parser.needs.test(text))) continue;
    // exec, not matchAll: matchAll copies the expression on every call, and most lines are short.
    // No parser's pattern matches the empty string, so the loop always advances.
    parser.re.lastIndex = 0;
    for (let m = parser.re.exec(text); m !== null; m = parser.re.exec(text)) {
      const index = m.index;
      const end = index + m[0].length;
      if (found.some((f) => index < f.end && end > f.index)) continue;
      const fields = parser.read(m, words);
      if (!fields) continue;
      const { year = 2000, month, day, dayEnd } = fields;
      if (month !== undefined && day !== undefined && !isValidDay(year, month, day)) continue;
      if (dayEnd !== undefined && (dayEnd <= (day ?? 0) || dayEnd > 31)) continue;
      if (fields.year !== undefined && (fields.year < 1900 || fields.year > 2200)) continue;
      if (parser.kind !== 'weekday' && parser.kind !== 'year' && month === undefined) continue;
      found.push({ kind: parser.kind, ...fields, text: m[0], index, end } as DateMention);
    }
  }
  return found.sort((a, b) => a.index - b.index);
}
