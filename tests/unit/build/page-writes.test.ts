import fs, { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { fileInside, watchPageWrites } from '../../../src/build/page-writes.ts';
import { renderedPageListener } from '../../../src/build/rendered-pages.ts';
import type { WrittenPage } from '../../../src/build/rendered-pages.ts';

describe('fileInside', () => {
  it('gives the path inside the folder of a path or a file URL, with forward slashes', () => {
    expect(fileInside('/site/dist', '/site/dist/meetings/x/index.html')).toBe('meetings/x/index.html');
    expect(fileInside('/site/dist', pathToFileURL('/site/dist/places/são-paulo/index.html'))).toBe('places/são-paulo/index.html');
  });

  it('gives null outside the folder, for the folder itself and for a file handle', () => {
    expect(fileInside('/site/dist', '/site/dist-2/index.html')).toBeNull();
    expect(fileInside('/site/dist', '/site/index.html')).toBeNull();
    expect(fileInside('/site/dist', '/site/dist')).toBeNull();
    expect(fileInside('/site/dist', 3)).toBeNull();
  });
});

describe('watchPageWrites', () => {
  let root = '';
  const { mkdir, writeFile } = fs.promises;
  afterEach(() => {
    fs.promises.mkdir = mkdir;
    fs.promises.writeFile = writeFile;
    rmSync(root, { recursive: true, force: true });
  });

  it('hands on a page the middleware told of once it is on disk, and only such pages, once each', async () => {
    root = mkdtempSync(join(tmpdir(), 'parley-writes-'));
    mkdirSync(join(root, 'meetings', 'x'), { recursive: true });
    const seen: (WrittenPage & { onDisk: string })[] = [];
    const writes = watchPageWrites(root, (page) => void seen.push({ ...page, onDisk: readFileSync(join(root, page.file), 'utf8') }));
    renderedPageListener()!('meetings/x/index.html', { order: 4, of: 9 });
    // Astro writes with the module's own promises object, to a URL.
    await fs.promises.writeFile(pathToFileURL(join(root, 'meetings', 'x', 'index.html')), '<p>x</p>');
    await fs.promises.writeFile(join(root, 'sitemap.xml'), '<urlset/>'); // not a page the middleware told of
    await fs.promises.writeFile(join(root, 'meetings', 'x', 'index.html'), '<p>again</p>'); // handed on already
    expect(await writes.finish()).toBe(0);
    expect(seen).toEqual([{ file: 'meetings/x/index.html', meeting: { order: 4, of: 9 }, onDisk: '<p>x</p>' }]);
    expect(fs.promises.writeFile).toBe(writeFile);
    expect(renderedPageListener()).toBeUndefined();
  });

  it('makes writes into the folder at once, and leaves those elsewhere and those with an abort signal to the promise API', async () => {
    root = mkdtempSync(join(tmpdir(), 'parley-writes-'));
    const elsewhere = mkdtempSync(join(tmpdir(), 'parley-writes-elsewhere-'));
    const writes = watchPageWrites(root, () => {});
    try {
      // On disk before the promise settles: Astro's main thread does not wait on the thread pool.
      const made = fs.promises.mkdir(join(root, 'topics', 'x'), { recursive: true });
      const written = fs.promises.writeFile(join(root, 'topics', 'x', 'index.html'), '<p>x</p>');
      expect(readFileSync(join(root, 'topics', 'x', 'index.html'), 'utf8')).toBe('<p>x</p>');
      await Promise.all([made, written]);
      const outside = fs.promises.writeFile(join(elsewhere, 'a.txt'), 'a');
      const withSignal = fs.promises.writeFile(join(root, 'b.txt'), 'b', { signal: new AbortController().signal });
      // Their bytes come only once this thread has let the pool's answers in (the file may exist, empty).
      const now = (path: string) => (existsSync(path) ? readFileSync(path, 'utf8') : '');
      expect([now(join(elsewhere, 'a.txt')), now(join(root, 'b.txt'))]).toEqual(['', '']);
      await Promise.all([outside, withSignal]);
      expect(readFileSync(join(elsewhere, 'a.txt'), 'utf8')).toBe('a');
      expect(readFileSync(join(root, 'b.txt'), 'utf8')).toBe('b');
      // A failure still comes as a rejected promise.
      await expect(fs.promises.writeFile(join(root, 'missing', 'c.txt'), 'c')).rejects.toThrow(/ENOENT/);
    } finally {
      await writes.finish();
      rmSync(elsewhere, { recursive: true, force: true });
    }
    expect(fs.promises.mkdir).toBe(mkdir);
  });

  it('holds the write until the taker is done with the page', async () => {
    root = mkdtempSync(join(tmpdir(), 'parley-writes-'));
    let release!: () => void;
    const taken = new Promise<void>((resolve) => (release = resolve));
    const writes = watchPageWrites(root, () => taken);
    renderedPageListener()!('index.html', null);
    let settled = false;
    const writing = fs.promises.writeFile(join(root, 'index.html'), 'home').then(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(settled).toBe(false);
    release();
    await writing;
    expect(settled).toBe(true);
    await writes.finish();
  });

  it('hands on, when the build is over, the pages whose writes it did not see', async () => {
    root = mkdtempSync(join(tmpdir(), 'parley-writes-'));
    const seen: WrittenPage[] = [];
    const writes = watchPageWrites(root, (page) => void seen.push(page));
    renderedPageListener()!('404.html', null);
    renderedPageListener()!('meetings/y/index.html', { order: 0, of: 1 });
    fs.writeFileSync(join(root, '404.html'), 'not found'); // written another way
    expect(await writes.finish()).toBe(2);
    expect(seen).toEqual([{ file: '404.html', meeting: null }, { file: 'meetings/y/index.html', meeting: { order: 0, of: 1 } }]);
  });
});
