// The copy made from pages handed over as Astro renders them: the same zip as one made from disk,
// and made from disk after all when a page is not what was handed over.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { OfflineCopyWriter, startOfflineCopyOnWorker, writeOfflineCopy } from '../../../src/offline/emit.ts';

const work = mkdtempSync(join(tmpdir(), 'parley-early-pages-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><title>${title}</title><link rel="stylesheet" href="/_astro/site.css"></head><body><main data-pagefind-body><h1>${title}</h1>${body}</main></body></html>`;

let sites = 0;
/** A small built site; returns its folder and its pages (path → bytes). */
function site(extra: Record<string, string> = {}): { dir: string; pages: Map<string, Buffer> } {
  const dir = join(work, `site-${++sites}`);
  const files: Record<string, string> = {
    'index.html': page('Home', '<a href="/meetings/a/">A</a> <a href="/feed.xml">Feed</a>'),
    'meetings/a/index.html': page('Lavrov meets Wang Yi', '<p>They talked about trade.</p><a href="/">Home</a>'),
    'meetings/b/index.html': page('Lavrov meets Qin Gang', '<p>They talked about Ukraine.</p>'),
    'feed.xml': '<feed></feed>',
    '_astro/site.css': 'body{margin:0}',
    ...extra,
  };
  const pages = new Map<string, Buffer>();
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
    if (path.endsWith('.html')) pages.set(path, Buffer.from(text));
  }
  return { dir, pages };
}

/** The copy from disk alone, in a copy of the folder: what the early copy must equal. */
async function fromDisk(dir: string): Promise<{ zip: Buffer; searchPages: number }> {
  const other = `${dir}-disk`;
  cpSync(dir, other, { recursive: true });
  const copy = await writeOfflineCopy(other, { base: '/' });
  return { zip: readFileSync(join(other, 'parley-offline.zip')), searchPages: copy.searchPages };
}

describe('OfflineCopyWriter with pages handed over early', () => {
  it('copies them as they come and writes the zip a copy from disk writes', async () => {
    const { dir, pages } = site();
    const writer = new OfflineCopyWriter({ base: '/' });
    // Not in path order: the build hands pages over as they finish rendering.
    for (const path of [...pages.keys()].reverse()) writer.addRenderedPage(path, pages.get(path)!);
    const copy = await writer.finish(dir);
    expect(copy.copiedEarly).toBe(3);
    const expected = await fromDisk(dir);
    expect(copy.searchPages).toBe(expected.searchPages);
    expect(readFileSync(join(dir, 'parley-offline.zip')).equals(expected.zip)).toBe(true);
  });

  it('reads every page from disk when a page on disk is not what was handed over', async () => {
    const { dir, pages } = site();
    const writer = new OfflineCopyWriter({ base: '/' });
    for (const [path, bytes] of pages) writer.addRenderedPage(path, bytes);
    writeFileSync(join(dir, 'meetings/b/index.html'), page('Lavrov meets Qin Gang', '<p>They talked about Taiwan.</p>'));
    const copy = await writer.finish(dir);
    expect(copy.copiedEarly).toBe(0);
    const zip = readFileSync(join(dir, 'parley-offline.zip'));
    expect(zip.equals((await fromDisk(dir)).zip)).toBe(true);
    expect(zip.includes(Buffer.from('Ukraine'))).toBe(false);
  });

  it('rewrites early pages\' links against the complete site: a link that names a folder leads to its index', async () => {
    // "/topics" names topics/index.html, which only the complete site shows (no file "topics").
    const { dir, pages } = site({ 'topics/index.html': page('Topics', '<a href="/topics">All topics</a>') });
    const writer = new OfflineCopyWriter({ base: '/' });
    for (const [path, bytes] of pages) writer.addRenderedPage(path, bytes);
    const copy = await writer.finish(dir);
    expect(copy.copiedEarly).toBe(4);
    expect(readFileSync(join(dir, 'parley-offline.zip')).equals((await fromDisk(dir)).zip)).toBe(true);
  });

  it('reads every page from disk when a page handed over is not in the site', async () => {
    const { dir, pages } = site();
    const writer = new OfflineCopyWriter({ base: '/' });
    for (const [path, bytes] of pages) writer.addRenderedPage(path, bytes);
    writer.addRenderedPage('meetings/gone/index.html', Buffer.from(page('Gone', '<p>Never written.</p>')));
    const copy = await writer.finish(dir);
    expect(copy.copiedEarly).toBe(0);
    expect(copy.searchPages).toBe((await fromDisk(dir)).searchPages);
  });
});

describe('OfflineCopyWriter.copyAhead', () => {
  it('copies pages ahead and writes the zip a copy from disk writes, keeping them', async () => {
    const { dir, pages } = site();
    const writer = new OfflineCopyWriter({ base: '/' });
    const [first, ...others] = [...pages];
    writer.addRenderedPage(first![0], first![1]);
    expect(writer.copyAhead(dir, 10)).toBe(0);
    // Pages handed over after copying ahead began are copied ahead too.
    for (const [path, bytes] of others) writer.addRenderedPage(path, bytes);
    expect(writer.copyAhead(dir, 1)).toBe(others.length - 1);
    expect(writer.copyAhead(dir, 10)).toBe(0);
    const copy = await writer.finish(dir, { helpers: 1 });
    expect(copy.copiedAhead).toBe(pages.size);
    expect(readFileSync(join(dir, 'parley-offline.zip')).equals((await fromDisk(dir)).zip)).toBe(true);
  });

  it('copies them again when a file written since sends a link elsewhere', async () => {
    // "/about" leads to the file "about" while there is none, and to about/index.html once that is written.
    const { dir, pages } = site({ 'meetings/c/index.html': page('Lavrov meets Lavrov', '<a href="/about">About</a>') });
    const writer = new OfflineCopyWriter({ base: '/' });
    for (const [path, bytes] of pages) writer.addRenderedPage(path, bytes);
    writer.copyAhead(dir, 10);
    mkdirSync(join(dir, 'about'));
    writeFileSync(join(dir, 'about', 'index.html'), page('About', '<p>The archive.</p>'));
    writer.addRenderedPage('about/index.html', readFileSync(join(dir, 'about', 'index.html')));
    const copy = await writer.finish(dir);
    expect(copy.copiedAhead).toBe(0);
    const zip = readFileSync(join(dir, 'parley-offline.zip'));
    expect(zip.equals((await fromDisk(dir)).zip)).toBe(true);
  });

  it('copies a page again when its file was written again since', async () => {
    const { dir, pages } = site();
    const writer = new OfflineCopyWriter({ base: '/' });
    for (const [path, bytes] of pages) writer.addRenderedPage(path, bytes);
    writer.copyAhead(dir, 10);
    utimesSync(join(dir, 'meetings/a/index.html'), new Date(2001, 0, 1), new Date(2001, 0, 1));
    const copy = await writer.finish(dir);
    expect(copy.copiedAhead).toBe(pages.size - 1);
    expect(readFileSync(join(dir, 'parley-offline.zip')).equals((await fromDisk(dir)).zip)).toBe(true);
  });
});

describe('OfflineCopyWriter.finish with helper threads', () => {
  it('with helper threads asked for, writes the zip and precache records one thread writes', async () => {
    const extra: Record<string, string> = {};
    for (let i = 0; i < 300; i++) extra[`meetings/m${i}/index.html`] = page(`Meeting ${i}`, `<p>Talks number ${i}.</p><a href="/meetings/m${(i + 1) % 300}/">Next</a>`);
    const { dir, pages } = site(extra);
    const alone = await fromDisk(dir);
    const writer = new OfflineCopyWriter({ base: '/' });
    for (const [path, bytes] of pages) writer.addRenderedPage(path, bytes);
    const copy = await writer.finish(dir, { helpers: 2 });
    expect(copy.copiedEarly).toBe(pages.size);
    expect(copy.searchPages).toBe(alone.searchPages);
    expect(readFileSync(join(dir, 'parley-offline.zip')).equals(alone.zip)).toBe(true);
    const disk = await writeOfflineCopy(`${dir}-disk`, { base: '/' });
    expect([...copy.read.entries()]).toEqual([...disk.read.entries()]);
  });
});

describe('startOfflineCopyOnWorker', () => {
  it('takes more pages than it keeps in flight, the build waiting when the worker falls behind', async () => {
    const extra: Record<string, string> = {};
    for (let i = 0; i < 450; i++) extra[`meetings/m${i}/index.html`] = page(`Meeting ${i}`, `<p>Talks number ${i}.</p>`);
    const { dir, pages } = site(extra);
    const copy = startOfflineCopyOnWorker({ base: '/' });
    let waited = 0;
    for (const [path, bytes] of pages) {
      const wait = copy.addRenderedPage(path, bytes);
      if (wait) {
        waited++;
        await wait;
      }
    }
    const summary = await copy.finish(dir);
    expect(summary.copiedEarly).toBe(pages.size);
    expect(waited).toBeGreaterThan(0);
    expect(readFileSync(join(dir, 'parley-offline.zip')).equals((await fromDisk(dir)).zip)).toBe(true);
  });
});
