/**
 * The site's data, read once per build: the converter's meeting files (validated by the meeting
 * schema, src/build/meetings-reader.ts) and the knowledge files, plus base- and site-aware URLs.
 * Everything else is computed by the pure view-model modules beside this one.
 */
import { resolve } from 'node:path';
import { readMeetings, type MeetingEntry } from '../build/meetings-reader.ts';
import { loadKnowledgeFiles } from '../knowledge/load.ts';
import type { Topic } from '../knowledge/schema.ts';
import type { Meeting } from '../schema/meeting.ts';
import { absoluteUrl, sitePath } from './paths.ts';
import { byDateDesc, topicLabeller, topicTerms, type Knowledge } from './taxonomy.ts';

export { byDateDesc } from './taxonomy.ts';
export { formatDate, placeLabel } from './format.ts';

export type { MeetingEntry } from '../build/meetings-reader.ts';

let knowledgeCache: ReturnType<typeof loadKnowledgeFiles> | null = null;
export function knowledgeFiles() {
  knowledgeCache ??= loadKnowledgeFiles('content');
  return knowledgeCache;
}

/** The parts of the knowledge files the pages use. */
export function knowledge(): Knowledge {
  const k = knowledgeFiles();
  return { topics: k.topics, people: k.people, places: k.places };
}

/** The folder of meeting files; PARLEY_MEETINGS_DIR lets tests and the benchmark build a site from a scratch conversion. */
const meetingsDir = () => resolve(process.env.PARLEY_MEETINGS_DIR ?? 'content/meetings');

let entriesCache: Promise<MeetingEntry[]> | null = null;
/** The meetings (record and Markdown body), newest first; read once, however many pages ask at once. */
export function meetings(): Promise<MeetingEntry[]> {
  entriesCache ??= readMeetings(meetingsDir()).then((entries) => entries.sort((a, b) => byDateDesc(a.data, b.data)));
  return entriesCache;
}

let recordsCache: Meeting[] | null = null;
/** The meeting records, newest first. */
export async function records(): Promise<Meeting[]> {
  recordsCache ??= (await meetings()).map((e) => e.data);
  return recordsCache;
}

export function topics(): Topic[] {
  return knowledgeFiles().topics;
}

export function topicLabel(slug: string): string {
  return topicLabeller(knowledge())(slug);
}

export async function topicCounts(): Promise<{ topic: Topic; count: number }[]> {
  const terms = topicTerms(await records(), knowledge());
  return topics().map((topic) => ({ topic, count: terms.find((t) => t.id === topic.slug)?.meetings.length ?? 0 }));
}

/** Base-aware link to a path inside the site ("meetings/x/" → "/archive/meetings/x/"). */
export function href(path: string): string {
  return sitePath(import.meta.env.BASE_URL, path);
}

/** Absolute URL (SITE_URL + base) of a path inside the site: canonical links, feeds, sitemap, JSON. */
export function absolute(path: string): string {
  return absoluteUrl(import.meta.env.SITE ?? 'http://localhost:4321', import.meta.env.BASE_URL, path);
}
