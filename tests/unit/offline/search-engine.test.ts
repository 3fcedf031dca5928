// The copy's search engine: Pagefind's word forms, query preparation, matching rules (all words,
// prefixes, stems, compounds) and ranking signals (headings, titles, counts), on made-up pages.
import { describe, expect, it } from 'vitest';
import { queryTerms, search, type PageText } from '../../../src/offline/search-engine.ts';
import { buildSearchIndex, indexForm } from '../../../src/offline/search-index.ts';

function page(url: string, title: string, body: string, heading = 168): PageText {
  return {
    url,
    meta: { title },
    words: [
      ...title.split(' ').map((text) => ({ text, weight: heading })),
      ...body.split(' ').map((text) => ({ text, weight: 24 })),
    ],
  };
}

const index = buildSearchIndex([
  page('a/', 'Ministers meet in Riverton', 'The ministers discussed trade and the harbour.'),
  page('b/', 'Talks in Hillcrest', 'Trade, trade and more trade. A visit to Riverton was mentioned once.'),
  page('c/', 'Summit in Lakeside', 'Security co-operation was the theme; Lakeside’s harbour hosted the talks.'),
]);
const urls = (q: string) => search(index, q).map((h) => h.url);

describe('word forms', () => {
  it.each([
    ['meetings', ['meet']],
    ['Ministère,', ['minister']],
    ['co-operation', ['cooper', 'co', 'oper']],
    ['NationsShanghai', ['nationsshanghai', 'nation', 'shanghai']],
    ['G20', ['g20']],
    ['Riverton.', ['riverton']],
    ['·', ['']],
  ])('%s → %j', (raw, form) => {
    expect(indexForm(raw)).toEqual(form);
  });

  it('prepares a query as Pagefind does', () => {
    expect(queryTerms('  Co-operation, “Talks”!  ')).toEqual(['cooper', 'talk']);
    expect(queryTerms('...')).toEqual([]);
  });
});

describe('search', () => {
  it('needs every word of the query', () => {
    expect(urls('trade harbour')).toEqual(['a/']);
    expect(urls('riverton')).toHaveLength(2);
    expect(urls('zzz')).toEqual([]);
    expect(urls('   ')).toEqual([]);
  });

  it('matches stems, prefixes and compound parts', () => {
    expect(urls('meeting')).toEqual(['a/']);
    expect(urls('lakesi')).toEqual(['c/']);
    expect(urls('operation')).toEqual(['c/']);
    expect(urls('cooperation')).toEqual(['c/']);
  });

  it('ranks a word in the title and heading above a passing mention', () => {
    expect(urls('riverton')).toEqual(['a/', 'b/']);
  });

  it('ranks many mentions above one', () => {
    expect(urls('trade')[0]).toBe('b/');
  });

  it('counts a compound once, through its part at half weight, when its whole and a part both match', () => {
    const compound = buildSearchIndex([page('x/', 'One', 'Riverton-Lakeside talks'), page('y/', 'Two', 'Riverton talks')]);
    const [first, second] = search(compound, 'riverton');
    expect(first!.url).toBe('y/');
    expect(second!.url).toBe('x/');
    expect(second!.score).toBeGreaterThan(first!.score / 3);
  });

  it('returns each page with its meta fields', () => {
    expect(search(index, 'summit')[0]).toMatchObject({ url: 'c/', meta: { title: 'Summit in Lakeside' } });
  });
});
