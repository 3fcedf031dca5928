/**
 * The outcome of every seed in a folder: taken from the convert cache where the seed's files are
 * unchanged (by stat, else by digest) and its extraction used the same reference date, or none;
 * computed by the seed converter otherwise, and recorded in the cache. Reads only the seeds it
 * must, and decodes a cached outcome only when asked for it: a run plans with the summaries alone.
 */
import { createHash } from 'node:crypto';
import { serialize } from 'node:v8';
import type { ConvertCache } from './cache.ts';
import { summaryOf, type SeedOutcome, type SeedSummary } from './collection.ts';
import { corpusReferenceDateOf, type SeedInput, type SeedReading } from './seed.ts';
import type { ExtractJob, HandedEntry, SeedConverter } from './seed-converter.ts';
import { readSeedFile, type SeedFile } from './seed-files.ts';

/** What a seed's outcome is computed from: its bytes and its sidecar's text. */
export function seedDigest(seed: SeedInput): string {
  const hash = createHash('sha256').update(`${seed.bytes.length}:`).update(seed.bytes);
  return hash.update(seed.sidecar === null ? '\0' : `\u0001${seed.sidecar}`).digest('hex');
}

export interface OutcomeCounts {
  /** Seeds whose files were read, and seeds extracted anew. */
  read: number;
  extracted: number;
}

export function seedOutcomes(
  files: readonly SeedFile[],
  cache: ConvertCache | null,
  /** The converter for this many seeds to read or extract (seedConverterFor). */
  converter: (toConvert: number) => SeedConverter,
  /** Called as each seed is extracted (the progress line). */
  onExtracted: (toExtract: number) => void = () => {},
): { summaries: SeedSummary[]; outcomeOf: (id: string) => SeedOutcome; counts: OutcomeCounts; converter: SeedConverter | null } {
  const inputs = new Map<string, SeedInput>();
  const input = (f: SeedFile) => inputs.get(f.id) ?? inputs.set(f.id, readSeedFile(f)).get(f.id)!;
  const digests = new Map<string, string>();

  // Unchanged: the same stat as when the cache read it, or, read again, the same bytes.
  const unchanged = new Set<string>();
  for (const f of files) {
    const known = cache?.facts(f.id);
    if (!known) continue;
    if (f.stat !== null && known.stat === f.stat) {
      unchanged.add(f.id);
      continue;
    }
    const digest = seedDigest(input(f));
    digests.set(f.id, digest);
    if (digest === known.digest) {
      unchanged.add(f.id);
      cache!.restat(f.id, f.stat);
    }
  }
  const changed = files.filter((f) => !unchanged.has(f.id));
  const byId = new Map(files.map((f) => [f.id, f]));
  /** Each outcome computed in this run, made (decoded, from a worker) when first asked for. */
  const outcomes = new Map<string, () => SeedOutcome>();
  const summaries = new Map<string, SeedSummary>();
  /** `reference`: the reference date the extraction used; undefined when it used none (rejected, or extracted before that date was known). */
  const record = (f: SeedFile, reading: SeedReading, reference: string | null | undefined, handed: HandedEntry) => {
    let outcome: SeedOutcome | undefined;
    const outcomeNow = () => (outcome ??= { id: f.id, ...handed.entry() });
    outcomes.set(f.id, outcomeNow);
    const summary = handed.summary ?? summaryOf(outcomeNow());
    summaries.set(f.id, summary);
    const facts = { stat: f.stat, digest: digests.get(f.id) ?? seedDigest(input(f)), latest: reading.latest, ...(reference !== undefined ? { reference } : {}), summary };
    // Serialised now: later steps may change the objects they are handed.
    cache?.set(f.id, facts, handed.bytes());
  };

  // Some extractions need the collection's reference date (the latest date of every reading):
  // those wait until every changed seed is read; the rest are extracted as they are read.
  const latest = new Map<string, string | null>();
  for (const f of files) if (unchanged.has(f.id)) latest.set(f.id, cache!.facts(f.id)!.latest);
  // The converter first: its worker threads start up while this one reads the seed files.
  let seeds: SeedConverter | null = changed.length > 0 ? converter(changed.length) : null;
  // Read as the converter takes them: the first seeds are converted while the rest are read.
  const toRead = (function* () {
    for (const f of changed) yield input(f);
  })();
  const early: [string, HandedEntry][] = [];
  const readings = seeds
    ? seeds.read(toRead, (id, handed) => {
        early.push([id, handed]);
        onExtracted(changed.length);
      })
    : new Map<string, SeedReading>();
  for (const [id, handed] of early) record(byId.get(id)!, readings.get(id)!, undefined, handed);
  for (const [id, r] of readings) latest.set(id, r.latest);
  const reference = corpusReferenceDateOf([...latest.values()].map((l) => ({ latest: l }) as SeedReading));

  const jobs: ExtractJob[] = [];
  for (const f of files) {
    if (outcomes.has(f.id)) continue;
    const reading = readings.get(f.id);
    if (reading) {
      if (reading.rejected) {
        const entry = { reading, extraction: null };
        record(f, reading, undefined, { entry: () => entry, bytes: () => serialize(entry) });
        onExtracted(changed.length);
      } else jobs.push({ seed: input(f), reading });
      continue;
    }
    const known = cache!.facts(f.id)!;
    if (known.reference === undefined || known.reference === reference) summaries.set(f.id, known.summary);
    // Unchanged, but extracted against another reference date: extracted again.
    else jobs.push({ seed: input(f), reading: cache!.outcome(f.id).reading });
  }
  if (jobs.length > 0) {
    seeds ??= converter(jobs.length);
    const readingOf = new Map(jobs.map((job) => [job.seed.id, job.reading]));
    seeds.extract(jobs, reference, (id, handed) => {
      record(byId.get(id)!, readingOf.get(id)!, reference, handed);
      // The progress line counts the seeds read in this run.
      if (!unchanged.has(id)) onExtracted(changed.length);
    });
  }
  const outcomeOf = (id: string) => outcomes.get(id)?.() ?? { id, ...cache!.outcome(id) };
  // The converter stays open to render the meetings of the reports it holds: the caller closes it.
  return { summaries: files.map((f) => summaries.get(f.id)!), outcomeOf, counts: { read: inputs.size, extracted: early.length + jobs.length }, converter: seeds };
}
