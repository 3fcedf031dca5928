import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { meetingEntry, meetingFileNames, readMeetings, splitMeetingFile } from '../../../src/build/meetings-reader.ts';
import { holdMeetingsUntil } from '../../../src/build/meetings-ready.ts';

const file = (slug: string, body = '## Report\n\nText.') => `---\nslug: ${slug}\ntitle: A meeting\n---\n${body}\n`;
const committed = 'content/meetings';

describe('meetings reader', () => {
  let root = '';
  afterEach(() => rmSync(root, { recursive: true, force: true }));
  /** A folder with the committed meeting files and a file that is not one. */
  const setUp = () => {
    root = mkdtempSync(join(tmpdir(), 'parley-reader-'));
    mkdirSync(join(root, 'meetings'));
    for (const name of meetingFileNames(committed)) copyFileSync(join(committed, name), join(root, 'meetings', name));
    writeFileSync(join(root, 'meetings', 'notes.txt'), 'not a meeting file');
    return join(root, 'meetings');
  };

  it('lists only .md files, in name order', () => {
    const dir = setUp();
    writeFileSync(join(dir, '0000-a.md'), file('0000-a'));
    expect(meetingFileNames(dir)).toEqual(['0000-a.md', '2021-07-15-tashkent.md', '2023-04-14-samarkand.md', '2023-07-13-jakarta.md', '2023-09-18-moscow.md', '2024-05-20-astana.md']);
  });

  it('splits frontmatter from a trimmed body, as the glob loader did', () => {
    expect(splitMeetingFile(file('x', '\n\n## A\n\nB.\n\n'), 'x.md')).toEqual({ data: { slug: 'x', title: 'A meeting' }, body: '## A\n\nB.' });
  });

  it('names the file when its frontmatter is not YAML', () => {
    expect(() => splitMeetingFile('---\ntitle: [unclosed\n---\nbody\n', 'content/meetings/bad.md')).toThrow(/content\/meetings\/bad\.md: the frontmatter is not valid YAML/);
  });

  it('reads every meeting file as its validated record and trimmed body', async () => {
    const entries = await readMeetings(setUp());
    expect(entries.map((e) => `${e.data.slug}.md`)).toEqual(meetingFileNames(committed));
    const tashkent = entries.find((e) => e.data.slug === '2021-07-15-tashkent')!;
    expect(tashkent.data).toMatchObject({ date: '2021-07-15', location: { city: 'Tashkent' } });
    expect(tashkent.body.startsWith('## ')).toBe(true);
    expect(tashkent.body).toBe(tashkent.body.trim());
  });

  it('names the file and each field that does not fit the meeting record', () => {
    const text = readFileSync(join(committed, '2021-07-15-tashkent.md'), 'utf8').replace("date: '2021-07-15'", "date: '15 July 2021'").replace(/^title: .*$/m, 'title: ""');
    const at = (key: string) => text.split('\n').findIndex((line) => line.startsWith(`${key}:`)) + 1;
    expect(() => meetingEntry(text, 'content/meetings/2021-07-15-tashkent.md')).toThrow(/^content\/meetings\/2021-07-15-tashkent\.md: the frontmatter is not a meeting record/);
    expect(() => meetingEntry(text, 'm.md')).toThrow(`\nm.md:${at('title')}: title: `);
    expect(() => meetingEntry(text, 'm.md')).toThrow(`\nm.md:${at('date')}: date: expected YYYY-MM-DD`);
    expect(at('date')).toBe(4);
  });

  it('reads the folder only once a build that holds it says the files are written', async () => {
    const dir = setUp();
    let written!: () => void;
    holdMeetingsUntil(new Promise((resolve) => (written = resolve)));
    try {
      let entries: { data: { slug: string } }[] | null = null;
      const reading = readMeetings(dir).then((read) => (entries = read));
      // The converter writes a file after Astro has started: the reader, waiting, sees it.
      copyFileSync(join(dir, '2024-05-20-astana.md'), join(dir, '2024-05-21-astana.md'));
      writeFileSync(join(dir, '2024-05-21-astana.md'), readFileSync(join(dir, '2024-05-21-astana.md'), 'utf8').replace('slug: 2024-05-20-astana', 'slug: 2024-05-21-astana'));
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(entries).toBeNull();
      written();
      await reading;
      expect(entries!.map((e) => e.data.slug)).toContain('2024-05-21-astana');
    } finally {
      holdMeetingsUntil(Promise.resolve());
    }
  });
});
