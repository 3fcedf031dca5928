// Text stays text: whatever markup a seed holds comes out of the converter as escaped text.
import matter from 'gray-matter';
import { describe, expect, it } from 'vitest';
import { bodyMarkdown } from '../../../src/extract/body.ts';
import { convertText } from './fixtures.ts';

const hostile = [
  '---',
  'title: injected',
  'date: 1999-01-01',
  '---',
  'Lavrov and Wang Yi met in Beijing <script>alert("x")</script> <img src=x onerror="alert(1)">',
  '',
  'BEIJING, 9 April 2024 — Russian Foreign Minister Sergey Lavrov met Chinese Foreign Minister Wang Yi in Beijing on Tuesday. See <a href="javascript:alert(1)">this link</a> and [a link](javascript:alert(2)).',
  '',
  'They discussed {props.secret} and {`${1+1}`} and <!-- a comment --> and `code` and ```fences``` and <div onclick="x()">a div</div> and import x from "y"; export const z = 1;',
  '',
  '---',
  'Trailing rule: <style>body{display:none}</style> # not a heading',
].join('\n');

describe('body and frontmatter safety', { timeout: 60_000 }, () => {
  const result = convertText(hostile, 'hostile');
  const [name, file] = [...result.files.entries()][0]!;

  it('converts the report', () => expect(name).toBe('2024-04-09-beijing.md'));

  it('keeps the frontmatter to the converter’s own keys', () => {
    const parsed = matter(file);
    expect(parsed.data.title).not.toBe('injected');
    expect(parsed.data.date).toBe('2024-04-09');
    expect(Object.keys(parsed.data)).not.toContain('import');
  });

  it('leaves no live markup in the body', () => {
    const body = matter(file).content;
    expect(body).not.toMatch(/<script|<img|<a |<div|<style|<!--|onerror=|onclick=/i);
    expect(body).not.toMatch(/\]\(javascript:/i);
    expect(body).not.toMatch(/^---$/m);
    expect(body).not.toMatch(/^(import|export) /m);
    expect(body).not.toMatch(/(^|[^\\])\{props/);
    expect(body).not.toMatch(/(^|[^\\])`/);
  });

  it('escapes Markdown syntax written in text', () => {
    const out = bodyMarkdown([{ heading: '# Outlet *one*', paragraphs: ['<b>bold</b>', '# not a heading', '---', '[x](javascript:y)', '{a}', '`tick`', '<!-- c -->'] }]);
    expect(out).toContain('## # Outlet \\*one\\*');
    for (const line of out.split('\n').filter(Boolean).slice(1)) expect(line).toMatch(/^(\\|&#x3C;|[^<#`[{-])/);
  });
});

describe('bodyMarkdown writes text as remark writes the whole tree', () => {
  it('gives the same bytes for plain and awkward lines', async () => {
    const { unified } = await import('unified');
    const remarkStringify = (await import('remark-stringify')).default;
    const processor = unified().use(remarkStringify, { bullet: '-', emphasis: '_', fences: true, rule: '-', unsafe: [{ character: '{' }, { character: '}' }, { character: '`' }] });
    const lines = [
      'Plain text, with commas: and colons.', "Lavrov's visit (the first) - a \"milestone\".", '1 января 2014 года', '1. not a list', '2) nor this', '- dash', '--- rule',
      '---', '+ plus', '* star', '# hash', 'a # b', 'a_b', 'x *y*', '[link]', 'a!b', '![img]', '&amp;', 'a & b', '<b>', 'a < b', '> quote', 'a > b', '= eq', '~ tilde',
      'back\\slash', '{brace}', '`tick`', ' lead', 'trail ', 'tab\tin', 'line\nbreak', '1999', '2014.', '|pipe|',
    ];
    for (const line of lines) {
      const sections = [{ heading: line, paragraphs: [line, 'after'] }];
      const tree = { type: 'root' as const, children: [{ type: 'heading' as const, depth: 2 as const, children: [{ type: 'text' as const, value: line }] }, { type: 'paragraph' as const, children: [{ type: 'text' as const, value: line }] }, { type: 'paragraph' as const, children: [{ type: 'text' as const, value: 'after' }] }] };
      const whole = processor.stringify(tree).replace(/^(-{3,})$/gm, (m) => `\\${m}`);
      expect(bodyMarkdown(sections), JSON.stringify(line)).toBe(whole);
    }
  });
});
