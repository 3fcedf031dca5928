/**
 * The outcome of every seed in a folder: taken from the convert cache where the seed's files are
 * unchanged (by stat, else by digest) and its extraction used the same reference date; computed
 * by the seed converter otherwise, and recorded in the cache. Reads only the seeds it must, and
 * decodes a cached outcome only when asked for it: a run plans with the summaries alone.
 */
import { createHash } from 'node:crypto';
import { serialize } from 'node:v8';
import type { ConvertCache, SeedOutcomeEntry } from './cache.ts';
import { summaryOf, type SeedOutcome, type SeedSummary } from './collection.ts';
import { corpusReferenceDateOf, type SeedInput, type SeedReading } from './seed.ts';
import type { ExtractJob, SeedConverter } from './seed-converter.ts';
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
  // Extracting needs the reference date, so every changed seed is read before any is extracted.
  const latest = new Map<string, string | null>();
  for (const f of files) if (unchanged.has(f.id)) latest.set(f.id, cache!.facts(f.id)!.latest);
  // The converter first: its worker threads start up while this one reads the seed files.
  let seeds: SeedConverter | null = changed.length > 0 ? converter(changed.length) : null;
  // Read as the converter takes them: the first seeds are converted while the rest are read.
  const toRead = (function* () {
    for (const f of changed) yield input(f);
  })();
  const readings = seeds ? seeds.read(toRead) : new Map<string, SeedReading>();
  for (const [id, r] of readings) latest.set(id, r.latest);
  const reference = corpusReferenceDateOf([...latest.values()].map((l) => ({ latest: l }) as SeedReading));

  const outcomes = new Map<string, SeedOutcome>();
  const summaries = new Map<string, SeedSummary>();
  const record = (f: SeedFile, entry: SeedOutcomeEntry, bytes: () => Uint8Array) => {
    const outcome = { id: f.id, ...entry };
    outcomes.set(f.id, outcome);
    summaries.set(f.id, summaryOf(outcome));
    const facts = { stat: f.stat, digest: digests.get(f.id) ?? seedDigest(input(f)), latest: entry.reading.latest, ...(entry.extraction ? { reference } : {}), summary: summaries.get(f.id)! };
    // Serialised now: later steps may change the objects they are handed.
    cache?.set(f.id, facts, bytes());
  };
  const jobs: ExtractJob[] = [];
  for (const f of files) {
    const reading = readings.get(f.id);
    if (reading) {
      if (reading.rejected) {
        const entry = { reading, extraction: null };
        record(f, entry, () => serialize(entry));
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
    const byId = new Map(files.map((f) => [f.id, f]));
    seeds.extract(jobs, reference, (id, entry, bytes) => {
      record(byId.get(id)!, entry, bytes);
      onExtracted(jobs.length);
    });
  }
  const outcomeOf = (id: string) => outcomes.get(id) ?? { id, ...cache!.outcome(id) };
  // The converter stays open to render the meetings of the reports it holds: the caller closes it.
  return { summaries: files.map((f) => summaries.get(f.id)!), outcomeOf, counts: { read: inputs.size, extracted: jobs.length }, converter: seeds };
}
