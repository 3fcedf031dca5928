/**
 * The shape of a report: which lines are the header (masthead, display date, headline), the
 * body (the report's prose) and the footer; its dateline; and its sentences with positions.
 */
import type { Knowledge } from '../knowledge/index.ts';
import type { SourceLine } from './clean.ts';
import { countWords } from './phrase.ts';

export type Zone = 'header' | 'headline' | 'body' | 'footer';

export interface Sentence {
  text: string;
  line: number;
  column: number;
  zone: Zone;
  /** Index of the line (in `ReportDocument.lines`) the sentence comes from. */
  lineIndex: number;
}

export interface Dateline {
  /** The words of the dateline as printed: "RIVERTON, July 13./NPA/." */
  text: string;
  /** Its leading place words: "RIVERTON", "Eastport (North Cape)". */
  placeText: string;
  /** What follows the place, where a date may stand: "July 13", "14 April 2023". */
  rest: string;
  /** Agency code printed with it: "NPA", "RNA". */
  code: string | null;
  line: number;
  column: number;
  /** true: opens the first paragraph; false: a line of its own ("Eastport (North Cape), 4 May 2023"). */
  opensBody: boolean;
}

export interface ReportDocument {
  seed: string;
  lines: (SourceLine & { zone: Zone })[];
  headline: string | null;
  headlineSuffix: string | null;
  datelines: Dateline[];
  /** Headline and body sentences, in order, datelines cut off. */
  sentences: Sentence[];
}

/** A line of report prose, as opposed to a label, a menu or a headline. */
function isProse(text: string): boolean {
  const words = countWords(text);
  return words >= 20 || (words >= 8 && /[.!?»"”)]$/.test(text));
}

const separatorPattern =
  /^(?<prefix>[\p{Lu}][^—–:\n]{1,70}?)\s*(?:\/(?<code>[^/\s][^/]{0,20})\/\s*\.?|\s[—–-]{1,2}\s|:\s)\s*(?=[\p{Lu}"“«])/u;

/** True when words name a place in the gazetteer or are printed in capitals like a dateline. */
function isPlaceWords(words: string, knowledge: Knowledge): boolean {
  const first = words.split(/[,(]/)[0]!.trim();
  if (!first || countWords(first) > 4) return false;
  if (knowledge.placeNames.find(first).some((h) => h.index === 0)) return true;
  const letters = first.replace(/[^\p{L}]/gu, '');
  return letters.length >= 3 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

function splitPrefix(prefix: string): { placeText: string; rest: string; code: string | null } {
  let code: string | null = null;
  let rest = prefix.trim().replace(/\.$/, '');
  const paren = rest.match(/\s*\(([\p{Lu}][\p{L}\s.]{1,20})\)\s*$/u);
  const placeMatch = rest.match(/^([^,]+?(?:\s*\([^)]*\))?)(?:,\s*|$)/u);
  const placeText = placeMatch ? placeMatch[1]!.trim() : rest;
  if (paren && !placeText.endsWith(paren[0].trim())) {
    code = paren[1]!.trim();
    rest = rest.slice(0, rest.length - paren[0].length);
  }
  return { placeText, rest: rest.slice(placeMatch?.[0].length ?? rest.length).trim(), code };
}

/** A dateline opening a paragraph: "TUNXI, China, March 30 (CWS) - Russian Foreign…". */
export function findOpeningDateline(text: string, knowledge: Knowledge): Omit<Dateline, 'line' | 'column' | 'opensBody'> | null {
  const m = text.match(separatorPattern);
  if (!m?.groups) return null;
  const prefix = m.groups.prefix!;
  if (!isPlaceWords(prefix, knowledge)) return null;
  const parts = splitPrefix(prefix);
  return { text: m[0].trim(), ...parts, code: m.groups.code ?? parts.code };
}

/** A dateline on a line of its own: "Eastport (North Cape), 4 May 2023", "Ривертон, 9 апреля 2024 года". */
function findLineDateline(text: string, knowledge: Knowledge): Omit<Dateline, 'line' | 'column' | 'opensBody'> | null {
  if (text.length > 60 || !/\d/.test(text) || !text.includes(',')) return null;
  if (!isPlaceWords(text, knowledge)) return null;
  const parts = splitPrefix(text);
  if (!/\d/.test(parts.rest)) return null;
  return { text, ...parts };
}

const abbreviations = /(?:\b(?:Mr|Mrs|Ms|Dr|St|No|Gen|Lt|Col|Sen|Rep|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|vs|etc|U\.S|U\.N|г|гг|им|т\.е)|\b\p{Lu})\.$/u;

/**
 * A full stop inside a short quotation is not a sentence end: the title
 * "Central and South Asia: Regional Connectivity. Challenges and Opportunities" is one phrase.
 * Long quotations (a whole statement) still split into sentences.
 */
function insideShortQuote(text: string): boolean {
  const straight = (text.match(/"/g) ?? []).length;
  const opened = Math.max(text.lastIndexOf('“'), text.lastIndexOf('«'), straight % 2 === 1 ? text.lastIndexOf('"') : -1);
  if (opened < 0) return false;
  const closedAfter = /[”»]/.test(text.slice(opened + 1)) || (text[opened] === '"' && straight % 2 === 0);
  return !closedAfter && text.length - opened < 120;
}

/** Split a line into sentences, keeping each one's column. */
export function splitSentences(text: string): { text: string; offset: number }[] {
  const out: { text: string; offset: number }[] = [];
  const boundary = /([.!?…]["”»)]?)\s+(?=["“«(]?[\p{Lu}\d])/gu;
  let start = 0;
  // exec, not matchAll (which copies the expression); a boundary is never empty.
  for (let m = boundary.exec(text); m !== null; m = boundary.exec(text)) {
    const end = (m.index ?? 0) + m[1]!.length;
    const candidate = text.slice(start, end);
    if (abbreviations.test(candidate)) continue;
    if (insideShortQuote(candidate)) continue;
    out.push({ text: candidate.trim(), offset: start });
    start = end + (m[0].length - m[1]!.length);
  }
  const last = text.slice(start).trim();
  if (last) out.push({ text: last, offset: start });
  return out;
}

/** A display-date or label line, not a headline. */
function isHeadlineCandidate(text: string): boolean {
  if (countWords(text) < 5) return false;
  // A stamp or a row of labels ("Norland Press | 2024-04-09 21:15:10 | Editor: desk") is not a headline.
  if ((text.match(/\|/g)?.length ?? 0) >= 2 || /\d{4}-\d{2}-\d{2}|\d{1,2}:\d{2}/.test(text)) return false;
  if (/^(by|от|автор)\s/i.test(text)) return false;
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length >= 15;
}

/** "Headline – Outlet" / "Headline | Outlet": split off a short trailing name. */
function splitHeadlineSuffix(text: string): { headline: string; suffix: string | null } {
  // An em dash is left alone: agencies use it to attribute a headline ("… — Foreign Ministry").
  const m = text.match(/^(.{15,}?)\s+[|–-]\s+([^|–—]{2,60})$/u);
  if (m && countWords(m[2]!) <= 6) return { headline: m[1]!.trim(), suffix: m[2]!.trim() };
  return { headline: text, suffix: null };
}

export function readDocument(seed: string, lines: SourceLine[], knowledge: Knowledge): ReportDocument {
  const content = lines.map((l, i) => ({ l, i })).filter(({ l }) => !l.chrome);
  const proseIdx = content.filter(({ l }) => isProse(l.text)).map(({ i }) => i);
  const firstProse = proseIdx[0] ?? lines.length;
  const lastProse = proseIdx.at(-1) ?? lines.length - 1;

  // The headline: an HTML heading if there is one, else the first header line that reads like one.
  const headerCandidates = content.filter(({ i }) => i < firstProse && isHeadlineCandidate(lines[i]!.text));
  const headlineEntry = headerCandidates.find(({ l }) => l.heading) ?? headerCandidates[0];
  const split = headlineEntry ? splitHeadlineSuffix(headlineEntry.l.text) : null;

  const zoned = lines.map((l, i) => ({
    ...l,
    zone: (i === headlineEntry?.i ? 'headline' : i < firstProse ? 'header' : i <= lastProse ? 'body' : 'footer') as Zone,
  }));
  // A repeated headline (title tag and h1, or a printed twice) is one headline.
  for (const line of zoned) {
    if (line.zone === 'header' && split && splitHeadlineSuffix(line.text).headline === split.headline) line.chrome = true;
  }

  const datelines: Dateline[] = [];
  const sentences: Sentence[] = [];
  let bodyLinesSeen = 0;
  zoned.forEach((line, lineIndex) => {
    if (line.chrome) return;
    if (line.zone === 'header' || line.zone === 'footer') {
      const d = findLineDateline(line.text, knowledge);
      if (d) datelines.push({ ...d, line: line.line, column: line.column, opensBody: false });
      return;
    }
    let text = line.zone === 'headline' && split ? split.headline : line.text;
    let offset = 0;
    if (line.zone === 'body') {
      const standalone = findLineDateline(text, knowledge);
      if (standalone) {
        datelines.push({ ...standalone, line: line.line, column: line.column, opensBody: false });
        return;
      }
      if (bodyLinesSeen++ < 3 && !datelines.some((d) => d.opensBody)) {
        const d = findOpeningDateline(text, knowledge);
        if (d) {
          datelines.push({ ...d, line: line.line, column: line.column, opensBody: true });
          offset = text.indexOf(d.text) + d.text.length;
          text = text.slice(offset).trimStart();
          offset = line.text.length - text.length;
        }
      }
    }
    for (const s of splitSentences(text)) {
      sentences.push({ text: s.text, line: line.line, column: line.column + offset + s.offset, zone: line.zone, lineIndex });
    }
  });

  return {
    seed,
    lines: zoned,
    headline: split?.headline ?? null,
    headlineSuffix: split?.suffix ?? null,
    datelines,
    sentences,
  };
}
