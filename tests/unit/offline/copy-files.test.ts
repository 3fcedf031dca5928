// The copy's per-file work as threads share it: files claimed from one counter, each copied once,
// and a helper thread's answer the same as this thread's.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyClaimedFiles, copyOnHelper, newClaimCounter } from '../../../src/offline/copy-files.ts';

const work = mkdtempSync(join(tmpdir(), 'parley-copy-files-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const paths: string[] = ['_astro/site.css', 'index.html'];
for (let i = 0; i < 40; i++) paths.push(`meetings/m${i}/index.html`);
for (const path of paths) {
  mkdirSync(join(work, path, '..'), { recursive: true });
  const text = path.endsWith('.css') ? 'body{margin:0}' : `<!doctype html><html><head><title>${path}</title></head><body><main><a href="/meetings/m1/">M1</a> <a href="/">Home</a></main></body></html>`;
  writeFileSync(join(work, path), text);
}
const context = { base: '/', files: new Set(paths) };

describe('copyClaimedFiles', () => {
  it('copies every file once, with its position, whatever another thread claimed first', () => {
    const counter = newClaimCounter();
    Atomics.store(counter, 0, 16); // another thread has taken the first 16
    const rest = copyClaimedFiles(work, paths, counter, context);
    expect(rest.map((f) => f.at)).toEqual(paths.map((_, i) => i).slice(16));
    expect(rest.map((f) => f.read.path)).toEqual(paths.slice(16));
    expect(copyClaimedFiles(work, paths, counter, context)).toEqual([]);
  });

  it('rewrites pages\' links for the copy and leaves other files as they are', () => {
    const [css, home, m0] = copyClaimedFiles(work, paths.slice(0, 3), newClaimCounter(), context);
    expect(css!.entry.method).toBe(8);
    expect(css!.entry.size).toBe(css!.read.size);
    expect(home!.read.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(m0!.entry.size).not.toBe(m0!.read.size); // "/meetings/m1/" became "../m1/index.html"
  });
});

describe('copyOnHelper', () => {
  it('answers with what this thread makes of the files it claims', async () => {
    const expected = copyClaimedFiles(work, paths, newClaimCounter(), context);
    const counter = newClaimCounter();
    const theirs = await copyOnHelper({ outDir: work, paths, files: paths, base: '/', counter });
    // The helper claimed everything; nothing is left for this thread.
    expect(copyClaimedFiles(work, paths, counter, context)).toEqual([]);
    expect(theirs.map((f) => ({ ...f, entry: { ...f.entry, data: Buffer.from(f.entry.data) } }))).toEqual(
      expected.map((f) => ({ ...f, entry: { ...f.entry, data: Buffer.from(f.entry.data) } })),
    );
  });

  it('rejects when the helper cannot read a file', async () => {
    await expect(copyOnHelper({ outDir: join(work, 'missing'), paths, files: paths, base: '/', counter: newClaimCounter() })).rejects.toThrow(/missing/);
  });
});
