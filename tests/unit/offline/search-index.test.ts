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

describe('SearchIndexBuilder, pages in any order', () => {
  const pages: PageText[] = [
    { url: '/a/', meta: { title: 'Riverton talks' }, words: words('Riverton talks in Riverton.') },
    { url: '/b/', meta: { title: 'Lakeside' }, words: words('Lakeside and Riverton-Lakeside') },
    { url: '/c/', meta: {}, words: words('talks at the lake') },
  ];
  const build = (order: number[]) => {
    const builder = new SearchIndexBuilder();
    for (const i of order) builder.add(pages[i]!);
    return builder.finish();
  };

  it('gives the same index whatever order the pages were added in, laid out by key', () => {
    const inOrder = build([0, 1, 2]);
    expect(build([2, 0, 1])).toEqual(inOrder);
    expect(build([1, 2, 0])).toEqual(inOrder);
    expect(inOrder.pages.map((p) => p.url)).toEqual(['/a/', '/b/', '/c/']);
    // Forms are numbered as they first appear in key order: page a's words first.
    expect(inOrder.forms.slice(0, 3)).toEqual([['riverton'], ['talk'], ['in']]);
    expect(inOrder.metaWords.riverton).toEqual([[0, 'title']]);
    expect(inOrder.metaWords.lakesid).toEqual([[1, 'title']]);
  });

  it('orders by the key given, not the URL', () => {
    const builder = new SearchIndexBuilder();
    builder.add(pages[0]!, 'z');
    builder.add(pages[2]!, 'a');
    expect(builder.finish().pages.map((p) => p.url)).toEqual(['/c/', '/a/']);
  });
});
