// Reading a built page the way Pagefind's indexer does: the marked body, inline elements running
// together, blocks apart, heading and explicit weights (in 24ths), ignored parts, meta fields.
import { describe, expect, it } from 'vitest';
import { indexedPart } from '../../../src/offline/indexed-part.ts';
import { digestWords, marksPagefindBody, pageText } from '../../../src/offline/page-text.ts';

const html = `<!doctype html><html><head><title>x</title></head><body>
<header><a href="/">Home</a></header>
<main data-pagefind-body>
  <h1 data-pagefind-meta="title">Ministers meet</h1>
  <p>In <span data-pagefind-meta="place">Riverton, Northland</span> on Monday</p>
  <div data-pagefind-ignore><p>Not this</p></div>
  <script>var notThis = 1;</script>
  <nav>Not the navigation</nav>
  <div hidden data-pagefind-meta="kind:record"><span>Alpha</span><span>Beta</span></div>
  <p data-pagefind-weight="0.5">Also known</p>
</main>
<footer>Footer text</footer></body></html>`;

describe('pageText', () => {
  const text = pageText(html, 'meetings/x/', true)!;

  it('reads the marked body as Pagefind does: sentences end with a stop, adjacent inline elements make one word', () => {
    expect(text.words.map((w) => w.text)).toEqual(['Ministers', 'meet.', 'In', 'Riverton,', 'Northland', 'on', 'Monday.', 'AlphaBeta.', 'Also', 'known.']);
  });

  it('weights headings and data-pagefind-weight in 24ths', () => {
    expect(text.words.map((w) => w.weight)).toEqual([168, 168, 24, 24, 24, 24, 24, 24, 12, 12]);
  });

  it('reads the same from the indexed part the caller has already cut, and from the whole page when told there is none', () => {
    const part = indexedPart(html);
    expect(part).not.toBeNull();
    expect(pageText(html, 'meetings/x/', true, part)).toEqual(text);
    expect(pageText(html, 'meetings/x/', true, null)).toEqual(text);
    // The part is what is read: a different one gives different words.
    expect(pageText(html, 'meetings/x/', true, part!.replace('Monday', 'Tuesday'))!.words.map((w) => w.text)).toContain('Tuesday.');
    // Given a part, the page itself is not read (the copy does not decode it then).
    expect(pageText('', 'meetings/x/', true, part)).toEqual(text);
  });

  it('reads meta fields: text and literal values', () => {
    expect(text.meta).toEqual({ title: 'Ministers meet', place: 'Riverton, Northland', kind: 'record' });
  });

  it('skips pages without a marked body when the site marks bodies, and reads the whole body when it does not', () => {
    const plain = '<html><body><h2>Topics</h2><p>All topics</p></body></html>';
    expect(marksPagefindBody(plain)).toBe(false);
    expect(marksPagefindBody(html)).toBe(true);
    expect(pageText(plain, 'topics/', true)).toBeNull();
    const whole = pageText(plain, 'topics/', false)!;
    expect(whole.words.map((w) => [w.text, w.weight])).toEqual([['Topics.', 144], ['All', 24], ['topics.', 24]]);
    expect(whole.meta.title).toBeUndefined();
  });
});

describe('pageText on pages the light reader leaves to the full parser', () => {
  it('reads markup the parser restructures as the parser does: a block closes the open paragraph', () => {
    const text = pageText('<html><body><main data-pagefind-body><p>One<div>Two</div>Three</p></main></body></html>', 'x/', true)!;
    expect(text.words.map((w) => w.text)).toEqual(['One.', 'Two.', 'Three']);
  });

  it('reads a meta field from an attribute only the full tree keeps', () => {
    const text = pageText('<html><head><meta data-pagefind-meta="image[content]" content="/a.png"></head><body><main data-pagefind-body><h1>T</h1></main></body></html>', 'x/', true)!;
    expect(text.meta).toEqual({ image: '/a.png', title: 'T' });
  });

  it('skips a page that names no data-pagefind-body when the site marks bodies', () => {
    expect(pageText('<html><body><main><p>x</p></main></body></html>', 'x/', true)).toBeNull();
  });
});

describe('digestWords', () => {
  it('applies explicit weights over headings inside them, and zero weights', () => {
    const words = digestWords(' ___PAGEFIND_WEIGHT___2 a ___PAGEFIND_AUTO_WEIGHT___7 b ___END_PAGEFIND_WEIGHT___ ___END_PAGEFIND_WEIGHT___ ___PAGEFIND_WEIGHT___0 c ___END_PAGEFIND_WEIGHT___ d');
    expect(words).toEqual([{ text: 'a', weight: 48 }, { text: 'b', weight: 48 }, { text: 'c', weight: 0 }, { text: 'd', weight: 24 }]);
  });
});
