import { describe, expect, it } from 'vitest';
import { cleanText, looksLikeHtml } from '../../../src/extract/clean.ts';
import { projectKnowledge } from './fixtures.ts';

const clean = (text: string) => cleanText(text, projectKnowledge());
const prose = (text: string) => clean(text).filter((l) => !l.chrome).map((l) => l.text);

describe('cleanText', { timeout: 60_000 }, () => {
  it('keeps each line with its position in the file', () => {
    const lines = clean('Title line here\n\n  Second paragraph starts here.');
    expect(lines.map((l) => [l.text, l.line, l.column])).toEqual([
      ['Title line here', 1, 1],
      ['Second paragraph starts here.', 3, 3],
    ]);
  });

  it('reads CRLF and a BOM', () => {
    expect(clean('\uFEFFOne\r\nTwo\r\n').map((l) => [l.text, l.line])).toEqual([['One', 1], ['Two', 2]]);
  });

  it('drops scripts, styles and tags of an HTML page and decodes entities', () => {
    const html = '<html><head><title>T &ndash; X</title><script>var d="2023-10-19"</script><style>p{}</style></head><body><p>Wang&nbsp;Yi &#8220;met&#8221; Lavrov &amp; others.</p><noscript>pixel</noscript></body></html>';
    const text = clean(html).map((l) => l.text);
    expect(text).toContain('Wang Yi “met” Lavrov & others.');
    expect(text.join(' ')).not.toMatch(/2023-10-19|pixel|<|p\{\}/);
  });

  it('marks furniture: menus, share rows, also-read, related blocks, source link', () => {
    const text = ['Dark Mode', 'Home | World | Asia', 'Share on X   Share on Facebook', 'The ministers met in Goa on Thursday.', 'Also Read: Rain expected', '', 'Related', '- Weather: Showers', '- Photos: Mist', '', 'Source link'].join('\n');
    expect(prose(text)).toEqual(['The ministers met in Goa on Thursday.']);
  });

  it('marks HTML furniture by element and class', () => {
    const html = '<body><nav>Home World</nav><div class="share-row">Share</div><p>Body text here.</p><aside class="related"><a>Other story</a></aside></body>';
    expect(prose(html)).toEqual(['Body text here.']);
  });

  it('leaves text with a stray entity as text, not HTML', () => {
    expect(looksLikeHtml('Lavrov &amp; Wang met <today>')).toBe(false);
    expect(looksLikeHtml('<p>Lavrov met Wang</p>')).toBe(true);
  });

  it('never turns markup inside text lines into tags', () => {
    expect(prose('Text <b>bold</b> and <script>alert(1)</script> here.')).toEqual(['Text bold and here.']);
  });
});
