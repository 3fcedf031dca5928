// The part of a page a search indexer reads, cut out without parsing only when nothing else matters.
import { describe, expect, it } from 'vitest';
import { indexedPart } from '../../../src/offline/indexed-part.ts';
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
