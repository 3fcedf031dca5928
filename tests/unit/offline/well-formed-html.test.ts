// The light reader of built pages: the full parser's tree wherever it returns one, and null for
// every construct the full parser would restructure (implied ends, misnesting, tables, raw text…).
import type { Element, Root, RootContent } from 'hast';
import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../src/offline/page-text.ts';
import { keepsAttribute, readWellFormedHtml } from '../../../src/offline/well-formed-html.ts';

type Shape = string | { tag: string; props: Record<string, unknown>; children: Shape[] };

/** What the index reads of a tree: elements, kept attributes and text (adjacent texts joined, comments and doctype dropped). */
function shape(node: Root | Element): Shape[] {
  const out: Shape[] = [];
  for (const child of node.children as RootContent[]) {
    if (child.type === 'text') {
      if (typeof out.at(-1) === 'string') out[out.length - 1] += child.value;
      else out.push(child.value);
    } else if (child.type === 'element') {
      const props = Object.fromEntries(Object.entries(child.properties).filter(([k]) => k === 'id' || /^dataPagefind/.test(k)));
      out.push({ tag: child.tagName, props, children: shape(child) });
    }
  }
  return out;
}

const page = (body: string, head = '<title>T</title>') => `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;

describe('readWellFormedHtml', () => {
  it.each([
    ['a built page', page('<header><a href="/">Home</a></header><main id="main" data-pagefind-body><h1 data-pagefind-meta="title">A &amp; B</h1><p>x<br>y</p><dl><div><dt>Date</dt><dd><time datetime="2014">1 Jan</time><p>note</p></dd></div></dl></main><footer><p>f</p></footer>')],
    ['lists, nested', page('<ul><li>a<ul><li>b</li></ul></li><li>c</li></ul><ol><li><p>d</p></li></ol>')],
    ['a newline after <pre> dropped, and only one', page('<pre>\n\nline</pre><pre>x\n</pre><listing>\ny</listing>')],
    ['references', page('<p>&lt;tag&gt; &quot;q&quot; &apos; &#39;&#x41;&nbsp;|</p><p data-pagefind-meta="k:a &amp; b">&#128512;</p>')],
    ['a "<" that opens no tag, and "</>"', page('<p>1 < 2 <3 </>x</p>')],
    ['attributes: unquoted, single-quoted, uppercase, duplicated, without a value', page('<DIV ID=one data-pagefind-weight=\'2\' DATA-PAGEFIND-IGNORE data-pagefind-weight="3"><Span>A</SPAN></div>')],
    ['a title in the body, and a title with "<" in it', page('<p>x</p><title>a <b> c</title>', '<title>1 < 2 &amp; 3</title>')],
    ['comments and whitespace around the head and after the body', `<!-- c --><!DOCTYPE html>\n<html>\n<head>\n<meta charset="utf-8">\n</head>\n<body><p>x</p><!----></body>\n</html>\n`],
    ['an implied head', '<html><body><h2>Topics</h2><p>All topics</p></body></html>'],
    ['a void element written self-closing, and a self-closing div left open as the parser does', page('<p>a<br/>b<img src="x" /></p><div/>text</div>')],
    ['elements still open at the end of the file', '<!DOCTYPE html><html><head></head><body><div><p>open'],
    ['forms, buttons and links, one at a time', page('<form><label>q</label><input name=q><button>go</button></form><a href="/">1</a><a href="/2">2</a>')],
  ])('%s: the same tree as the full parser', (_name, html) => {
    const light = readWellFormedHtml(html);
    expect(light).not.toBeNull();
    expect(shape(light!)).toEqual(shape(parseHtml(html)));
  });

  it.each([
    ['a block inside a paragraph', page('<p>a<div>b</div></p>')],
    ['a paragraph ended by the next', page('<p>a<p>b')],
    ['a list item ended by the next', page('<ul><li>a<li>b</ul>')],
    ['a heading inside a heading', page('<h1>a<h2>b</h2></h1>')],
    ['misnested inline elements', page('<b><i>x</b></i>')],
    ['a stray end tag', page('<div>x</span></div>')],
    ['</p> with no paragraph open', page('<div></p></div>')],
    ['</br>', page('<p>a</br>b</p>')],
    ['a table', page('<table><tr><td>x</td></tr></table>')],
    ['a link inside a link', page('<a href="/">a<a href="/b">b</a></a>')],
    ['a form inside a form', page('<form><div><form></form></div></form>')],
    ['raw text and templates', page('<noscript><p>x</p></noscript>')],
    ['textarea', page('<textarea>\nx</textarea>')],
    ['select', page('<select><option>a<option>b</select>')],
    ['svg left in the page', page('<svg><title>x</title></svg>')],
    ['an unknown character reference', page('<p>&copy; &amp x &unknown;</p>')],
    ['a C1 numeric reference', page('<p>&#150;</p>')],
    ['carriage returns', page('<p>a\r\nb</p>')],
    ['text in the head', page('<p>x</p>', '<title>T</title>stray')],
    ['an element in the head that belongs in the body', page('<p>x</p>', '<div>d</div>')],
    ['text after the body', `${page('<p>x</p>')}trailing`],
    ['no body', '<!DOCTYPE html><html><head><title>T</title></head></html>'],
    ['a bogus comment', page('<p><!x>y</p>')],
    ['an abruptly closed comment', page('<p><!-->y</p>')],
    ['a second body', page('<p>x</p><body class="b">')],
    ['</body> with an element still open', page('<div>x')],
  ])('%s: null, left to the full parser', (_name, html) => {
    expect(readWellFormedHtml(html)).toBeNull();
  });

  it('keeps id and data-pagefind-* only, under hast property names', () => {
    const tree = readWellFormedHtml(page('<p id="a" class="c" data-pagefind-meta="x:y" data-other="z">t</p>'))!;
    const p = (((tree.children[0] as Element).children[1] as Element).children[0] as Element);
    expect(p.properties).toEqual({ id: 'a', dataPagefindMeta: 'x:y' });
    expect(keepsAttribute('data-pagefind-filter')).toBe(true);
    expect(keepsAttribute('data-other')).toBe(false);
  });
});
