/** Rows of meeting lists and the page links under them. Pure. */
import type { Meeting } from '../schema/meeting.ts';
import { formatDate, placeLabel } from './format.ts';
import { placeKey, topicLabeller, type Knowledge } from './taxonomy.ts';

export interface MeetingRow {
  slug: string;
  title: string;
  dateText: string;
  iso: string | null;
  place: string;
  placeId: string | null;
  occasion: string | null;
  participants: { id: string; name: string }[];
  topics: { slug: string; label: string }[];
}

export function meetingRow(m: Meeting, k: Knowledge): MeetingRow {
  const label = topicLabeller(k);
  return {
    slug: m.slug,
    title: m.title,
    dateText: formatDate(m.date),
    iso: m.date,
    place: placeLabel(m),
    placeId: placeKey(m),
    occasion: m.occasion,
    participants: m.participants.map((p) => ({ id: p.id, name: p.name })),
    topics: m.topics.map((slug) => ({ slug, label: label(slug) })),
  };
}

export interface PageLinks {
  current: number;
  last: number;
  prev: string | null;
  next: string | null;
  /** Every page, or a window around the current one with gaps (null) when there are many. */
  pages: ({ n: number; path: string } | null)[];
}

/** Site paths (before the base) of a paginated list's pages; `route(n)` gives page n's path. */
export function pageLinks(route: (n: number) => string, current: number, last: number): PageLinks {
  const wanted = new Set([1, last, current - 1, current, current + 1].filter((n) => n >= 1 && n <= last));
  if (last <= 7) for (let n = 1; n <= last; n++) wanted.add(n);
  const sorted = [...wanted].sort((a, b) => a - b);
  const pages: PageLinks['pages'] = [];
  sorted.forEach((n, i) => {
    if (i > 0 && n - sorted[i - 1]! > 1) pages.push(null);
    pages.push({ n, path: route(n) });
  });
  return {
    current,
    last,
    prev: current > 1 ? route(current - 1) : null,
    next: current < last ? route(current + 1) : null,
    pages,
  };
}

export const pageSize = 50;
