/** The home page's view model: counts, the latest meetings and the ways in. Pure. */
import type { Meeting } from '../schema/meeting.ts';
import { meetingRow, type MeetingRow } from './listing.ts';
import { termIndexItems, type TermIndexItem } from './term-page.ts';
import { archiveCounts, newestFirst, personTerms, placeTerms, topicTerms, yearTerms, type ArchiveCounts, type Knowledge } from './taxonomy.ts';

export interface HomeModel {
  counts: ArchiveCounts;
  latest: MeetingRow[];
  topics: TermIndexItem[];
  people: TermIndexItem[];
  places: TermIndexItem[];
  years: TermIndexItem[];
  /** First and last dated day, for the sentence under the title. */
  span: { from: string; to: string } | null;
}

export function homeModel(meetings: readonly Meeting[], k: Knowledge, latest = 10): HomeModel {
  const sorted = newestFirst(meetings);
  const dated = sorted.filter((m) => m.date);
  return {
    counts: archiveCounts(meetings, k),
    latest: sorted.slice(0, latest).map((m) => meetingRow(m, k)),
    topics: termIndexItems(topicTerms(meetings, k), { byCount: true }).filter((t) => t.count > 0),
    people: termIndexItems(personTerms(meetings, k)).slice(0, 12),
    places: termIndexItems(placeTerms(meetings, k)).slice(0, 12),
    years: termIndexItems(yearTerms(meetings)),
    span: dated.length > 0 ? { from: dated.at(-1)!.date!, to: dated[0]!.date! } : null,
  };
}
