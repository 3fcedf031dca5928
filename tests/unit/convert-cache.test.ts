// The convert cache never changes what convert writes: warm, partly warm and cold runs give the
// same outcomes, byte for byte; a changed article is the only one read and converted again, and
// an unchanged one is not even read. Worker threads give the same records as one thread.
import { mkdtempSync, rmSync, statSync, utimesSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { editedArticle, generateArticles } from '../../src/bench/articles.ts';
import { extractorVersion, openConvertCache, serializeOutcome } from '../../src/convert/cache.ts';
import { collectOutcomes, convertCollection, planCollection, type SeedInput } from '../../src/convert/collection.ts';
import { seedOutcomes } from '../../src/convert/outcomes.ts';
import { extractSeedAlone, readSeed } from '../../src/convert/seed.ts';
import { inlineConverter, workerConverter } from '../../src/convert/seed-converter.ts';
import { listSeeds } from '../../src/convert/seed-files.ts';
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

const first = (list: SeedInput[]) => convertCollection(list, knowledge);
const outputOf = (r: Omit<ReturnType<typeof convertCollection>, 'files'>) => ({ meetings: r.meetings, report: r.report, diagnostics: r.diagnostics });

function writeSeedFolder(dir: string, list: SeedInput[]): void {
  mkdirSync(dir, { recursive: true });
  for (const s of list) {
    writeFileSync(join(dir, `${s.id}.txt`), s.bytes);
    if (s.sidecar !== null) writeFileSync(join(dir, `${s.id}.meta.yaml`), s.sidecar);
  }
}

/** Every file's modification time set well in the past, as a folder left alone for a while is. */
function age(dir: string, list: SeedInput[], seconds: number): void {
  const then = Date.now() / 1000 - seconds;
  for (const s of list) utimesSync(join(dir, `${s.id}.txt`), then, then);
}

/** A run as the convert command makes it: list the folder, take outcomes from the cache or compute them. */
function run(seedDir: string, cacheDir: string) {
  const cache = openConvertCache(cacheDir, 'v1');
  const files = listSeeds(seedDir, Date.now());
  const { summaries, outcomeOf, counts } = seedOutcomes(files, cache, () => inlineConverter(knowledge));
  cache.save(new Set(files.map((f) => f.id)));
  const result = collectOutcomes(files.map((f) => outcomeOf(f.id)), knowledge);
  // What a run plans from the summaries alone is what the whole outcomes give.
  expect(planCollection(summaries)).toEqual({ plans: result.meetings.map((m) => ({ seeds: m.seeds, slug: m.meeting.slug })), report: result.report, diagnostics: result.diagnostics });
  return { result, counts };
}

describe('convert cache', () => {
  it('gives the same output, cold, warm and after one article changed; reads only what changed', () => {
    const seedDir = join(scratch(), 'seeds');
    const cacheDir = scratch();
    writeSeedFolder(seedDir, seeds);
    age(seedDir, seeds, 60);
    const cold = convertCollection(seeds, knowledge);

    const first = run(seedDir, cacheDir);
    expect(outputOf(first.result)).toEqual(outputOf(cold));
    expect(first.counts.read).toBe(seeds.length);

    const warm = run(seedDir, cacheDir);
    expect(outputOf(warm.result)).toEqual(outputOf(cold));
    expect(warm.counts).toEqual({ read: 0, extracted: 0 });

    // The same size, another word: caught by the stat's mtime, then by the digest.
    const changed = editedArticle(articles[15]!);
    const original = toSeed(articles[15]!);
    const sameSize = Buffer.from(original.bytes);
    const at = sameSize.indexOf(' ') + 1;
    sameSize[at] = sameSize[at]! ^ 0x20; // one letter's case
    const edited = seeds.map((s) => (s.id === changed.id ? { ...s, bytes: sameSize } : s));
    writeFileSync(join(seedDir, `${changed.id}.txt`), sameSize);
    age(seedDir, [original], 30);
    const partly = run(seedDir, cacheDir);
    expect(outputOf(partly.result)).toEqual(outputOf(convertCollection(edited, knowledge)));
    expect(partly.counts).toEqual({ read: 1, extracted: 1 });

    // Touched but not changed: read and hashed again, not converted.
    age(seedDir, [original], 10);
    expect(run(seedDir, cacheDir).counts).toEqual({ read: 1, extracted: 0 });
  }, 120_000);

  it('extracts again, after a newer article came, only the reports that needed the collection\'s latest date', () => {
    const seedDir = join(scratch(), 'seeds');
    const cacheDir = scratch();
    // Day, month and weekday but no year: the year is the latest before the collection's latest date.
    const asking: SeedInput = { id: 'asking', bytes: Buffer.from('Moscow talks\n\nOn July 13, Russian Foreign Minister Sergey Lavrov met Chinese Foreign Minister Wang Yi in Jakarta on Thursday.\n'), sidecar: null };
    const before = [...seeds, asking];
    writeSeedFolder(seedDir, before);
    age(seedDir, before, 60);
    expect(run(seedDir, cacheDir).counts.extracted).toBe(before.length - 1); // the empty seed is rejected when read
    // Dated after every other: the collection's latest date moves on.
    const newer: SeedInput = { id: 'newer', bytes: Buffer.from('Talks in Astana\n\nASTANA, March 3, 2031. Russian Foreign Minister Sergey Lavrov met Chinese Foreign Minister Wang Yi in Astana on March 2, 2031.\n'), sidecar: null };
    const after = [...before, newer];
    writeSeedFolder(seedDir, [newer]);
    age(seedDir, [newer], 30);
    const second = run(seedDir, cacheDir);
    // The new article, and those that asked: read again to be extracted again.
    const askers = before.filter((seed) => {
      const { reading, doc } = readSeed(seed, knowledge);
      return !reading.rejected && extractSeedAlone(seed, reading, knowledge, doc) === null;
    });
    expect(askers.map((seed) => seed.id)).toContain('asking');
    expect(askers.length).toBeLessThan(before.length / 2);
    expect(second.counts).toEqual({ read: askers.length + 1, extracted: askers.length + 1 });
    expect(outputOf(second.result)).toEqual(outputOf(convertCollection(after, knowledge)));
    const dated = (r: typeof second.result) => r.meetings.find((m) => m.seeds.includes('asking'))?.meeting.date;
    expect(dated(second.result)).not.toEqual(dated(first(before)));
  }, 120_000);

  it('does not trust the stat of a file modified since the run began', () => {
    const seedDir = join(scratch(), 'seeds');
    writeSeedFolder(seedDir, seeds.slice(0, 3));
    const justNow = statSync(join(seedDir, `${seeds[0]!.id}.txt`)).mtimeMs;
    expect(listSeeds(seedDir, justNow).find((f) => f.id === seeds[0]!.id)!.stat).toBeNull();
    expect(listSeeds(seedDir, justNow + 0.001).find((f) => f.id === seeds[0]!.id)!.stat).not.toBeNull();
  });

  it('misses everything for another extractor version', () => {
    const dir = scratch();
    const first = openConvertCache(dir, 'v1');
    first.set('a', { stat: null, digest: 'd', latest: null, summary: { id: 'a', readingDiagnostics: [], extractionDiagnostics: [], report: null, merge: null, reasons: [] } }, new Uint8Array([1]));
    first.save(new Set(['a']));
    expect(openConvertCache(dir, 'v1').facts('a')).toBeDefined();
    expect(openConvertCache(dir, 'v2').facts('a')).toBeUndefined();
  });

  it('keeps the entries of the seeds still there when it writes a new main file', () => {
    const dir = scratch();
    const summary = (id: string) => ({ id, readingDiagnostics: [], extractionDiagnostics: [], report: null, merge: null, reasons: [] });
    const ids = Array.from({ length: 10 }, (_, i) => `s${i}`);
    const first = openConvertCache(dir, 'v1');
    for (const id of ids) first.set(id, { stat: null, digest: id, latest: null, summary: summary(id) }, serializeOutcome({ reading: { diagnostics: [], rejected: null, latest: id, sidecar: null }, extraction: null }));
    first.save(new Set(ids));
    const second = openConvertCache(dir, 'v1');
    second.set('s1', { stat: null, digest: 'new', latest: null, summary: summary('s1') }, serializeOutcome({ reading: { diagnostics: [], rejected: null, latest: 'new', sidecar: null }, extraction: null }));
    second.save(new Set(ids.slice(0, 5))); // half the seeds gone: a new main file
    const third = openConvertCache(dir, 'v1');
    expect(ids.map((id) => third.facts(id)?.digest)).toEqual(['s0', 'new', 's2', 's3', 's4', undefined, undefined, undefined, undefined, undefined]);
    expect(third.outcome('s1').reading.latest).toBe('new');
    expect(third.outcome('s4').reading.latest).toBe('s4');
  });

  it('versions the extractor by its code and knowledge files', () => {
    expect(extractorVersion('content')).toBe(extractorVersion('content'));
    expect(extractorVersion('content')).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('worker threads', () => {
  it('give the same records, report and diagnostics as one thread', () => {
    const workers = workerConverter(loadKnowledgeFiles('content'), 2);
    try {
      const parallel = convertCollection(seeds, knowledge, workers);
      const single = convertCollection(seeds, knowledge);
      expect([...parallel.files]).toEqual([...single.files]);
      expect(outputOf(parallel)).toEqual(outputOf(single));
    } finally {
      workers.close();
    }
  }, 120_000);
});
