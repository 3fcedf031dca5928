/**
 * The expected record of each article in an evaluation corpus (`DIR/truth.json`): what a careful
 * reader takes from the text. Validated here so a malformed truth file names its entry.
 */
import { z } from 'zod';

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

export const truthEntrySchema = z.object({
  /** File name of the article in the corpus folder: `d01.txt`. */
  seed: z.string().min(1),
  isMeeting: z.boolean(),
  /** The day of the meeting, or null (not a meeting, or no day can be known). */
  date: isoDay.nullable(),
  /** false: the text does not settle the year; the right answer is `unresolved`. */
  yearDeterminable: z.boolean().default(true),
  /** How a careful reader settles the date; `none` for a non-meeting. */
  dateBasis: z.string().nullable().default(null),
  city: z.string().nullable(),
  /** Names of the city that count as right ("Tunxi", "Huangshan"). */
  cityAliases: z.array(z.string()).default([]),
  country: z.string().nullable(),
  /** Canonical names of the people who met. */
  participants: z.array(z.string()).default([]),
  outlet: z.string().nullable().default(null),
  /** Topics the record must carry: each has a cue in the text. */
  mustTopics: z.array(z.string()).default([]),
  /** Topics nothing in the page cues: carrying one is an error. */
  mustNotTopics: z.array(z.string()).default([]),
  /** Another article (file name) reporting the same meeting: the two must merge. */
  sameMeetingAs: z.string().nullable().default(null),
  notes: z.string().optional(),
});
export type TruthEntry = z.infer<typeof truthEntrySchema>;

/** Parse a truth file's JSON text; the error names the entry and field at fault. */
export function parseTruth(text: string, file: string): TruthEntry[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${file}: not valid JSON (${(error as Error).message})`);
  }
  const parsed = z.array(truthEntrySchema).safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${file}: entry ${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data;
}

/** Seed id of a truth entry's file name: `d01.txt` → `d01`. */
export function seedIdOf(fileName: string): string {
  return fileName.replace(/\.txt$/i, '');
}
