import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeOfflineCopy, writeOfflineCopyOnWorker } from '../../../src/offline/emit.ts';

const work = mkdtempSync(join(tmpdir(), 'parley-copy-worker-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function site(): string {
  const dir = join(work, 'site');
  mkdirSync(join(dir, 'meetings', 'a'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), '<!doctype html><html lang="en"><head><title>Home</title></head><body><main><a href="/meetings/a/">A</a></main></body></html>');
  writeFileSync(join(dir, 'meetings', 'a', 'index.html'), '<!doctype html><html lang="en"><head><title>A</title></head><body><main data-pagefind-body><h1>Lavrov meets Wang Yi</h1><p>They talked about trade.</p></main></body></html>');
  return dir;
}

describe('writeOfflineCopyOnWorker', () => {
  it('writes the same copy as on this thread, and answers with the same summary', async () => {
    const here = join(work, 'here');
    const there = join(work, 'there');
    const dir = site();
    cpSync(dir, here, { recursive: true });
    cpSync(dir, there, { recursive: true });
    const expected = await writeOfflineCopy(here, { base: '/' });
    const copy = await writeOfflineCopyOnWorker(there, { base: '/' });
    expect(copy).toEqual(expected);
    expect(copy.searchPages).toBe(1);
    expect(readFileSync(join(there, 'parley-offline.zip')).equals(readFileSync(join(here, 'parley-offline.zip')))).toBe(true);
  });

  it('rejects with the worker’s error when the copy cannot be written', async () => {
    await expect(writeOfflineCopyOnWorker(join(work, 'no-such-site'))).rejects.toThrow(/no-such-site/);
  });
});
