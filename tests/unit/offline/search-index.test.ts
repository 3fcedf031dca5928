// Building the copy's index a page at a time: forms shared across pages and spellings, weights
// summed per page, meta words, page lengths.
import { describe, expect, it } from 'vitest';
import type { PageText } from '../../../src/offline/search-engine.ts';
import { SearchIndexBuilder } from '../../../src/offline/search-index.ts';

const words = (text: string, weight = 24) => text.split(' ').map((w) => ({ text: w, weight }));

describe('SearchIndexBuilder', () => {
  it('gives each form one id across pages and spellings, and sums a page\'s weights per form', () => {
    const builder = new SearchIndexBuilder();
    const pages: PageText[] = [
      { url: 'a/', meta: { title: 'Riverton talks' }, words: [...words('Riverton', 168), ...words('talks in Riverton.')] },
      { url: 'b/', meta: {}, words: words('riverton Riverton-Lakeside talks') },
    ];
    for (const page of pages) builder.add(page);
    const index = builder.finish();
    expect(index.forms).toEqual([['riverton'], ['talk'], ['in'], ['rivertonlakesid', 'riverton', 'lakesid']]);
    // Page a: "Riverton" (168) and "Riverton." (24) are one form; sorted by weight, lightest first.
    expect(index.formPages[0]).toEqual([[0, 192, 0], [1, 24, 0]]);
    expect(index.formPages[3]).toEqual([[1, 24, 12]]);
    expect(index.words.riverton).toEqual([0, 3]);
    expect(index.metaWords).toEqual({ riverton: [[0, 'title']], talk: [[0, 'title']] });
    expect(index.pages.map((p) => p.length)).toEqual([4, 3]);
    expect(index.averageLength).toBe(3.5);
  });
});
