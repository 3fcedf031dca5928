// The convert cache never changes what convert writes: warm, partly warm and cold runs give the
// same files and report, byte for byte; and a changed article is the only one converted again.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { editedArticle, generateArticles } from '../../src/bench/articles.ts';
import { extractorVersion, openConvertCache } from '../../src/convert/cache.ts';
import { convertCollection, type SeedInput } from '../../src/convert/collection.ts';
import { readSeeds } from '../../src/convert/run.ts';
import { loadKnowledge, loadKnowledgeFiles } from '../../src/knowledge/load.ts';

const knowledge = loadKnowledge('content');
const articles = generateArticles(loadKnowledgeFiles('content'), { count: 30, seed: 11 });
const toSeed = (a: (typeof articles)[number]): SeedInput => ({ id: a.id, bytes: Buffer.from(a.text), sidecar: a.sidecar });
const seeds: SeedInput[] = [...readSeeds('seeds'), ...articles.map(toSeed), { id: 'zz-empty', bytes: new Uint8Array(), sidecar: null }];
const dirs: string[] = [];
const scratch = () => {
  const dir = mkdtempSync(join(tmpdir(), 'parley-cache-test-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const outputOf = (r: ReturnType<typeof convertCollection>) => ({ files: [...r.files.entries()], report: r.report, diagnostics: r.diagnostics });

describe('convert cache', () => {
  it('gives byte-identical output, cold, warm and after one article changed', () => {
    const dir = scratch();
    const cold = convertCollection(seeds, knowledge);
    const filling = openConvertCache(dir, 'v1');
    expect(outputOf(convertCollection(seeds, knowledge, filling))).toEqual(outputOf(cold));
    filling.save();

    const warm = openConvertCache(dir, 'v1');
    expect(outputOf(convertCollection(seeds, knowledge, warm))).toEqual(outputOf(cold));
    expect(warm.misses).toBe(0);
    warm.save();

    const changed = editedArticle(articles[15]!);
    const edited = seeds.map((s) => (s.id === changed.id ? toSeed(changed) : s));
    const partly = openConvertCache(dir, 'v1');
    const result = convertCollection(edited, knowledge, partly);
    expect(outputOf(result)).toEqual(outputOf(convertCollection(edited, knowledge)));
    // The changed seed's reading and extraction, and its meeting's file, at most.
    expect(partly.misses).toBeGreaterThan(0);
    expect(partly.misses).toBeLessThanOrEqual(3);
    partly.save();

    // What that run added is kept (in the journal): converting the same again misses nothing.
    const again = openConvertCache(dir, 'v1');
    expect(outputOf(convertCollection(edited, knowledge, again))).toEqual(outputOf(result));
    expect(again.misses).toBe(0);
  }, 60_000);

  it('misses everything for another extractor version', () => {
    const dir = scratch();
    const first = openConvertCache(dir, 'v1');
    convertCollection(seeds.slice(0, 10), knowledge, first);
    first.save();
    const other = openConvertCache(dir, 'v2');
    convertCollection(seeds.slice(0, 10), knowledge, other);
    expect(other.hits).toBe(0);
  }, 30_000);

  it('versions the extractor by its code and knowledge files', () => {
    expect(extractorVersion('content')).toBe(extractorVersion('content'));
    expect(extractorVersion('content')).toMatch(/^[0-9a-f]{64}$/);
  });
});
