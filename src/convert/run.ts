/**
 * The convert command's I/O: list the seed folder, take each seed's outcome from the cache or
 * convert it (on worker threads for many seeds), collect the meetings, write the meeting files
 * (removing stale ones), the optional JSON report, and print diagnostics.
 */
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative } from 'node:path';
import { formatDiagnostic } from '../extract/diagnostics.ts';
import { compileKnowledge } from '../knowledge/index.ts';
import { loadKnowledgeFiles } from '../knowledge/load.ts';
import { buildMeeting, type AssembledMeeting, type MeetingPlan } from '../extract/merge.ts';
import { meetingFile, planCollection } from './collection.ts';
import { progressLine, wantsProgress, type ProgressLine } from './progress.ts';
import { convertCacheFor } from './cache.ts';
import { inputKey, type MeetingOutput, writeMeetingFiles } from './meeting-files.ts';
import { seedOutcomes } from './outcomes.ts';
import { seedConverterFor, usesWorkers, workerConverter, type SeedConverter } from './seed-converter.ts';
import { listSeeds, readSeedFile, seedFileNames } from './seed-files.ts';
import type { SeedInput } from './seed.ts';
import { ledgerFileFor, readLedger, recordPermalinks } from '../permalinks/file.ts';
import { heldSlugsOf } from '../permalinks/ledger.ts';

export interface ConvertOptions {
  seedsDir: string;
  outDir: string;
  contentDir: string;
  reportFile: string | null;
  strict: boolean;
  quiet: boolean;
  /** The permalink ledger to record into; null: none (default: content/permalinks.json beside <content>/meetings). */
  ledgerFile?: string | null;
  /** Called once every seed is extracted, before the meeting files are planned and written. */
  onExtracted?: () => void;
  /** Called once the meeting files and the ledger are written, before the cache is saved and the report written. */
  onWritten?: () => void;
}

/** Every seed in a folder, read whole: for conversions in memory (eval, tests). */
export function readSeeds(dir: string): SeedInput[] {
  return listSeeds(dir, null).map(readSeedFile);
}

/**
 * The time from which a seed's stat is not trusted (see listSeeds): the modification time of a
 * stamp file in the cache folder, touched now, so it comes from the file system's own clock.
 */
function stampNow(cacheDir: string): number {
  mkdirSync(cacheDir, { recursive: true });
  const stamp = join(cacheDir, 'run-stamp');
  writeFileSync(stamp, '');
  return statSync(stamp).mtimeMs;
}

export function runConvert(options: ConvertOptions): number {
  if (!existsSync(options.seedsDir)) {
    console.error(`convert: no seeds folder at ${options.seedsDir}`);
    return 2;
  }
  // The convert cache (cache.ts): seeds converted before, by this code and knowledge, are not converted again.
  const cache = convertCacheFor(options.contentDir);
  // Parsing and validating the knowledge files costs more than converting an article: kept too.
  let knowledgeFiles = cache?.knowledgeFiles();
  if (!knowledgeFiles) {
    knowledgeFiles = loadKnowledgeFiles(options.contentDir);
    cache?.saveKnowledgeFiles(knowledgeFiles);
  }
  // With no outcome cached every seed is converted: with enough of them, the worker threads start
  // now, loading their modules and compiling the knowledge while this thread compiles its own
  // and lists the seeds, rather than after.
  const listing = readdirSync(options.seedsDir);
  let early: SeedConverter | null = (cache?.isEmpty() ?? true) && usesWorkers(seedFileNames(listing).length) ? workerConverter(knowledgeFiles, availableParallelism()) : null;
  const knowledge = compileKnowledge(knowledgeFiles);
  const files = listSeeds(options.seedsDir, cache ? stampNow(cache.dir) : null, listing);
  let progress: ProgressLine | null = null;
  const { summaries, outcomeOf, converter } = seedOutcomes(
    files,
    cache,
    (count) => {
      const started = early;
      early = null;
      return started ?? seedConverterFor(count, knowledge, knowledgeFiles);
    },
    (total) => {
      progress ??= wantsProgress(process.stderr, process.env, total) ? progressLine(total, process.stderr) : { seedDone() {}, done() {} };
      progress.seedDone();
    },
  );
  (progress as ProgressLine | null)?.done();
  // Started for seeds that, as it turned out, needed no converting (none, in a cold run).
  (early as SeedConverter | null)?.close();
  options.onExtracted?.();
  // Slugs already published stay with their seeds (see planMeetings).
  const ledgerFile = ledgerFileFor(options);
  const result = planCollection(summaries, heldSlugsOf(readLedger(ledgerFile)));
  // Meetings of the reports extracted in this run are rendered on the worker threads that hold
  // them, while this thread writes the files; the rest here, when their inputs changed.
  let renderedFile: (slug: string) => string | undefined = () => undefined;
  let meetings: AssembledMeeting[] | null;
  let outputs: MeetingOutput[];
  let outcome: ReturnType<typeof writeMeetingFiles>;
  try {
    if (converter) renderedFile = converter.render(result.plans);
    const meetingOf = (plan: MeetingPlan) => buildMeeting(plan, (seed) => outcomeOf(seed).extraction!.input!, knowledge);
    // The ledger records every meeting, so with one every meeting is built; without, only those rendered.
    meetings = ledgerFile ? result.plans.map(meetingOf) : null;
    // A meeting file is made from its seeds' outcomes and its slug: the cache's digests name them.
    const seedKey = (seed: string) => {
      const facts = cache?.facts(seed);
      return facts ? `${facts.digest}:${facts.reference}` : null;
    };
    outputs = result.plans.map((plan, i) => ({ name: `${plan.slug}.md`, key: inputKey(plan, seedKey), render: () => renderedFile(plan.slug) ?? meetingFile(meetings?.[i] ?? meetingOf(plan)) }));
    outcome = writeMeetingFiles(options.outDir, outputs, cache?.outputs(options.outDir));
  } finally {
    converter?.close();
  }
  const { written, removed, record } = outcome;
  if (meetings) recordPermalinks(options, meetings);
  // What a site build reads is written: the cache (which it does not read) is saved after.
  options.onWritten?.();
  cache?.save(new Set(files.map((f) => f.id)));
  cache?.saveOutputs(options.outDir, record);
  if (options.reportFile) writeFileSync(options.reportFile, `${JSON.stringify(result.report, null, 2)}\n`);

  const seedPath = (seed: string) => relative(process.cwd(), join(options.seedsDir, `${seed}.txt`)) || `${seed}.txt`;
  for (const d of result.diagnostics) console.error(formatDiagnostic(d, seedPath));
  const count = (s: string) => result.report.filter((r) => r.status === s).length;
  if (!options.quiet) {
    console.log(
      `convert: ${files.length} seeds → ${outputs.length} meetings (${count('converted')} converted, ${count('merged')} merged, ${count('skipped')} skipped, ${count('rejected')} rejected); ${written} files written, ${removed} removed, ${result.diagnostics.length} diagnostics`,
    );
  }
  const problems = count('skipped') + count('rejected') + result.diagnostics.filter((d) => d.severity !== 'info').length;
  return options.strict && problems > 0 ? 1 : 0;
}
