// Meeting pages fed to Pagefind as they finish rendering: the same index whatever order they finish in.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startPagefindFeed } from '../../../src/build/pagefind.ts';

const work = mkdtempSync(join(tmpdir(), 'parley-pagefind-feed-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const topics = ['trade', 'Ukraine', 'Afghanistan', 'the SCO', 'energy', 'Taiwan'];
const page = (i: number) =>
  `<!doctype html><html lang="en"><head><title>Meeting ${i}</title></head><body><main data-pagefind-body><h1 data-pagefind-meta="title">Meeting ${i}</h1><p>They talked about ${topics[i % topics.length]}.</p><span data-pagefind-filter="year">${2020 + (i % 3)}</span></main></body></html>`;

/** Every file of a folder, path → bytes. */
function files(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) e.isDirectory() ? walk(join(d, e.name)) : out.set(relative(dir, join(d, e.name)), readFileSync(join(d, e.name)));
  };
  walk(dir);
  return out;
}

async function index(name: string, arrival: number[]): Promise<{ pages: number; files: Map<string, Buffer> }> {
  const out = join(work, name);
  const feed = await startPagefindFeed();
  try {
    for (const i of arrival) await feed.add(i, `meetings/m${i}/index.html`, page(i));
    const { pages } = await feed.write(out);
    return { pages, files: files(join(out, 'pagefind')) };
  } finally {
    await feed.close();
  }
}

describe('startPagefindFeed', () => {
  it('writes the same index whether pages come in order or not', async () => {
    const inOrder = await index('in-order', [0, 1, 2, 3, 4, 5, 6, 7]);
    const shuffled = await index('shuffled', [3, 0, 2, 1, 7, 5, 4, 6]);
    expect(inOrder.pages).toBe(8);
    expect(shuffled.pages).toBe(8);
    expect([...shuffled.files.keys()].sort()).toEqual([...inOrder.files.keys()].sort());
    for (const [path, bytes] of inOrder.files) expect(shuffled.files.get(path)?.equals(bytes), path).toBe(true);
  });

  it('still adds, in order, pages whose turn never came', async () => {
    // Page 0 is never rendered: the rest wait for it, and are added when the index is written.
    const result = await index('gap', [2, 1, 3]);
    expect(result.pages).toBe(3);
  });
});
