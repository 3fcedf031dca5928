// The downloadable copy: links to files relative to each page, online-only parts dropped.
import { describe, expect, it } from 'vitest';
import { posix } from 'node:path';
import { bytesAsText, copyHtml, copySearchPage, leftOutOfCopy, relativeLink, relativePath, withoutMarked } from '../../../src/offline/copy.ts';

const files = new Set(['index.html', 'search/index.html', 'meetings/a/index.html', 'topics/index.html', 'topics/t/2/index.html', 'favicon.svg', 'feed.xml', '_astro/x.css']);
const context = { base: '/archive/', files };

describe('relativeLink', () => {
  it.each([
    ['/archive/', 'meetings/a/index.html', '../../index.html'],
    ['/archive', 'meetings/a/index.html', '../../index.html'],
    ['/archive/topics/', 'meetings/a/index.html', '../../topics/index.html'],
    ['/archive/topics/t/2/', 'topics/index.html', 't/2/index.html'],
    ['/archive/search/?q=x#top', 'index.html', 'search/index.html?q=x#top'],
    ['/archive/favicon.svg', 'topics/t/2/index.html', '../../../favicon.svg'],
    ['/archive/meetings/a', 'index.html', 'meetings/a/index.html'],
    ['../../topics/', 'meetings/a/index.html', '../../topics/index.html'],
  ])('%s from %s → %s', (link, page, expected) => {
    expect(relativeLink(link, page, context)).toBe(expected);
  });

  it.each(['#main', 'https://example.org/', '//cdn.example.org/x.js', 'mailto:a@b.c', '/elsewhere/'])('leaves %s alone', (link) => {
    expect(relativeLink(link, 'index.html', context)).toBeNull();
  });
});

describe('copyHtml', () => {
  const page = `<html><head><link rel="manifest" href="/archive/manifest.webmanifest"><link rel="icon" href="/archive/favicon.svg">
<style>body{background:url(/archive/_astro/x.css)}</style></head><body>
<a href="/archive/topics/">Topics</a><form action="/archive/search/" method="get"></form>
<script type="module" src="/archive/_astro/search.js"></script>
<p class="parley-offline" data-parley-online><a href="/archive/parley-offline.zip">Download</a></p>
<script src="/archive/offline.js" data-base="/archive/" defer data-parley-online></script>
<a href="https://example.org/">out</a></body></html>`;
  const out = copyHtml(page, 'meetings/a/index.html', context);

  it('rewrites links, forms, icons and CSS urls to relative files', () => {
    expect(out).toContain('href="../../topics/index.html"');
    expect(out).toContain('action="../../search/index.html"');
    expect(out).toContain('href="../../favicon.svg"');
    expect(out).toContain('url("../../_astro/x.css")');
    expect(out).toContain('href="https://example.org/"');
  });

  it('rewrites a redirect page\'s meta refresh', () => {
    const moved = copyHtml('<head><meta http-equiv="refresh" content="0; url=/archive/meetings/a/"></head>', 'meetings/old/index.html', context);
    expect(moved).toContain('content="0; url=../a/index.html"');
  });

  it('drops the web manifest, module scripts and the online-only controls', () => {
    expect(out).not.toContain('manifest');
    expect(out).not.toContain('type="module"');
    expect(out).not.toContain('parley-offline.zip');
    expect(out).not.toContain('offline.js');
  });
});

describe('copyHtml on a page held as its bytes', () => {
  // Cyrillic Р is the bytes D0 A0 and a no-break space C2 A0: read one per character, A0 is a
  // character JavaScript's \s matches, beside "href=" and in a meta refresh.
  const files = new Set([...context.files, 'places/é/index.html', 'places/Р/index.html']);
  const page = `<html><head><meta http-equiv="refresh" content="\u00a00; url=/archive/places/é/"></head><body>
<a href="/archive/places/é/">é</a> <a href='/archive/places/%D0%A0/'>Р</a>
<p>Рhref="/archive/topics/" and\u00a0href="/archive/topics/"</p><p data-x="Р"\u00a0data-parley-online>stays</p>
<a href="/archive/search/?q=Москва">Москва</a></body></html>`;

  it('writes the same bytes as the page read as text', () => {
    const asText = Buffer.from(copyHtml(page, 'meetings/a/index.html', { ...context, files }));
    const asBytes = Buffer.from(copyHtml(Buffer.from(page).toString('latin1'), 'meetings/a/index.html', { ...context, files }, bytesAsText), 'latin1');
    expect(asBytes.toString('utf8')).toBe(asText.toString('utf8'));
    expect(asText.toString('utf8')).toContain('href="../../places/%C3%A9/index.html"');
    expect(asText.toString('utf8')).toContain('href="../../search/index.html?q=Москва"');
  });

  it('rewrites only links in tags: HTML separates attributes with ASCII whitespace alone', () => {
    const out = copyHtml(page, 'meetings/a/index.html', { ...context, files });
    expect(out).toContain('Рhref="/archive/topics/" and\u00a0href="/archive/topics/"');
    expect(out).toContain('content="\u00a00; url=/archive/places/é/"');
    expect(out).toContain('stays');
  });
});

describe('copySearchPage', () => {
  it('puts the copy\'s own search, loaded by classic scripts, in the page\'s main', () => {
    const out = copySearchPage('<body><main id="main" class="wrap"><h1>Search</h1><div id="pagefind"></div></main></body>', 'search/index.html');
    expect(out).toContain('<main id="main" class="wrap">');
    expect(out).not.toContain('id="pagefind"');
    expect(out).toContain('<script src="../offline/search-index.js"></script>');
    expect(out).toContain('<script src="../offline/search.js"></script>');
  });
});

describe('leftOutOfCopy', () => {
  it('leaves out Pagefind and the online-only files', () => {
    expect(['pagefind/pagefind.js', 'sw.js', 'offline.js', 'manifest.webmanifest', 'parley-offline.zip'].every(leftOutOfCopy)).toBe(true);
    expect(leftOutOfCopy('meetings/a/index.html')).toBe(false);
  });
});

describe('relativePath', () => {
  it.each([
    ['meetings/a', 'meetings/b/index.html'], ['meetings/a', 'meetings/a/index.html'], ['.', 'topics/index.html'], ['topics/t/2', 'favicon.svg'],
    ['a/b', 'a'], ['a/b', 'a/b'], ['a/bc', 'a/b/x.html'], ['a', 'ab/c.html'], ['a/./b', 'x.html'], ['a', 'b//c.html'], ['a', '../x.html'],
  ])('from %s to %s: as posix.relative', (from, to) => {
    expect(relativePath(from, to)).toBe(posix.relative(from, to) || posix.basename(to));
  });
});

describe('withoutMarked', () => {
  const element = /<(p|span|div)\b[^>]*\sdata-x\b[^>]*>[\s\S]*?<\/\1>/g;
  it.each([
    ['two marked elements among others', '<div>a</div><p data-x>b</p><span class="k" data-x>c</span><div>d</div>'],
    ['a marker in text before a marked element', '<p>say data-x here</p><div data-x>gone</div>'],
    ['a "<" in an attribute value before the marker', '<div title="a<b" data-x>gone</div><p data-x>also</p>'],
    ['a marker inside a removed element', '<div data-x><span data-x>in</span></div>tail'],
    ['no marked element at all', '<p>plain</p>'],
  ])('removes what a global replace removes: %s', (_name, page) => {
    expect(withoutMarked(page, 'data-x', element)).toBe(page.replace(element, ''));
  });
});
