/**
 * The page model shared by topic, person, place and year pages: one term's meetings, newest
 * first, 50 to a page, with the terms that co-occur with it. Pure.
 */
import { plural } from './format.ts';
import { meetingRow, pageLinks, pageSize, type MeetingRow, type PageLinks } from './listing.ts';
import { routes } from './paths.ts';
import { placeFilterValue } from './search.ts';
import { writeState } from './search-state.ts';
import { coOccurring, type Knowledge, type Neighbour, type TaxonomyKind, type Term } from './taxonomy.ts';

export interface TermPageModel {
  kind: TaxonomyKind;
  id: string;
  title: string;
  description: string;
  /** Other names of a person. */
  alsoKnownAs: string[];
  /** "12 meetings, newest first." */
  summary: string;
  rows: MeetingRow[];
  links: PageLinks;
  /** Co-occurring terms, by kind, for the aside. */
  related: { kind: TaxonomyKind; heading: string; items: (Neighbour & { path: string })[] }[];
  feed: { path: string; title: string } | null;
  index: { path: string; label: string };
  /** The search page with this term's filter set, to search within its meetings. */
  searchPath: string | null;
}

/** The search filter that selects a term's meetings: the same values the meeting pages index. */
export function termSearchPath(term: Term): string | null {
  const first = term.meetings[0];
  if (!first) return null;
  const value =
    term.kind === 'topic' ? term.label
    : term.kind === 'person' ? first.participants.find((p) => p.id === term.id)?.name
    : term.kind === 'place' ? placeFilterValue(first)
    : term.id;
  if (!value) return null;
  const name = term.kind === 'person' ? 'participant' : term.kind;
  return `${routes.search()}?${writeState({ q: '', filters: { [name]: value }, sort: 'newest' }).toString()}`;
}

export const termRoute: Record<TaxonomyKind, (id: string, page?: number) => string> = {
  topic: routes.topic,
  person: routes.person,
  place: routes.place,
  year: routes.year,
};

const indexOf: Record<TaxonomyKind, { path: string; label: string }> = {
  topic: { path: routes.topics(), label: 'All topics' },
  person: { path: routes.people(), label: 'All people' },
  place: { path: routes.places(), label: 'All places' },
  year: { path: routes.years(), label: 'All years' },
};

const relatedHeadings: Record<TaxonomyKind, string> = { topic: 'Topics discussed with it', person: 'People', place: 'Places', year: 'Years' };

/** The order of the aside for each kind of page: what a reader of that page looks for next. */
const relatedOrder: Record<TaxonomyKind, TaxonomyKind[]> = {
  topic: ['topic', 'person', 'place', 'year'],
  person: ['person', 'topic', 'place', 'year'],
  place: ['topic', 'person', 'year'],
  year: ['topic', 'person', 'place'],
};

export function termPages(term: Term, k: Knowledge): TermPageModel[] {
  const last = Math.max(1, Math.ceil(term.meetings.length / pageSize));
  const co = coOccurring(term, term.meetings, k);
  const related = relatedOrder[term.kind]
    .map((kind) => ({
      kind,
      heading: kind === 'person' && term.kind === 'person' ? 'Met with' : relatedHeadings[kind],
      items: co[kind].map((n) => ({ ...n, path: termRoute[kind](n.id) })),
    }))
    .filter((r) => r.items.length > 0);
  const pages: TermPageModel[] = [];
  for (let n = 1; n <= last; n++) {
    const slice = term.meetings.slice((n - 1) * pageSize, n * pageSize);
    const total = term.meetings.length;
    pages.push({
      kind: term.kind,
      id: term.id,
      title: term.label,
      description: term.description,
      alsoKnownAs: term.alsoKnownAs ?? [],
      summary: total === 0 ? 'No meeting in the archive touches this yet.' : `${plural(total, 'meeting')}, newest first${last > 1 ? `; page ${n} of ${last}` : ''}.`,
      rows: slice.map((m) => meetingRow(m, k)),
      links: pageLinks((p) => termRoute[term.kind](term.id, p), n, last),
      related,
      feed: term.kind === 'topic' ? { path: routes.topicFeed(term.id), title: `Parley: ${term.label}` } : null,
      index: indexOf[term.kind],
      searchPath: termSearchPath(term),
    });
  }
  return pages;
}

/** Astro's getStaticPaths entries for a taxonomy: `[...page]` is undefined for page 1, "2" for page 2. */
export function termStaticPaths<P extends string>(param: P, terms: Term[], k: Knowledge) {
  return terms.flatMap((term) =>
    termPages(term, k).map((model) => ({
      params: { [param]: term.id, page: model.links.current === 1 ? undefined : String(model.links.current) } as Record<P | 'page', string | undefined>,
      props: { model },
    })),
  );
}

export interface TermIndexItem {
  label: string;
  path: string;
  description: string;
  count: number;
}

/** An index page's rows; topics by count (most discussed first), the others as given. */
export function termIndexItems(terms: Term[], options: { byCount?: boolean } = {}): TermIndexItem[] {
  const items = terms.map((t) => ({ label: t.label, path: termRoute[t.kind](t.id), description: t.description, count: t.meetings.length }));
  return options.byCount ? items.sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'en')) : items;
}

export interface YearSummary {
  year: string;
  path: string;
  count: number;
  /** The year's latest meetings, newest first (at most `perYear`). */
  rows: MeetingRow[];
}

/** The years index: each year with its latest meetings, like a news archive's year list. */
export function yearSummaries(terms: Term[], k: Knowledge, perYear = 8): YearSummary[] {
  return terms.map((t) => ({ year: t.id, path: routes.year(t.id), count: t.meetings.length, rows: t.meetings.slice(0, perYear).map((m) => meetingRow(m, k)) }));
}
