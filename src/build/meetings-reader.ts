/**
 * The converter's meeting files as the site reads them (src/site/archive.ts, once per build):
 * each `<slug>.md` of the folder, its frontmatter validated by the meeting schema the converter
 * writes with, and its Markdown body. Frontmatter and body are read as gray-matter reads them
 * (frontmatter-reader.ts for files as the converter writes them, gray-matter itself for any
 * other), and the body is trimmed as Astro's glob loader trims it.
 *
 * Not an Astro content collection: a collection's entries go into Astro's data store, which the
 * build serialises whole with devalue, writes to its cache folder, hands to the pages as a module
 * and parses again before the first page renders. At 10,000 meetings that was 3.5 s of one core
 * between reading the files and the first page (the other core idle: nothing else can run until
 * pages do), for records the pages then read from memory. Read here, the same records reach the
 * same pages (the 10,000-meeting site byte-identical) and the first page renders 3.5 s sooner.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import matter from 'gray-matter';
import { meetingSchema, type Meeting } from '../schema/meeting.ts';
import { readWrittenFrontmatter } from './frontmatter-reader.ts';
import { meetingsReady } from './meetings-ready.ts';

/** One meeting as the pages read it: its validated record and its Markdown body. */
export interface MeetingEntry {
  data: Meeting;
  body: string;
}

/** The `.md` files of a folder, by name: the same order on every machine. */
export function meetingFileNames(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .sort();
}

/** A meeting file's frontmatter and body, as the glob loader reads them; the file named on failure. */
export function splitMeetingFile(contents: string, path: string): { data: Record<string, unknown>; body: string } {
  // A file as the converter writes it reads without js-yaml, to the same data (frontmatter-reader.ts).
  const written = readWrittenFrontmatter(contents);
  if (written) return { data: written.data, body: written.content.trim() };
  try {
    // Options given, so gray-matter does not keep every file it parsed in its cache.
    const parsed = matter(contents, {});
    return { data: parsed.data, body: parsed.content.trim() };
  } catch (error) {
    throw new Error(`${path}: the frontmatter is not valid YAML: ${(error as Error).message}`, { cause: error });
  }
}

/** The 1-based line where the frontmatter writes a top-level key; 1 when it does not. */
function lineOfKey(contents: string, key: PropertyKey | undefined): number {
  return typeof key === 'string' ? contents.split('\n').findIndex((line) => line.startsWith(`${key}:`)) + 1 || 1 : 1;
}

/** A meeting file as an entry, its record validated; each wrong field named with the file and its line on failure. */
export function meetingEntry(contents: string, path: string): MeetingEntry {
  const { data, body } = splitMeetingFile(contents, path);
  const checked = meetingSchema.safeParse(data);
  if (!checked.success) {
    const problems = checked.error.issues.map((issue) => `${path}:${lineOfKey(contents, issue.path[0])}: ${issue.path.join('.') || 'the frontmatter'}: ${issue.message}`);
    throw new Error(`${path}: the frontmatter is not a meeting record (src/schema/meeting.ts):\n${problems.join('\n')}`);
  }
  return { data: checked.data, body };
}

/**
 * Every meeting file of `dir`, in name order. `npm run build` may start Astro while the converter
 * still writes them: the folder is listed only once it says they are written (meetings-ready.ts).
 */
export async function readMeetings(dir: string): Promise<MeetingEntry[]> {
  await meetingsReady();
  return meetingFileNames(dir).map((name) => {
    const path = join(dir, name);
    return meetingEntry(readFileSync(path, 'utf8'), path);
  });
}
