// Reading the converter's frontmatter without js-yaml: the same data gray-matter gives, or null.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import matter from 'gray-matter';
import { describe, expect, it } from 'vitest';
import { readWrittenFrontmatter, readWrittenYaml } from '../../../src/build/frontmatter-reader.ts';
import { splitMeetingFile } from '../../../src/build/meetings-reader.ts';
import { frontmatterFile } from '../../../src/convert/frontmatter.ts';

/** Strings each of which the writer writes in another style, or that read as another type when plain. */
const awkward = [
  'plain words', "it's", 'a: b', 'a:b', '# not a comment', 'ends with a colon:', 'x #y', 'x#y', '2014-01-01', '2014-01-01 10:00', '12', '-3', '+4', '0x1f', '1e3', '.5',
  'null', 'Null', '~', 'true', 'False', 'yes', 'No', 'on', 'Off', 'y', '<<', '=', '- dash', '?', '[x]', '{x}', 'a, b', '"quoted"', "'single'", '@at', '`tick`', '%pct',
  '!tag', '&anchor', '*alias', '|pipe', '>fold', ' leading space', 'trailing space ', '', 'Москва', '王毅', 'emoji 🙂', 'nul \u0000 and bell \u0007', 'nbsp\u00a0here',
  'line\u2028separator', 'bom\ufeff', 'tab\there', 'back\\slash', 'quote " and \\ both', 'del\u007f', '\u0085next',
];

function record(): Record<string, unknown> {
  return {
    slug: '2023-07-14-jakarta',
    count: 3,
    negative: -7,
    zero: 0,
    flag: true,
    unset: false,
    nothing: null,
    empty: [],
    none: {},
    strings: awkward,
    location: { city: 'Jakarta', country: 'Indonesia', nested: { deeper: ['a', 'b'], blank: null } },
    sources: [
      { seed: '001', outlet: null, tags: ['x', 'y'], inner: { k: 'v' } },
      { seed: '002', outlet: 'TASS', tags: [], inner: {} },
    ],
    mixed: ['one', 2, null, false, { only: 'key' }],
    ...Object.fromEntries(awkward.map((text, i) => [`s${i}`, text])),
  };
}

describe('readWrittenFrontmatter', () => {
  it('reads what the converter writes to exactly what gray-matter reads, awkward strings and all', () => {
    const file = frontmatterFile(record(), '## Report\n\nText.\n');
    const fast = readWrittenFrontmatter(file);
    const slow = matter(file, {});
    expect(fast).not.toBeNull();
    expect(fast!.data).toStrictEqual(slow.data);
    expect(fast!.content).toBe(slow.content);
  });

  it('reads each of the project\'s meeting files as gray-matter does', () => {
    const dir = 'content/meetings';
    const names = readdirSync(dir).filter((n) => n.endsWith('.md'));
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) {
      const text = readFileSync(join(dir, name), 'utf8');
      const fast = readWrittenFrontmatter(text);
      expect(fast, name).not.toBeNull();
      expect(fast!.data, name).toStrictEqual(matter(text, {}).data);
    }
  });

  it.each([
    ['a comment line', 'a: 1\n# note\nb: 2'],
    ['a comment after a value', 'a: x # note'],
    ['a flow sequence', 'a: [1, 2]'],
    ['a flow mapping', 'a: {b: 1}'],
    ['an anchor and an alias', 'a: &x v\nb: *x'],
    ['a tag', 'a: !!str 1'],
    ['a literal block', 'a: |\n  line one\n  line two'],
    ['a folded block', 'a: >\n  folded'],
    ['a plain scalar over two lines', 'a: first\n  second'],
    ['a quoted scalar over two lines', "a: 'first\n  second'"],
    ['a sequence at its key\'s indent', 'a:\n- x\n- y'],
    ['a key with nothing under it', 'a:\nb: 1'],
    ['a duplicate key', 'a: 1\na: 2'],
    ['a tab', 'a:\tx'],
    ['a carriage return', 'a: x\r\nb: y'],
    ['a date (js-yaml reads a Date)', 'a: 2014-01-01'],
    ['a float', 'a: 1.5'],
    ['a quoted key', "'a b': 1"],
    ['a merge key', '<<: {a: 1}'],
    ['an unknown escape', 'a: "\\q"'],
    ['a sequence in a sequence', 'a:\n  - - x'],
    ['a line of spaces', 'a: 1\n   \nb: 2'],
    ['text after a quoted scalar', "a: 'x' y"],
  ])('declines what the converter never writes: %s', (_name, yaml) => {
    expect(readWrittenYaml(`\n${yaml}\n`)).toBeNull();
  });

  it('declines files without the opening delimiter and line break, or never closed', () => {
    expect(readWrittenFrontmatter('slug: x\n')).toBeNull();
    expect(readWrittenFrontmatter('---yaml\nslug: x\n---\n')).toBeNull();
    expect(readWrittenFrontmatter('---\nslug: x\n')).toBeNull();
  });

  it('leaves a file it declines to gray-matter in the loader: the same data, and its errors', () => {
    const declined = '---\n# a hand-written note\nslug: x\ntags: [a, b]\n---\nBody\n';
    expect(readWrittenFrontmatter(declined)).toBeNull();
    expect(splitMeetingFile(declined, 'x.md')).toStrictEqual({ data: { slug: 'x', tags: ['a', 'b'] }, body: 'Body' });
    expect(() => splitMeetingFile('---\nslug: x\nslug: y\n---\n', 'x.md')).toThrow(/x\.md: the frontmatter is not valid YAML/);
  });
});
