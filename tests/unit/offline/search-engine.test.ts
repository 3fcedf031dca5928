// The copy's search engine: Pagefind's matching rules (all words, prefixes, stems) and ranking
// signals (headings, titles, rarer words), on small made-up pages.
import { describe, expect, it } from 'vitest';
import { buildSearchIndex, indexWords, normalizeWord, search, type PageText } from '../../../src/offline/search-engine.ts';

function page(url: string, title: string, body: string, heading = 7): PageText {
  return {
    url,
    meta: { title },
    words: [
      ...title.split(' ').map((text) => ({ text, weight: heading })),
      ...body.split(' ').map((text) => ({ text, weight: 1 })),
    ],
  };
}

const index = buildSearchIndex([
  page('a/', 'Ministers meet in Riverton', 'The ministers discussed trade and the harbour.'),
  page('b/', 'Talks in Hillcrest', 'Trade, trade and more trade. A visit to Riverton was mentioned once.'),
  page('c/', 'Summit in Lakeside', 'Security co-operation was the theme; Lakeside’s harbour hosted the talks.'),
]);
const urls = (q: string) => search(index, q).map((h) => h.url);

describe('normalizing words', () => {
  it('folds case and accents and drops punctuation', () => {
    expect(normalizeWord('Ministère,')).toBe('ministere');
    expect(indexWords('co-operation')).toEqual(['cooper', 'co', 'oper']);
  });
});

describe('search', () => {
  it('needs every word of the query', () => {
    expect(urls('trade harbour')).toEqual(['a/']);
    expect(urls('riverton')).toHaveLength(2);
    expect(urls('zzz')).toEqual([]);
    expect(urls('   ')).toEqual([]);
  });

  it('matches stems and prefixes', () => {
    expect(urls('meeting')).toEqual(['a/']);
    expect(urls('lakesi')).toEqual(['c/']);
    expect(urls('operation')).toEqual(['c/']);
  });

  it('ranks a word in the title and heading above a passing mention', () => {
    expect(urls('riverton')).toEqual(['a/', 'b/']);
  });

  it('ranks many mentions above one', () => {
    expect(urls('trade')[0]).toBe('b/');
  });

  it('counts a compound once when its part matches too', () => {
    const compound = buildSearchIndex([
      page('x/', 'One', 'Riverton-Lakeside talks'),
      page('y/', 'Two', 'Riverton talks'),
    ]);
    const [x, y] = search(compound, 'riverton');
    expect(x!.url).toBe('x/');
    expect(x!.score).toBeCloseTo(y!.score, 5);
  });

  it('returns each page with its meta fields', () => {
    expect(search(index, 'summit')[0]).toMatchObject({ url: 'c/', meta: { title: 'Summit in Lakeside' } });
  });
});
