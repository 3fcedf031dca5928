/**
 * The search page's state as it lives in the URL (?q=…&topic=…&sort=…), and the Pagefind options
 * it maps to. Shared by the page script and unit tests. Pure: no DOM.
 */
/** The filters the search page offers; each is a `data-pagefind-filter` name on the meeting pages. */
export const facetNames = ['topic', 'year', 'place', 'participant', 'outlet'] as const;
export type FacetName = (typeof facetNames)[number];

export type SortOrder = 'relevance' | 'newest' | 'oldest';

export interface SearchState {
  q: string;
  filters: Partial<Record<FacetName, string>>;
  sort: SortOrder;
}

export function readState(params: URLSearchParams): SearchState {
  const filters: SearchState['filters'] = {};
  for (const name of facetNames) {
    const v = params.get(name)?.trim();
    if (v) filters[name] = v;
  }
  const sort = params.get('sort');
  return { q: (params.get('q') ?? '').trim(), filters, sort: sort === 'newest' || sort === 'oldest' ? sort : 'relevance' };
}

export function writeState(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const name of facetNames) if (state.filters[name]) params.set(name, state.filters[name]!);
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  return params;
}

export function isEmpty(state: SearchState): boolean {
  return !state.q && Object.keys(state.filters).length === 0;
}

/** Pagefind's search term and options. Without words, results come newest first. */
export function pagefindQuery(state: SearchState): { term: string | null; options: { filters: Record<string, string>; sort?: Record<string, 'asc' | 'desc'> } } {
  const sort = state.sort === 'relevance' && !state.q ? 'newest' : state.sort;
  return {
    term: state.q || null,
    options: {
      filters: { ...state.filters } as Record<string, string>,
      ...(sort === 'newest' ? { sort: { date: 'desc' as const } } : sort === 'oldest' ? { sort: { date: 'asc' as const } } : {}),
    },
  };
}
