// The part of a page a search indexer reads, cut out without parsing only when nothing else matters.
import { describe, expect, it } from 'vitest';
import { indexedPart, withoutIgnored } from '../../../src/offline/indexed-part.ts';
import { pageText } from '../../../src/offline/page-text.ts';

const frame = (head: string, main: string, rest = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A meeting · Parley</title>${head}</head><body><header><nav><a href="/">Home</a></nav></header>${main}<footer>Footer words</footer>${rest}</body></html>`;
const main = '<main id="main" data-pagefind-body><h1 data-pagefind-meta="title">A meeting</h1><p>Lavrov met Wang Yi.</p><span data-pagefind-filter="year">2023</span></main>';

describe('indexedPart', () => {
  it('keeps the <html> tag, the title and the marked <main>, and nothing else', () => {
    expect(indexedPart(frame('', main))).toBe(`<!doctype html><html lang="en"><head><title>A meeting · Parley</title></head><body>${main}</body></html>`);
  });

  it.each([
    ['a filter outside the marked element', frame('', main, '<p data-pagefind-filter="x">y</p>')],
    ['a meta field in the head', frame('<meta data-pagefind-meta="image[content]" content="x.png">', main)],
    ['an <h1> outside it (Pagefind takes the first as the title)', frame('', main.replace(' data-pagefind-meta="title"', ''), '<h1>Other</h1>').replace('<header>', '<header><h1>Site</h1>')],
    ['a second marked body', frame('', main, '<div data-pagefind-body>more</div>')],
    ['a second <main>', frame('', main, '<main>more</main>')],
    ['no marked <main>', frame('', '<main><p>x</p></main>')],
    ['a marked element that is not a <main>', frame('', '<article data-pagefind-body><p>x</p></article>')],
  ])('is null when the rest of the page could matter: %s', (_name, page) => {
    expect(indexedPart(page)).toBeNull();
  });

  it('reads to the same words, weights and meta fields as the whole page', () => {
    const page = frame('<link rel="stylesheet" href="/a.css">', main);
    const whole = pageText(page.replace('<html lang="en">', '<html lang="en" data-pagefind-x>'), '/m/', true);
    expect(indexedPart(page)).not.toBeNull();
    expect(pageText(page, '/m/', true)).toEqual(whole);
  });
});

describe('withoutIgnored', () => {
  it('leaves out ignored elements, with same-named elements nested inside them', () => {
    const html = '<main><p>Kept <span data-pagefind-ignore class="x">gone <span>too</span></span>words.</p><div data-pagefind-ignore><div><p>gone</p></div></div><details data-pagefind-ignore="index"><summary>e</summary></details><p>End</p></main>';
    expect(withoutIgnored(html)).toBe('<main><p>Kept words.</p><p>End</p></main>');
  });

  it.each([
    ['a meta field inside', '<div data-pagefind-ignore><span data-pagefind-meta="place">Kazan</span></div>'],
    ['a filter inside', '<div data-pagefind-ignore><span data-pagefind-filter="year">2023</span></div>'],
    ['another pagefind attribute on its own tag', '<p data-pagefind-ignore data-pagefind-weight="2">x</p>'],
    ['"all", which leaves out meta fields and filters too', '<div data-pagefind-ignore="all"><p>x</p></div>'],
    ['an <h1>, which Pagefind may take as the title', '<div data-pagefind-ignore><h1>Title</h1></div>'],
    ['no end tag', '<div data-pagefind-ignore><p>x</p>'],
    ['the marker in text, not on a tag', '<p>data-pagefind-ignore is an attribute</p>'],
  ])('keeps what an indexer reads or what it cannot place: %s', (_name, html) => {
    expect(withoutIgnored(html)).toBe(html);
  });

  it('leaves out an ignored void element alone', () => {
    expect(withoutIgnored('<p>a<img data-pagefind-ignore src="x.png">b<img src="y.png"></p>')).toBe('<p>ab<img src="y.png"></p>');
  });

  it('gives a page that reads to the same words as the whole page, ignored parts and all', () => {
    const marked = '<main id="main" data-pagefind-body><h1 data-pagefind-meta="title">A meeting</h1><p>Lavrov <span data-pagefind-ignore>(noted)</span>met Wang Yi.</p><details data-pagefind-ignore><summary>Evidence</summary><blockquote>quoted words</blockquote></details><section data-pagefind-ignore><h2 id="cite">Cite</h2><pre>@misc{x}</pre></section><p>Talks.</p></main>';
    const page = frame('', marked);
    const part = indexedPart(page)!;
    expect(part).not.toContain('quoted words');
    expect(part).not.toContain('@misc');
    expect(pageText(page, '/m/', true)).toEqual(pageText(page.replace('<html lang="en">', '<html lang="en" data-pagefind-x>'), '/m/', true));
  });
});
