// Reading a built page the way Pagefind does: the marked body, heading weights, ignored parts, meta.
import { describe, expect, it } from 'vitest';
import { hasPagefindBody, pageText, parseHtml } from '../../../src/offline/page-text.ts';

const html = `<!doctype html><html><head><title>x</title></head><body>
<header><a href="/">Home</a></header>
<main data-pagefind-body>
  <h1 data-pagefind-meta="title">Ministers meet</h1>
  <p>In <span data-pagefind-meta="place">Riverton, Northland</span> on Monday.</p>
  <div data-pagefind-ignore><p>Not this</p></div>
  <script>var notThis = 1;</script>
  <span data-pagefind-meta="kind:record" hidden>2024</span>
</main>
<footer>Footer text</footer></body></html>`;

describe('pageText', () => {
  it('reads the marked body with heading weights, skipping ignored parts and scripts', () => {
    const text = pageText(html, 'meetings/x/', true)!;
    expect(text.words.map((w) => w.text)).toEqual(['Ministers', 'meet', 'In', 'Riverton,', 'Northland', 'on', 'Monday.', '2024']);
    expect(text.words.slice(0, 2).map((w) => w.weight)).toEqual([7, 7]);
    expect(text.words[2]!.weight).toBe(1);
  });

  it('reads meta fields: text, literal values', () => {
    expect(pageText(html, 'meetings/x/', true)!.meta).toEqual({ title: 'Ministers meet', place: 'Riverton, Northland', kind: 'record' });
  });

  it('skips pages without a marked body when the site marks bodies, and reads the whole body when it does not', () => {
    const plain = '<html><body><h2>Topics</h2><p>All topics</p></body></html>';
    expect(hasPagefindBody(parseHtml(plain))).toBe(false);
    expect(pageText(plain, 'topics/', true)).toBeNull();
    expect(pageText(plain, 'topics/', false)!.words.map((w) => [w.text, w.weight])).toEqual([['Topics', 6], ['All', 1], ['topics', 1]]);
  });
});
