/**
 * Atom feeds (RFC 4287) of meetings: the whole archive and each topic. Deterministic: "updated"
 * comes from the meetings' own dates, never the clock. Pure.
 */
import type { Meeting } from '../schema/meeting.ts';
import { formatDate, placeLabel } from './format.ts';

export function escapeXml(text: string): string {
  // Characters XML 1.0 forbids are dropped; the five specials become entities.
  return text
    .replace(/[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

export interface FeedOptions {
  title: string;
  subtitle: string;
  /** Absolute URL of the feed itself. */
  selfUrl: string;
  /** Absolute URL of the page the feed mirrors. */
  pageUrl: string;
  meetings: readonly Meeting[];
  /** Absolute URL of a meeting page. */
  meetingUrl: (slug: string) => string;
  /** How many entries at most (default: 50). */
  limit?: number;
}

/** The day a meeting entered the record: its date, else its newest source's publication day. */
function entryDay(m: Meeting): string {
  const published = m.sources.map((s) => s.published).filter((d): d is string => !!d).sort().at(-1);
  return m.date ?? published ?? '1970-01-01';
}

export function atomFeed(o: FeedOptions): string {
  const entries = o.meetings.slice(0, o.limit ?? 50);
  const updated = entries.map(entryDay).sort().at(-1) ?? '1970-01-01';
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <title>${escapeXml(o.title)}</title>`,
    `  <subtitle>${escapeXml(o.subtitle)}</subtitle>`,
    `  <id>${escapeXml(o.selfUrl)}</id>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(o.selfUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(o.pageUrl)}"/>`,
    `  <updated>${updated}T00:00:00Z</updated>`,
    '  <author><name>Parley</name></author>',
  ];
  for (const m of entries) {
    const url = o.meetingUrl(m.slug);
    const summary = `${formatDate(m.date)} · ${placeLabel(m)}${m.occasion ? ` · ${m.occasion}` : ''}. ${m.summary}`;
    lines.push(
      '  <entry>',
      `    <title>${escapeXml(m.title)}</title>`,
      `    <id>${escapeXml(url)}</id>`,
      `    <link rel="alternate" type="text/html" href="${escapeXml(url)}"/>`,
      `    <updated>${entryDay(m)}T00:00:00Z</updated>`,
      `    <summary type="text">${escapeXml(summary)}</summary>`,
      ...m.topics.map((t) => `    <category term="${escapeXml(t)}"/>`),
      '  </entry>',
    );
  }
  lines.push('</feed>', '');
  return lines.join('\n');
}
