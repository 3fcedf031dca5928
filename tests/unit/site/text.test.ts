import { describe, expect, it } from 'vitest';
import { atomFeed, escapeXml } from '../../../src/site/feed.ts';
import { pageLinks } from '../../../src/site/listing.ts';
import { isEmpty, pagefindQuery, readState, writeState } from '../../../src/site/search-state.ts';
import { pagefindFields, searchFacets } from '../../../src/site/search.ts';
import { sitemapIndex, urlSet } from '../../../src/site/sitemap.ts';
import { sourceTexts, unescapeMarkdown } from '../../../src/site/source-text.ts';
import { termPages } from '../../../src/site/term-page.ts';
import { topicTerms } from '../../../src/site/taxonomy.ts';
import { knowledge, meeting } from './fixtures.ts';

describe('source text from the Markdown body', () => {
  it('undoes Markdown escapes and references, so the page shows the words as written', () => {
    expect(unescapeMarkdown('\\<script>a\\_b\\</script> \\[x]\\(javascript:y) &#x26;amp; &#20;')).toBe('<script>a_b</script> [x](javascript:y) &amp; \u0014');
  });

  it('splits sections by heading and paragraphs by blank lines', () => {
    expect(sourceTexts('## Wire: Head\n\nFirst\nline.\n\nSecond.\n\n## Other\n\nThird.\n')).toEqual([
      { heading: 'Wire: Head', paragraphs: ['First line.', 'Second.'] },
      { heading: 'Other', paragraphs: ['Third.'] },
    ]);
  });
});

describe('pagination', () => {
  it('links every page when there are few', () => {
    const links = pageLinks((n) => `t/${n}/`, 2, 3);
    expect(links).toMatchObject({ prev: 't/1/', next: 't/3/' });
    expect(links.pages.map((p) => p?.n ?? null)).toEqual([1, 2, 3]);
  });

  it('elides the middle when there are many', () => {
    expect(pageLinks((n) => `${n}`, 10, 20).pages.map((p) => p?.n ?? null)).toEqual([1, null, 9, 10, 11, null, 20]);
  });

  it('puts 50 meetings on a page, newest first', () => {
    const many = Array.from({ length: 120 }, (_, i) => meeting({ slug: `2000-01-${String(i % 28 + 1).padStart(2, '0')}-m${i}`, date: `${2000 + i}-01-01`, dateBasis: 'explicit', topics: ['trade'] }));
    const pages = termPages(topicTerms(many, knowledge)[0]!, knowledge);
    expect(pages.map((p) => p.rows.length)).toEqual([50, 50, 20]);
    expect(pages[0]!.rows[0]!.iso).toBe('2119-01-01');
    expect(pages[1]!.links).toMatchObject({ prev: 'topics/trade/', next: 'topics/trade/3/' });
    expect(pages[0]!.feed?.path).toBe('topics/trade/feed.xml');
  });
});

describe('search', () => {
  const m = meeting({ slug: '2020-01-01-alpha', date: '2020-01-01', dateBasis: 'explicit', topics: ['trade'] });

  it('indexes filters, a date sort key, and the participants\' and place\'s aliases', () => {
    const f = pagefindFields(m, knowledge);
    expect(f.filters).toEqual({ topic: ['Trade'], year: ['2020'], place: ['Alpha'], participant: ['Ann Example'], outlet: ['Wire'] });
    expect(f.sortDate).toBe('2020-01-01');
    expect(f.aliasText).toBe('Anne Example · Энн · Alfa');
    expect(pagefindFields(meeting({ slug: 'undated-x-aaaaaa' }), knowledge).sortDate).toBe('0000-00-00');
  });

  it('offers facet options that are exactly the indexed values', () => {
    const facets = searchFacets([m], knowledge);
    expect(facets.find((f) => f.name === 'topic')?.options).toEqual([{ value: 'Trade', count: 1 }]);
  });

  it('keeps its state in the URL', () => {
    const state = readState(new URLSearchParams('q=Lavrov&topic=ASEAN&sort=newest&bogus=1'));
    expect(state).toEqual({ q: 'Lavrov', filters: { topic: 'ASEAN' }, sort: 'newest' });
    expect(writeState(state).toString()).toBe('q=Lavrov&topic=ASEAN&sort=newest');
    expect(isEmpty(readState(new URLSearchParams('sort=oldest')))).toBe(true);
  });

  it('sorts filter-only searches newest first', () => {
    expect(pagefindQuery(readState(new URLSearchParams('year=2020')))).toEqual({ term: null, options: { filters: { year: '2020' }, sort: { date: 'desc' } } });
    expect(pagefindQuery(readState(new URLSearchParams('q=x')))).toEqual({ term: 'x', options: { filters: {} } });
  });
});

describe('feeds and sitemaps', () => {
  it('escapes text and drops characters XML forbids', () => {
    expect(escapeXml('<a href="x">&\u0001\'')).toBe('&lt;a href=&quot;x&quot;&gt;&amp;&apos;');
  });

  it('dates entries from the meetings, never the clock', () => {
    const feed = atomFeed({
      title: 'T',
      subtitle: 'S',
      selfUrl: 'https://x/feed.xml',
      pageUrl: 'https://x/',
      meetings: [meeting({ slug: '2020-01-01-a', date: '2020-01-01', dateBasis: 'explicit', title: '<b>' }), meeting({ slug: 'undated-b-aaaaaa' })],
      meetingUrl: (s) => `https://x/meetings/${s}/`,
    });
    expect(feed).toContain('<updated>2020-01-01T00:00:00Z</updated>');
    expect(feed).toContain('<title>&lt;b&gt;</title>');
    expect(feed.match(/<entry>/g)).toHaveLength(2);
  });

  it('writes sitemap files', () => {
    expect(sitemapIndex(['https://x/sitemap-0.xml'])).toContain('<sitemap><loc>https://x/sitemap-0.xml</loc></sitemap>');
    expect(urlSet([{ url: 'https://x/?a=1&b=2' }])).toContain('<loc>https://x/?a=1&amp;b=2</loc>');
  });
});

describe('searching within a term', () => {
  it('links to the search page with the filter value the meeting pages index', async () => {
    const { termSearchPath } = await import('../../../src/site/term-page.ts');
    const { personTerms, placeTerms } = await import('../../../src/site/taxonomy.ts');
    const m = meeting({ slug: '2020-01-01-alpha', date: '2020-01-01', dateBasis: 'explicit', topics: ['trade'] });
    expect(termSearchPath(topicTerms([m], knowledge)[0]!)).toBe('search/?topic=Trade&sort=newest');
    expect(termSearchPath(personTerms([m], knowledge)[0]!)).toBe('search/?participant=Ann+Example&sort=newest');
    expect(termSearchPath(placeTerms([m], knowledge)[0]!)).toBe('search/?place=Alpha&sort=newest');
    expect(termSearchPath(topicTerms([m], knowledge)[2]!)).toBeNull();
  });
});
