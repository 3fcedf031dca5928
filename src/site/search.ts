/**
 * What Pagefind indexes for a meeting (filters, sort key, result metadata, hidden alias text) and
 * the facets the search page offers. One module, so a filter's values on the meeting pages and
 * its options on the search page cannot drift apart. Pure.
 */
import type { Meeting } from '../schema/meeting.ts';
import { formatDate, placeLabel, yearOf } from './format.ts';
import { aliasNames, topicLabeller, type Knowledge } from './taxonomy.ts';

import { facetNames, type FacetName } from './search-state.ts';

export { facetNames, type FacetName };

export interface PagefindFields {
  filters: Record<FacetName, string[]>;
  /** Sort key: the ISO day; undated meetings sort as "0000-00-00" so they stay in sorted results. */
  sortDate: string;
  meta: { date: string; place: string };
  /** Other names of the participants and place (people.yaml, places.yaml aliases), indexed but not shown. */
  aliasText: string;
}


export function pagefindFields(m: Meeting, k: Knowledge): PagefindFields {
  const label = topicLabeller(k);
  const year = yearOf(m);
  const aliases = [
    ...m.participants.flatMap((p) => aliasNames(k.people.find((x) => x.id === p.id)?.aliases ?? [])),
    ...aliasNames(k.places.find((x) => x.id === m.placeId)?.aliases ?? []),
  ];
  return {
    filters: {
      topic: m.topics.map(label),
      year: year ? [year] : ['Undated'],
      place: placeFilterValue(m) ? [placeFilterValue(m)!] : [],
      participant: m.participants.map((p) => p.name),
      outlet: [...new Set(m.sources.map((s) => s.outlet ?? 'Unattributed'))],
    },
    sortDate: m.date ?? '0000-00-00',
    meta: { date: formatDate(m.date), place: placeLabel(m) },
    aliasText: [...new Set(aliases)].join(' · '),
  };
}

/** The value of a meeting's `place` filter: its city, or its country when no city is known. */
export function placeFilterValue(m: Pick<Meeting, 'location'>): string | null {
  return m.location.city ?? m.location.country ?? null;
}

export interface Facet {
  name: FacetName;
  label: string;
  options: { value: string; count: number }[];
}

const facetLabels: Record<FacetName, string> = { topic: 'Topic', year: 'Year', place: 'Place', participant: 'Participant', outlet: 'Outlet' };

export function searchFacets(meetings: readonly Meeting[], k: Knowledge): Facet[] {
  const counts = Object.fromEntries(facetNames.map((n) => [n, new Map<string, number>()])) as Record<FacetName, Map<string, number>>;
  for (const m of meetings) {
    const { filters } = pagefindFields(m, k);
    for (const name of facetNames) for (const v of new Set(filters[name])) counts[name].set(v, (counts[name].get(v) ?? 0) + 1);
  }
  return facetNames.map((name) => ({
    name,
    label: facetLabels[name],
    options: [...counts[name].entries()]
      .map(([value, count]) => ({ value, count }))
      .sort((a, b) => (name === 'year' ? (a.value < b.value ? 1 : -1) : a.value.localeCompare(b.value, 'en'))),
  }));
}
