/**
 * View models for the pages: meetings sorted, grouped by topic, person, place and year, with the
 * labels of content/topics.yaml. Pages get these ready-made and only render.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { loadKnowledgeFiles } from '../knowledge/load.ts';
import type { Topic } from '../knowledge/schema.ts';
import type { Meeting } from '../schema/meeting.ts';

export type MeetingEntry = CollectionEntry<'meetings'>;

let knowledgeCache: ReturnType<typeof loadKnowledgeFiles> | null = null;
export function knowledgeFiles() {
  knowledgeCache ??= loadKnowledgeFiles('content');
  return knowledgeCache;
}

/** Newest first; undated meetings last, by slug. */
export function byDateDesc(a: Meeting, b: Meeting): number {
  if (a.date && b.date) return a.date < b.date ? 1 : a.date > b.date ? -1 : a.slug < b.slug ? -1 : 1;
  if (a.date) return -1;
  if (b.date) return 1;
  return a.slug < b.slug ? -1 : 1;
}

let entriesCache: MeetingEntry[] | null = null;
export async function meetings(): Promise<MeetingEntry[]> {
  entriesCache ??= (await getCollection('meetings')).sort((a, b) => byDateDesc(a.data, b.data));
  return entriesCache;
}

export function topics(): Topic[] {
  return knowledgeFiles().topics;
}

export function topicLabel(slug: string): string {
  return topics().find((t) => t.slug === slug)?.label ?? slug;
}

export interface TopicCount {
  topic: Topic;
  count: number;
}

export async function topicCounts(): Promise<TopicCount[]> {
  const all = await meetings();
  return topics().map((topic) => ({ topic, count: all.filter((m) => m.data.topics.includes(topic.slug)).length }));
}

/** Base-aware link to a path inside the site ("meetings/x/" → "/archive/meetings/x/"). */
export function href(path: string): string {
  const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
  return `${base}${path.replace(/^\//, '')}`;
}

export function formatDate(iso: string | null): string {
  if (!iso) return 'Date not settled';
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const month = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'][m - 1];
  return `${d} ${month} ${y}`;
}

export function placeLabel(m: Meeting): string {
  const { city, country } = m.location;
  if (city && country) return `${city}, ${country}`;
  return city ?? country ?? 'Place not settled';
}
