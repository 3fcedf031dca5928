import { describe, expect, it } from 'vitest';
import { builtFileOf, listenToRenderedPages, renderedPageListener } from '../../../src/build/rendered-pages.ts';

describe('builtFileOf', () => {
  it.each([
    ['/', '/', 'index.html'],
    ['/meetings/2023-07-13-jakarta/', '/', 'meetings/2023-07-13-jakarta/index.html'],
    ['/archive/', '/archive/', 'index.html'],
    ['/archive', '/archive/', 'index.html'],
    ['/archive/topics/sco/2/', '/archive', 'topics/sco/2/index.html'],
    ['/404', '/', '404.html'],
    ['/archive/404', '/archive/', '404.html'],
    ['/feed.xml', '/', 'feed.xml'],
    ['/places/s%C3%A3o-paulo/', '/', 'places/são-paulo/index.html'],
  ])('%s under %s is written to %s', (pathname, base, file) => {
    expect(builtFileOf(pathname, base)).toBe(file);
  });

  it.each([
    ['/other/meetings/x/', '/archive/'],
    ['/archive-2/x/', '/archive/'],
    ['/a/../b/', '/'],
    ['/%E0%A4%A/', '/'],
  ])('%s under %s is no file of the site', (pathname, base) => {
    expect(builtFileOf(pathname, base)).toBeNull();
  });
});

describe('the rendered-page listener', () => {
  it('is there only while one is set', () => {
    expect(renderedPageListener()).toBeUndefined();
    const seen: string[] = [];
    listenToRenderedPages((file) => void seen.push(file));
    renderedPageListener()!('index.html', null);
    listenToRenderedPages(null);
    expect(renderedPageListener()).toBeUndefined();
    expect(seen).toEqual(['index.html']);
  });
});
