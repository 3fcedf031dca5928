import { describe, expect, it } from 'vitest';
import { absoluteUrl, normaliseBase, routes, sitePath, slugId, webUrl } from '../../../src/site/paths.ts';

describe('site paths honour the base', () => {
  it.each([
    ['/', '/'],
    ['', '/'],
    ['/archive', '/archive/'],
    ['archive/', '/archive/'],
    ['/a/b/', '/a/b/'],
  ])('normaliseBase(%j) = %j', (input, out) => expect(normaliseBase(input)).toBe(out));

  it('joins base and path with one slash', () => {
    expect(sitePath('/archive/', 'meetings/x/')).toBe('/archive/meetings/x/');
    expect(sitePath('/archive', '/meetings/x/')).toBe('/archive/meetings/x/');
    expect(sitePath('/', '')).toBe('/');
  });

  it('makes absolute URLs from SITE_URL and the base', () => {
    expect(absoluteUrl('https://parley.example', '/archive/', routes.meeting('2023-07-13-jakarta'))).toBe('https://parley.example/archive/meetings/2023-07-13-jakarta/');
  });

  it('numbers pages from 2; page 1 is the bare term path', () => {
    expect(routes.topic('sco')).toBe('topics/sco/');
    expect(routes.topic('sco', 1)).toBe('topics/sco/');
    expect(routes.topic('sco', 3)).toBe('topics/sco/3/');
  });
});

describe('webUrl keeps only http(s) links', () => {
  it.each([
    ['https://example.org/a?b=1', 'https://example.org/a?b=1'],
    ['HTTP://example.org', 'http://example.org/'],
    ['javascript:alert(1)', null],
    [' javascript:alert(1)', null],
    ['data:text/html,<script>', null],
    ['//example.org', null],
    ['/relative', null],
    ['https://', null],
    [null, null],
  ])('%j → %j', (input, out) => expect(webUrl(input)).toBe(out));
});

describe('slugId', () => {
  it.each([
    ['São Paulo', 'sao-paulo'],
    ['New  York', 'new-york'],
    ['Nur-Sultan', 'nur-sultan'],
  ])('%j → %j', (input, out) => expect(slugId(input)).toBe(out));

  it('gives names without Latin letters a stable short id', () => {
    expect(slugId('Москва')).toMatch(/^x-[0-9a-f]{8}$/);
    expect(slugId('Москва')).toBe(slugId('Москва'));
    expect(slugId('Москва')).not.toBe(slugId('Пекин'));
  });
});
