import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { meetingFileNames, meetingsLoader, splitMeetingFile } from '../../../src/build/meetings-loader.ts';
import { holdMeetingsUntil } from '../../../src/build/meetings-ready.ts';

const file = (slug: string, body = '## Report\n\nText.') => `---\nslug: ${slug}\ntitle: A meeting\n---\n${body}\n`;

/** The part of Astro's loader context the loader uses, with a store kept in a Map. */
function context(root: string, entries = new Map<string, { id: string; digest?: string; data: unknown; body?: string; filePath?: string }>()) {
  const parsed: string[] = [];
  return {
    entries,
    parsed,
    value: {
      config: { root: pathToFileURL(`${root}/`) },
      store: {
        get: (id: string) => entries.get(id),
        set: (entry: { id: string; digest?: string; data: unknown }) => (entries.set(entry.id, entry), true),
        keys: () => [...entries.keys()],
        delete: (id: string) => void entries.delete(id),
      },
      parseData: async ({ id, data }: { id: string; data: unknown }) => (parsed.push(id), { ...(data as object), validated: true }),
      generateDigest: (text: string) => `${text.length}:${text.slice(-12)}`,
    },
  };
}

describe('meetings loader', () => {
  let root = '';
  afterEach(() => rmSync(root, { recursive: true, force: true }));
  const setUp = () => {
    root = mkdtempSync(join(tmpdir(), 'parley-loader-'));
    mkdirSync(join(root, 'meetings'));
    writeFileSync(join(root, 'meetings', '2023-07-13-jakarta.md'), file('2023-07-13-jakarta', '\n## Report\n\nIn Jakarta.\n\n'));
    writeFileSync(join(root, 'meetings', '2021-07-15-tashkent.md'), file('2021-07-15-tashkent'));
    writeFileSync(join(root, 'meetings', '2023-09-18-moscow.md'), file('2023-09-18-moscow'));
    writeFileSync(join(root, 'meetings', 'notes.txt'), 'not a meeting file');
  };

  it('lists only .md files, in name order', () => {
    setUp();
    expect(meetingFileNames(join(root, 'meetings'))).toEqual(['2021-07-15-tashkent.md', '2023-07-13-jakarta.md', '2023-09-18-moscow.md']);
  });

  it('splits frontmatter from a trimmed body, as the glob loader did', () => {
    expect(splitMeetingFile(file('x', '\n\n## A\n\nB.\n\n'), 'x.md')).toEqual({ data: { slug: 'x', title: 'A meeting' }, body: '## A\n\nB.' });
  });

  it('names the file when its frontmatter is not YAML', () => {
    expect(() => splitMeetingFile('---\ntitle: [unclosed\n---\nbody\n', 'content/meetings/bad.md')).toThrow(/content\/meetings\/bad\.md: the frontmatter is not valid YAML/);
  });

  it('stores each meeting under its slug with validated data and its body, and no rendered HTML', async () => {
    setUp();
    const ctx = context(root);
    await meetingsLoader({ base: 'meetings' }).load(ctx.value as never);
    expect([...ctx.entries.keys()]).toEqual(['2021-07-15-tashkent', '2023-07-13-jakarta', '2023-09-18-moscow']);
    const jakarta = ctx.entries.get('2023-07-13-jakarta')!;
    expect(jakarta).toMatchObject({ data: { slug: '2023-07-13-jakarta', validated: true }, body: '## Report\n\nIn Jakarta.', filePath: 'meetings/2023-07-13-jakarta.md' });
    expect(jakarta).not.toHaveProperty('rendered');
  });

  it('keeps unchanged entries, parses changed ones again and removes those whose file is gone', async () => {
    setUp();
    const ctx = context(root);
    await meetingsLoader({ base: 'meetings' }).load(ctx.value as never);
    ctx.parsed.length = 0;
    rmSync(join(root, 'meetings', '2021-07-15-tashkent.md'));
    const jakartaPath = join(root, 'meetings', '2023-07-13-jakarta.md');
    writeFileSync(jakartaPath, readFileSync(jakartaPath, 'utf8').replace('In Jakarta.', 'In Jakarta, at ASEAN.'));
    writeFileSync(join(root, 'meetings', '2024-05-20-astana.md'), file('2024-05-20-astana'));
    await meetingsLoader({ base: join(root, 'meetings') }).load(ctx.value as never);
    expect([...ctx.entries.keys()].sort()).toEqual(['2023-07-13-jakarta', '2023-09-18-moscow', '2024-05-20-astana']);
    expect(ctx.parsed.sort()).toEqual(['2023-07-13-jakarta', '2024-05-20-astana']);
    expect(ctx.entries.get('2023-07-13-jakarta')!.body).toContain('at ASEAN');
  });

  it('reads the folder only once a build that holds it says the files are written', async () => {
    setUp();
    const ctx = context(root);
    let written!: () => void;
    holdMeetingsUntil(new Promise((resolve) => (written = resolve)));
    try {
      const loading = meetingsLoader({ base: 'meetings' }).load(ctx.value as never);
      // The converter writes a file after Astro has started: the loader, waiting, sees it.
      writeFileSync(join(root, 'meetings', '2024-05-20-astana.md'), file('2024-05-20-astana'));
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(ctx.entries.size).toBe(0);
      written();
      await loading;
      expect([...ctx.entries.keys()]).toEqual(['2021-07-15-tashkent', '2023-07-13-jakarta', '2023-09-18-moscow', '2024-05-20-astana']);
    } finally {
      holdMeetingsUntil(Promise.resolve());
    }
  });
});
