// The direct frontmatter writer gives gray-matter's bytes, string style by string style.
import matter from 'gray-matter';
import { describe, expect, it } from 'vitest';
import { frontmatterFile, implicitTypes, mayReadAsOtherType, needsStyleChecks } from '../../../src/convert/frontmatter.ts';

const viaGrayMatter = (data: Record<string, unknown>, body: string) => matter.stringify(body, data, { lineWidth: -1 } as never);

const strings = [
  '', 'plain words', 'Lavrov met Wang Yi', '2024-04-09', '2024-04-09T10:00:00Z', '12', '-3', '0x1f', '1e3', '.5', '.inf', 'null', 'Null', '~', 'true',
  'False', 'yes', 'no', 'on', 'Off', 'y', 'N', '<<', 'a: b', 'a:b', 'key:', 'a #b', 'a#b', '#tag', '- item', '-item', '? q', ': c', ', d', '[x]', 'x]', '{y}',
  'x}', '& anchor', '* alias', '! tag', '| pipe', 'a | b', '= eq', '> gt', "'quoted'", "it's", '"double"', 'say "hi"', '% pct', '@ at', '` tick', 'trailing ',
  ' leading', 'tab\there', 'line\nbreak', 'ends\n', 'ends\n\n', '\n', '\nlead', ' \nspace first', 'nbsp\u00a0here', 'em\u2003space', 'end\u2003',
  'bom\ufeff', 'sep\u2028line', 'emoji 😀', 'ctrl\u0007', 'del\u007f', 'nel\u0085', 'Москва, 9 апреля', '王毅', 'a\\b', 'very long '.repeat(40),
];

describe('frontmatterFile', () => {
  it('writes every string as js-yaml does', () => {
    for (const s of strings) {
      const data = { title: s, list: [s, { text: s, n: 3 }], nested: { inner: s, deeper: { x: [s] } } };
      expect(frontmatterFile(data, 'body\n'), JSON.stringify(s)).toBe(viaGrayMatter(data, 'body\n'));
    }
  });

  it('writes nulls, numbers, booleans, empty lists and mappings as js-yaml does', () => {
    const data = { a: null, b: 0, c: 42, d: true, e: false, f: [], g: {}, h: [null, 1, [], {}], i: [{ x: null, y: [] }] };
    expect(frontmatterFile(data, '')).toBe(viaGrayMatter(data, ''));
    expect(frontmatterFile({}, 'only body')).toBe(viaGrayMatter({}, 'only body'));
  });

  it('leaves to gray-matter what it does not write itself', () => {
    const shared = { seed: 's', line: 1 };
    for (const data of [{ a: [shared, shared] }, { a: 1.5 }, { a: [[1, 2], [3]] }, { 'odd key': 1 }, { when: new Date(0) }]) {
      expect(frontmatterFile(data, 'x')).toBe(viaGrayMatter(data, 'x'));
    }
  });
});

describe('strings that may read as another type', () => {
  it('all start with one of the characters the writer checks for', () => {
    const suffixes = ['', '0', '1', '_', '_1', '1_', ':30', ':30.5', '.5', '.', 'e3', '.5e3', 'ull', 'ULL', 'rue', 'RUE', 'alse', 'ALSE', 'x1F', 'b01', 'o7', '<', 'inf', 'nan', '023-01-01', '1:2'];
    const firsts = new Set<string>();
    for (let c = 0; c < 0x10000; c++) {
      const first = String.fromCharCode(c);
      if (suffixes.some((s) => implicitTypes.some((t) => t.resolve(first + s)))) firsts.add(first);
    }
    for (const first of firsts) expect(mayReadAsOtherType.test(first), first).toBe(true);
  });
});

describe('needsStyleChecks', () => {
  // The one-pass check stands for these three scans: any of them finding something.
  const unprintable = /[^\n\x20-\x7e\xa1-\ud7ff\ue000-\ufffd]|[\u2028\u2029\ufeff]/;
  const notPlain = /^[ \-?:,[\]{}#&*!|=>'"%@`]|[,[\]{}:]| #| $/;
  const byScans = (text: string) => unprintable.test(text) || text.includes('\n') || notPlain.test(text);

  it('agrees with the scans for every UTF-16 unit at the start, inside, at the end and after a space', () => {
    for (let c = 0; c < 0x10000; c++) {
      const unit = String.fromCharCode(c);
      for (const text of [unit, `${unit}a`, `a${unit}b`, `ab${unit}`, `a ${unit}`, `${unit} `, `a ${unit}b`]) {
        if (needsStyleChecks(text) !== byScans(text)) expect(needsStyleChecks(text), JSON.stringify(text)).toBe(byScans(text));
      }
    }
    for (const text of strings) expect(needsStyleChecks(text), JSON.stringify(text)).toBe(byScans(text));
  });
});
